-- Timestamps carry milliseconds (timestamptz(3)) so that a JavaScript Date round-trips exactly: keyset cursors depend on it.
-- Foundation: roles for row-level security, tenants, organisation, identity, audit.
-- Every tenant table has tenant_id first in every key, RLS enabled and forced.

DO $$ BEGIN
  CREATE ROLE tide_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
-- Owns the few SECURITY DEFINER functions that must look across tenants (login by e-mail).
DO $$ BEGIN
  CREATE ROLE tide_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'tide_app', 'MEMBER') THEN
    EXECUTE format('GRANT tide_app TO %I', current_user);
  END IF;
  IF NOT pg_has_role(current_user, 'tide_auth', 'MEMBER') THEN
    EXECUTE format('GRANT tide_auth TO %I', current_user);
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO tide_app, tide_auth;
GRANT CREATE ON SCHEMA public TO tide_auth;

CREATE FUNCTION tide_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key text NOT NULL CHECK (key IN ('admin', 'manager', 'sales', 'service')),
  data_scope text NOT NULL CHECK (data_scope IN ('own', 'team', 'all')),
  permissions text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

CREATE TABLE teams (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  parent_id uuid,
  manager_user_id uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES teams (tenant_id, id),
  CHECK (parent_id IS DISTINCT FROM id)
);

CREATE TABLE users (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text,
  mobile text,
  password_hash text NOT NULL,
  role_key text NOT NULL,
  team_id uuid,
  locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en-US')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  last_login_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, role_key) REFERENCES roles (tenant_id, key),
  FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id),
  CHECK (email IS NOT NULL OR mobile IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (tenant_id, lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_mobile_key ON users (tenant_id, mobile) WHERE mobile IS NOT NULL;
CREATE INDEX users_login_email ON users (lower(email));
CREATE INDEX users_login_mobile ON users (mobile);
CREATE INDEX users_team ON users (tenant_id, team_id);
ALTER TABLE teams ADD FOREIGN KEY (tenant_id, manager_user_id) REFERENCES users (tenant_id, id);

CREATE TABLE sessions (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  revoked_at timestamptz(3),
  ip text,
  user_agent text,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);

CREATE TABLE api_tokens (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE audit_log (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor_user_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text,
  request_id text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_at ON audit_log (tenant_id, at DESC, id DESC);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity, entity_id);

CREATE TABLE customers (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'company')),
  name text NOT NULL,
  mobile text,
  email text,
  national_id text,
  credit_code text,
  province text,
  city text,
  district text,
  street text,
  address text,
  industry text,
  source text,
  owner_user_id uuid,
  custom jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX customers_created ON customers (tenant_id, created_at DESC, id DESC);
CREATE INDEX customers_owner ON customers (tenant_id, owner_user_id);

-- Failed-login counters, keyed by account or IP across tenants (an attacker does not stop at one).
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz(3) NOT NULL DEFAULT now(),
  locked_until timestamptz(3)
);

-- Row-level security on every tenant table.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['roles', 'teams', 'users', 'sessions', 'api_tokens', 'audit_log', 'customers'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = tide_current_tenant()) WITH CHECK (tenant_id = tide_current_tenant())',
      t);
  END LOOP;
END $$;
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = tide_current_tenant()) WITH CHECK (id = tide_current_tenant());

-- The definer functions' owner may read logins and tenants, nothing else.
CREATE POLICY auth_lookup ON users FOR SELECT TO tide_auth USING (true);
CREATE POLICY auth_lookup ON tenants FOR SELECT TO tide_auth USING (true);
GRANT SELECT ON users, tenants TO tide_auth;

CREATE FUNCTION tide_login_candidates(p_email text, p_mobile text, p_tenant_slug text)
  RETURNS TABLE (tenant_id uuid, user_id uuid, password_hash text, status text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.tenant_id, u.id, u.password_hash, u.status
  FROM users u JOIN tenants t ON t.id = u.tenant_id
  WHERE ((p_email IS NOT NULL AND lower(u.email) = lower(p_email)) OR (p_mobile IS NOT NULL AND u.mobile = p_mobile))
    AND (p_tenant_slug IS NULL OR t.slug = p_tenant_slug)
$$;
CREATE FUNCTION tide_tenant_by_slug(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM tenants WHERE slug = p_slug
$$;
CREATE FUNCTION tide_tenant_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM tenants ORDER BY created_at
$$;
ALTER FUNCTION tide_login_candidates(text, text, text) OWNER TO tide_auth;
ALTER FUNCTION tide_tenant_by_slug(text) OWNER TO tide_auth;
ALTER FUNCTION tide_tenant_ids() OWNER TO tide_auth;
REVOKE ALL ON FUNCTION tide_login_candidates(text, text, text), tide_tenant_by_slug(text), tide_tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tide_login_candidates(text, text, text), tide_tenant_by_slug(text), tide_tenant_ids() TO tide_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, roles, teams, users, sessions, api_tokens, audit_log, customers, login_throttle TO tide_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tide_app;
