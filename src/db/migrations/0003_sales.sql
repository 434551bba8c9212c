-- Sales: leads, web forms, pipelines and opportunities, scoring, assignment.
-- Every key leads with tenant_id; row-level security as in 0001/0002.

-- Leads ---------------------------------------------------------------------
CREATE TABLE leads (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  company text,
  title text,
  mobile text,                      -- E.164 when valid
  email text,
  credit_code text,
  province text,
  city text,
  district text,
  address text,
  industry text,
  company_size text,                -- '1-49' | '50-199' | '200-999' | '1000+'
  birth_year smallint,
  source text NOT NULL,             -- web_form | import | api | referral | event | ...
  channel text,                     -- campaign or channel parameter
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'working', 'qualified', 'disqualified')),
  disqualify_reason text,
  customer_id uuid,                 -- existing customer at intake, or the customer it qualified into
  linked_existing boolean NOT NULL DEFAULT false,
  owner_user_id uuid,
  queue_team_id uuid,               -- waiting in a team queue for a manager to hand out
  assigned_at timestamptz(3),
  score smallint,
  score_reasons jsonb NOT NULL DEFAULT '[]',
  scored_at timestamptz(3),
  completeness smallint NOT NULL DEFAULT 0,
  last_activity_at timestamptz(3),
  activity_count integer NOT NULL DEFAULT 0,
  qualified_at timestamptz(3),
  disqualified_at timestamptz(3),
  notes text,
  custom jsonb NOT NULL DEFAULT '{}',
  flags text[] NOT NULL DEFAULT '{}',
  import_id uuid,
  created_by uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX leads_owner ON leads (tenant_id, owner_user_id, status) WHERE deleted_at IS NULL;
CREATE INDEX leads_created ON leads (tenant_id, created_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_queue ON leads (tenant_id, queue_team_id) WHERE deleted_at IS NULL AND queue_team_id IS NOT NULL;
CREATE INDEX leads_mobile ON leads (tenant_id, mobile) WHERE deleted_at IS NULL;
-- One open lead per mobile: two intakes of the same number at once cannot both create it.
CREATE UNIQUE INDEX leads_open_mobile ON leads (tenant_id, mobile)
  WHERE deleted_at IS NULL AND mobile IS NOT NULL AND status IN ('new', 'working');

-- Lead intake that was dropped (no usable contact, spam), with the reasons: nothing is lost.
CREATE TABLE lead_rejects (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source text NOT NULL,
  channel text,
  payload jsonb NOT NULL,
  reasons text[] NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX lead_rejects_created ON lead_rejects (tenant_id, created_at DESC, id);

-- Calls, visits, notes on a lead: "no contact in N days" and activity features read these.
CREATE TABLE lead_activities (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  lead_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('call', 'visit', 'wechat', 'email', 'note')),
  note text,
  user_id uuid,
  at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id)
);
CREATE INDEX lead_activities_lead ON lead_activities (tenant_id, lead_id, at DESC);

-- Public, embeddable lead forms. `key` is the public handle in the form's address.
CREATE TABLE web_forms (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  name text NOT NULL,
  channel text,
  fields text[] NOT NULL DEFAULT '{name,mobile,company}',
  thank_you text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);

-- Every submission of a public form, spam included: per-address rate limits and form statistics.
CREATE TABLE web_form_submissions (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  form_id uuid NOT NULL,
  ip text,
  outcome text NOT NULL CHECK (outcome IN ('created', 'duplicate', 'rejected', 'spam')),
  lead_id uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, form_id) REFERENCES web_forms (tenant_id, id)
);
CREATE INDEX web_form_submissions_ip ON web_form_submissions (tenant_id, form_id, ip, created_at DESC);

-- Pipelines and opportunities -------------------------------------------------
CREATE TABLE pipelines (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE pipeline_stages (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pipeline_id uuid NOT NULL,
  name text NOT NULL,
  position integer NOT NULL,
  probability smallint NOT NULL CHECK (probability BETWEEN 0 AND 100),
  kind text NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipelines (tenant_id, id)
);
CREATE INDEX pipeline_stages_pipeline ON pipeline_stages (tenant_id, pipeline_id, position);

CREATE TABLE opportunities (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  lead_id uuid,
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  name text NOT NULL,
  amount numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency text NOT NULL DEFAULT 'CNY',
  expected_close_date date,
  products jsonb NOT NULL DEFAULT '[]',   -- [{name, quantity, unitPrice}]
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  lost_reason text,
  owner_user_id uuid,
  win_probability smallint,
  score_reasons jsonb NOT NULL DEFAULT '[]',
  scored_at timestamptz(3),
  stage_entered_at timestamptz(3) NOT NULL DEFAULT now(),
  closed_at timestamptz(3),
  last_activity_at timestamptz(3),
  custom jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipelines (tenant_id, id),
  FOREIGN KEY (tenant_id, stage_id) REFERENCES pipeline_stages (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX opportunities_stage ON opportunities (tenant_id, pipeline_id, stage_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_owner ON opportunities (tenant_id, owner_user_id, status) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_customer ON opportunities (tenant_id, customer_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_lead ON opportunities (tenant_id, lead_id) WHERE lead_id IS NOT NULL;

-- One row per stay in a stage; left_at - entered_at is the time spent there.
CREATE TABLE opportunity_stage_history (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opportunity_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  from_stage_id uuid,
  user_id uuid,
  entered_at timestamptz(3) NOT NULL DEFAULT now(),
  left_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities (tenant_id, id)
);
CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history (tenant_id, opportunity_id, entered_at);

-- Scoring -----------------------------------------------------------------------
CREATE TABLE scoring_rules (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  target text NOT NULL CHECK (target IN ('lead', 'opportunity')),
  name text NOT NULL,
  condition jsonb NOT NULL,
  points smallint NOT NULL CHECK (points BETWEEN -100 AND 100),
  enabled boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Trained models, newest first; the active one per target scores new records.
CREATE TABLE scoring_models (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  target text NOT NULL CHECK (target IN ('lead', 'opportunity')),
  algorithm text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'insufficient', 'retired')),
  samples integer NOT NULL,
  positives integer NOT NULL,
  auc real,
  rule_auc real,
  model jsonb NOT NULL DEFAULT '{}',
  trained_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX scoring_models_latest ON scoring_models (tenant_id, target, trained_at DESC);

CREATE TABLE scoring_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Assignment ----------------------------------------------------------------------
CREATE TABLE assignment_rules (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  enabled boolean NOT NULL DEFAULT true,
  condition jsonb NOT NULL DEFAULT '{"all": []}',
  method text NOT NULL CHECK (method IN ('random', 'round_robin', 'load_balanced', 'queue', 'matching', 'fixed')),
  user_ids uuid[] NOT NULL DEFAULT '{}',
  team_id uuid,
  cap integer CHECK (cap IS NULL OR cap > 0),
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);

-- Round-robin position per rule, in the database so it survives restarts and is shared by nodes.
CREATE TABLE assignment_cursors (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  rule_id uuid NOT NULL,
  last_user_id uuid,
  turns bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, rule_id)
);

-- Who may receive leads right now: absence and a personal cap.
CREATE TABLE seller_availability (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL,
  absent_from date,
  absent_until date,
  lead_cap integer CHECK (lead_cap IS NULL OR lead_cap > 0),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id)
);

-- Conversion record per seller and customer trait, the matching method's memory (feedback loop).
CREATE TABLE seller_stats (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL,
  feature text NOT NULL,            -- e.g. 'industry=制造业', 'region=华东'
  trials integer NOT NULL DEFAULT 0,
  wins integer NOT NULL DEFAULT 0,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, feature)
);

CREATE TABLE assignment_log (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  lead_id uuid NOT NULL,
  rule_id uuid,
  method text NOT NULL,
  user_id uuid,
  team_id uuid,
  by_user_id uuid,                  -- null when a rule assigned it
  reason jsonb NOT NULL DEFAULT '{}',
  at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX assignment_log_lead ON assignment_log (tenant_id, lead_id, at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['leads', 'lead_rejects', 'lead_activities', 'web_forms', 'web_form_submissions', 'pipelines', 'pipeline_stages',
    'opportunities', 'opportunity_stage_history', 'scoring_rules', 'scoring_models', 'scoring_settings',
    'assignment_rules', 'assignment_cursors', 'seller_availability', 'seller_stats', 'assignment_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = tide_current_tenant()) WITH CHECK (tenant_id = tide_current_tenant())',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO tide_app', t);
  END LOOP;
END $$;

-- The public form endpoint knows only the form key; this resolves it to its tenant without RLS.
CREATE FUNCTION tide_web_form_tenant(form_key text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT tenant_id FROM web_forms WHERE key = form_key AND deleted_at IS NULL AND enabled
$$;
CREATE POLICY auth_lookup ON web_forms FOR SELECT TO tide_auth USING (true);
GRANT SELECT ON web_forms TO tide_auth;
ALTER FUNCTION tide_web_form_tenant(text) OWNER TO tide_auth;
REVOKE ALL ON FUNCTION tide_web_form_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tide_web_form_tenant(text) TO tide_app;

-- New permissions for existing tenants' built-in roles.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || CASE key
    WHEN 'admin' THEN ARRAY['leads.read', 'leads.write', 'leads.assign', 'pipeline.read', 'pipeline.write', 'sales.configure']
    WHEN 'manager' THEN ARRAY['leads.read', 'leads.write', 'leads.assign', 'pipeline.read', 'pipeline.write']
    WHEN 'sales' THEN ARRAY['leads.read', 'leads.write', 'pipeline.read', 'pipeline.write']
    ELSE ARRAY['leads.read', 'pipeline.read'] END));

-- Imports may carry leads too (a purchased call list, a trade-show sheet).
ALTER TABLE import_templates DROP CONSTRAINT import_templates_type_check;
ALTER TABLE import_templates ADD CONSTRAINT import_templates_type_check CHECK (type IN ('customers', 'orders', 'leads'));
ALTER TABLE imports DROP CONSTRAINT imports_type_check;
ALTER TABLE imports ADD CONSTRAINT imports_type_check CHECK (type IN ('customers', 'orders', 'leads'));
ALTER TABLE import_changes DROP CONSTRAINT import_changes_entity_check;
ALTER TABLE import_changes ADD CONSTRAINT import_changes_entity_check CHECK (entity IN ('customer', 'order', 'lead'));
