-- Public and private pools (公海 / 私海): pools, members, limits, recycle rules, the pool's view
-- of every record it manages, movements, recycle runs. Every key leads with tenant_id; RLS forced.

CREATE TABLE pools (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  is_default boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  -- Records entering pool management land in the first pool whose condition matches, else the default.
  entry_condition jsonb,
  levels text[] NOT NULL DEFAULT '{A,B,C}',
  daily_claim_limit integer NOT NULL DEFAULT 20 CHECK (daily_claim_limit >= 0),
  private_cap integer NOT NULL DEFAULT 200 CHECK (private_cap >= 0),
  cap_counts_won boolean NOT NULL DEFAULT false,
  claim_wait_minutes integer NOT NULL DEFAULT 0 CHECK (claim_wait_minutes >= 0),
  protection_days integer NOT NULL DEFAULT 7 CHECK (protection_days >= 0),
  warn_days integer NOT NULL DEFAULT 2 CHECK (warn_days >= 0),
  exempt_won boolean NOT NULL DEFAULT true,
  exempt_open_probability smallint CHECK (exempt_open_probability BETWEEN 0 AND 100),
  exempt_live_contract boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX pools_name ON pools (tenant_id, name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX pools_default ON pools (tenant_id) WHERE deleted_at IS NULL AND is_default;

-- Who may see and claim from a pool (member) and who sets its rules (admin): people or whole teams.
CREATE TABLE pool_members (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pool_id uuid NOT NULL,
  user_id uuid,
  team_id uuid,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pool_id) REFERENCES pools (tenant_id, id),
  CHECK ((user_id IS NULL) <> (team_id IS NULL))
);
CREATE INDEX pool_members_pool ON pool_members (tenant_id, pool_id);

-- Limits for a role or a person in a pool, over the pool's defaults (a person's beats their role's).
CREATE TABLE pool_limits (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pool_id uuid NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('role', 'user')),
  subject text NOT NULL,
  daily_claim_limit integer CHECK (daily_claim_limit >= 0),
  private_cap integer CHECK (private_cap >= 0),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pool_id) REFERENCES pools (tenant_id, id)
);
CREATE UNIQUE INDEX pool_limits_subject ON pool_limits (tenant_id, pool_id, subject_kind, subject);

-- Recycle rules per pool and customer level (NULL level = every level).
CREATE TABLE pool_rules (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pool_id uuid NOT NULL,
  level text,
  kind text NOT NULL CHECK (kind IN ('no_follow_up', 'no_opportunity', 'no_won')),
  days integer NOT NULL CHECK (days BETWEEN 1 AND 3650),
  enabled boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pool_id) REFERENCES pools (tenant_id, id)
);
CREATE INDEX pool_rules_pool ON pool_rules (tenant_id, pool_id);

-- The pool's view of each record it manages: where it is, who holds it, and the facts recycle
-- rules read. Other modules push the facts (a follow-up, an opportunity, a won deal) through the
-- pool's service functions, so one set-based UPDATE can recycle a million records.
CREATE TABLE pool_records (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  record_type text NOT NULL CHECK (record_type IN ('lead', 'customer')),
  record_id uuid NOT NULL,
  pool_id uuid NOT NULL,
  owner_user_id uuid,                    -- NULL: in the public pool
  level text,
  title text NOT NULL,
  province text,
  city text,
  industry text,
  source text,
  lat double precision,
  lng double precision,
  entered_at timestamptz(3) NOT NULL DEFAULT now(),  -- since when it is in its current place
  claimed_at timestamptz(3),             -- when its current owner got it
  last_follow_up_at timestamptz(3),
  last_opportunity_at timestamptz(3),
  open_probability smallint,             -- highest win probability among its open opportunities
  won_at timestamptz(3),
  contract_until date,
  claimable_at timestamptz(3),           -- a fallen record waits until then before anyone may claim it
  protected_user_id uuid,                -- the former owner, who may not claim it back ...
  protected_until timestamptz(3),        -- ... until then
  warned_deadline timestamptz(3),        -- the deadline its owner was last warned about
  fall_count integer NOT NULL DEFAULT 0,
  closed_at timestamptz(3),              -- left pool management (lead closed, record deleted or merged)
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, record_type, record_id),
  FOREIGN KEY (tenant_id, pool_id) REFERENCES pools (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX pool_records_owner ON pool_records (tenant_id, owner_user_id, pool_id) WHERE closed_at IS NULL AND owner_user_id IS NOT NULL;
CREATE INDEX pool_records_public ON pool_records (tenant_id, pool_id, entered_at DESC, record_id) WHERE closed_at IS NULL AND owner_user_id IS NULL;
CREATE INDEX pool_records_title ON pool_records USING gin (title gin_trgm_ops) WHERE closed_at IS NULL;

-- Every movement of a record: who, when, from, to, why.
CREATE TABLE pool_movements (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  record_type text NOT NULL,
  record_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('enter', 'claim', 'assign', 'fall', 'release', 'move', 'handover', 'close')),
  from_user_id uuid,
  to_user_id uuid,
  from_pool_id uuid,
  to_pool_id uuid,
  reason text,
  detail jsonb,
  actor_user_id uuid,
  run_id uuid,
  at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX pool_movements_record ON pool_movements (tenant_id, record_type, record_id, at DESC);
CREATE INDEX pool_movements_claims ON pool_movements (tenant_id, to_user_id, at) WHERE kind = 'claim';
CREATE INDEX pool_movements_kind ON pool_movements (tenant_id, kind, at);

-- One recycle run per tenant and day, whatever the number of app nodes.
CREATE TABLE pool_runs (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  run_date date NOT NULL,
  trigger text NOT NULL DEFAULT 'schedule' CHECK (trigger IN ('schedule', 'manual')),
  fell integer NOT NULL DEFAULT 0,
  warned integer NOT NULL DEFAULT 0,
  started_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX pool_runs_daily ON pool_runs (tenant_id, run_date) WHERE trigger = 'schedule';

-- Tenant-wide pool settings: collusion thresholds.
CREATE TABLE pool_settings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  collusion_gap_hours integer NOT NULL DEFAULT 72 CHECK (collusion_gap_hours > 0),
  collusion_min_records integer NOT NULL DEFAULT 3 CHECK (collusion_min_records > 0),
  collusion_lookback_days integer NOT NULL DEFAULT 90 CHECK (collusion_lookback_days > 0),
  circulation_min_moves integer NOT NULL DEFAULT 3 CHECK (circulation_min_moves > 1),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pools', 'pool_members', 'pool_limits', 'pool_rules', 'pool_records', 'pool_movements', 'pool_runs', 'pool_settings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = tide_current_tenant()) WITH CHECK (tenant_id = tide_current_tenant())',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO tide_app', t);
  END LOOP;
END $$;

-- New permissions for existing tenants' built-in roles.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || CASE key
    WHEN 'admin' THEN ARRAY['pool.claim', 'pool.manage']
    WHEN 'manager' THEN ARRAY['pool.claim', 'pool.manage']
    WHEN 'sales' THEN ARRAY['pool.claim']
    ELSE ARRAY[]::text[] END));
