-- Follow-up tasks (待办 / 下次跟进): the next call, visit or message a salesperson plans on a lead,
-- a customer or an opportunity. Every key leads with tenant_id; row-level security as in 0004.

CREATE TABLE follow_up_tasks (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The record belongs to another module; tasks keep only its reference, as the pool does.
  record_type text NOT NULL CHECK (record_type IN ('lead', 'customer', 'opportunity')),
  record_id uuid NOT NULL,
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('call', 'visit', 'wechat', 'email', 'other')),
  due_at timestamptz(3) NOT NULL,
  assignee_user_id uuid NOT NULL,
  note text,
  done_at timestamptz(3),
  done_by uuid,
  created_by uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, done_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
  CHECK ((done_at IS NULL) = (done_by IS NULL))
);
-- "My open tasks, soonest first" on every visit to /tasks, and a handover's open tasks of one person.
CREATE INDEX follow_up_tasks_open ON follow_up_tasks (tenant_id, assignee_user_id, due_at) WHERE done_at IS NULL AND deleted_at IS NULL;
-- The "next follow-up" card on a lead or customer page.
CREATE INDEX follow_up_tasks_record ON follow_up_tasks (tenant_id, record_type, record_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['follow_up_tasks'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = tide_current_tenant()) WITH CHECK (tenant_id = tide_current_tenant())',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO tide_app', t);
  END LOOP;
END $$;
