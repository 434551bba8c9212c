-- Pairs of salespeople the nightly collusion scan has already told managers about, so that each
-- pair is announced once while it stays flagged. Every key leads with tenant_id; RLS forced.

CREATE TABLE pool_collusion_alerts (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  from_user_id uuid NOT NULL,
  to_user_id uuid NOT NULL,
  first_flagged_at timestamptz(3) NOT NULL DEFAULT now(),
  last_records integer NOT NULL CHECK (last_records >= 0),
  PRIMARY KEY (tenant_id, from_user_id, to_user_id)
);

ALTER TABLE pool_collusion_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE pool_collusion_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pool_collusion_alerts
  USING (tenant_id = tide_current_tenant()) WITH CHECK (tenant_id = tide_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON pool_collusion_alerts TO tide_app;
