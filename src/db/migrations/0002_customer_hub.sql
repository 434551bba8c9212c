-- Customer data hub: search columns, cleaning results, identities, contacts, tags, orders,
-- imports (resumable, revertible), merges (undoable), the review queue, per-tenant settings.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE customers
  ADD COLUMN name_pinyin text,
  ADD COLUMN name_initials text,
  ADD COLUMN mobile_status text CHECK (mobile_status IN ('valid', 'invalid', 'dead')),
  ADD COLUMN flags text[] NOT NULL DEFAULT '{}',
  ADD COLUMN completeness smallint NOT NULL DEFAULT 0,
  ADD COLUMN merged_into uuid,
  ADD COLUMN external_id text,
  ADD COLUMN rejected_values jsonb NOT NULL DEFAULT '{}';
CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_pinyin_trgm ON customers USING gin (name_pinyin gin_trgm_ops);
CREATE INDEX customers_initials ON customers (tenant_id, name_initials text_pattern_ops);
CREATE INDEX customers_name_prefix ON customers (tenant_id, name text_pattern_ops);
CREATE INDEX customers_pinyin_prefix ON customers (tenant_id, name_pinyin text_pattern_ops);
CREATE INDEX customers_mobile_trgm ON customers USING gin (mobile gin_trgm_ops);
CREATE INDEX customers_mobile ON customers (tenant_id, mobile);
CREATE INDEX customers_credit_code ON customers (tenant_id, credit_code);
CREATE INDEX customers_completeness ON customers (tenant_id, completeness, id) WHERE deleted_at IS NULL;

-- One customer per verified identity: the unique key makes concurrent imports safe.
CREATE TABLE customer_identities (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('mobile', 'national_id', 'credit_code', 'email', 'external')),
  value text NOT NULL,
  customer_id uuid NOT NULL,
  source text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, kind, value),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_identities_customer ON customer_identities (tenant_id, customer_id);

-- Blocking keys for fuzzy matching: candidate pairs come from shared keys, never all pairs.
CREATE TABLE customer_match_keys (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key text NOT NULL,
  customer_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, key, customer_id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_match_keys_customer ON customer_match_keys (tenant_id, customer_id);

CREATE TABLE customer_tags (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  customer_id uuid NOT NULL,
  tag text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, customer_id, tag),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_tags_tag ON customer_tags (tenant_id, tag);

-- People at a company.
CREATE TABLE customer_contacts (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL,
  name text NOT NULL,
  mobile text,
  email text,
  title text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_contacts_company ON customer_contacts (tenant_id, company_id);

-- Where a customer came from: every channel and import row that named them.
CREATE TABLE customer_sources (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  customer_id uuid NOT NULL,
  channel text NOT NULL,
  import_id uuid,
  line integer,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_sources_customer ON customer_sources (tenant_id, customer_id);

CREATE TABLE orders (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  channel text NOT NULL,
  order_no text NOT NULL,
  ordered_at timestamptz(3) NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
  items jsonb NOT NULL DEFAULT '[]',
  import_id uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, channel, order_no),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX orders_customer ON orders (tenant_id, customer_id, ordered_at DESC);

CREATE TABLE import_templates (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('customers', 'orders')),
  mapping jsonb NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name)
);

CREATE TABLE imports (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN ('customers', 'orders')),
  channel text NOT NULL,
  file_name text NOT NULL,
  file_size bigint NOT NULL,
  file_sha256 text NOT NULL,
  encoding text,
  mapping jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'queued', 'running', 'done', 'failed', 'reverted')),
  -- Lines up to here are applied: a restarted import resumes after it.
  done_line integer NOT NULL DEFAULT 0,
  counts jsonb NOT NULL DEFAULT '{"read":0,"created":0,"updated":0,"merged":0,"rejected":0}',
  error text,
  created_by uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);

-- The uploaded file itself, in 1 MiB pieces: any app node can run the import.
CREATE TABLE import_chunks (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  import_id uuid NOT NULL,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (tenant_id, import_id, seq),
  FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id)
);

CREATE TABLE import_rejects (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  import_id uuid NOT NULL,
  line integer NOT NULL,
  reasons jsonb NOT NULL,
  raw text NOT NULL,
  PRIMARY KEY (tenant_id, import_id, line),
  FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id)
);

-- What an import changed, so it can be reverted as a whole.
CREATE TABLE import_changes (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  import_id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  entity text NOT NULL CHECK (entity IN ('customer', 'order')),
  entity_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('created', 'updated')),
  before jsonb,
  PRIMARY KEY (tenant_id, import_id, seq),
  FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id)
);

CREATE TABLE customer_merges (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  score real,
  reasons jsonb NOT NULL DEFAULT '[]',
  survivor_before jsonb NOT NULL,
  moved jsonb NOT NULL,
  decided_by uuid,
  automatic boolean NOT NULL DEFAULT false,
  at timestamptz(3) NOT NULL DEFAULT now(),
  undone_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, survivor_id) REFERENCES customers (tenant_id, id),
  FOREIGN KEY (tenant_id, merged_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX customer_merges_survivor ON customer_merges (tenant_id, survivor_id);
CREATE INDEX customer_merges_merged ON customer_merges (tenant_id, merged_id);

-- Doubtful pairs waiting for a person: merge or reject with one click.
CREATE TABLE match_reviews (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  a_id uuid NOT NULL,
  b_id uuid NOT NULL,
  score real NOT NULL,
  reasons jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'rejected')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_at timestamptz(3),
  PRIMARY KEY (tenant_id, a_id, b_id),
  CHECK (a_id < b_id),
  FOREIGN KEY (tenant_id, a_id) REFERENCES customers (tenant_id, id),
  FOREIGN KEY (tenant_id, b_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX match_reviews_pending ON match_reviews (tenant_id, score DESC) WHERE status = 'pending';

-- Field template, match thresholds, survivorship and source trust per tenant.
CREATE TABLE customer_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customer_identities', 'customer_match_keys', 'customer_tags', 'customer_contacts',
    'customer_sources', 'orders', 'import_templates', 'imports', 'import_chunks', 'import_rejects', 'import_changes',
    'customer_merges', 'match_reviews', 'customer_settings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = tide_current_tenant()) WITH CHECK (tenant_id = tide_current_tenant())',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO tide_app', t);
  END LOOP;
END $$;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tide_app;
