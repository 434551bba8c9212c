import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { buildTenant, type TestTenant } from '../helpers/app.ts';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

describe.each(DB_KINDS)('tenant isolation on %s', (kind) => {
  let t: TestDatabase;
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    a = await buildTenant(t);
    b = await buildTenant(t);
  });
  afterAll(() => t?.drop());

  it('works as a role that is neither superuser nor BYPASSRLS', async () => {
    const [role] = await t.db.tenantTx(a.id, (tx) =>
      queryRows<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
        tx,
        sql`select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    expect(role).toEqual({ current_user: 'tide_app', rolsuper: false, rolbypassrls: false });
  });

  it('a query that forgets its tenant filter sees only its own tenant', async () => {
    const seenByA = await t.db.tenantTx(a.id, (tx) => queryRows<{ email: string }>(tx, sql`select email from users`));
    const seenByB = await t.db.tenantTx(b.id, (tx) => queryRows<{ email: string }>(tx, sql`select email from users`));
    expect(seenByA.map((r) => r.email)).toEqual([a.adminLogin]);
    expect(seenByB.map((r) => r.email)).toEqual([b.adminLogin]);
    const tenantsSeen = await t.db.tenantTx(a.id, (tx) => queryRows<{ slug: string }>(tx, sql`select slug from tenants`));
    expect(tenantsSeen.map((r) => r.slug)).toEqual([a.slug]);
  });

  it('with no tenant set, tenant tables show nothing', async () => {
    const rows = await t.db.systemTx((tx) => queryRows(tx, sql`select * from users`));
    expect(rows).toHaveLength(0);
  });

  it("refuses to write a row into another tenant, and to change another tenant's rows", async () => {
    const error = await t.db
      .tenantTx(a.id, (tx) => tx.execute(sql`insert into audit_log (tenant_id, action, entity) values (${b.id}, 'x', 'y')`))
      .then(() => undefined, (e: Error) => e);
    expect(((error?.cause as Error | undefined) ?? error)?.message).toMatch(/row-level security/);
    const updated = await t.db.tenantTx(a.id, (tx) =>
      queryRows(tx, sql`update users set name = 'hijacked' where tenant_id = ${b.id} returning id`),
    );
    expect(updated).toHaveLength(0);
    const names = await t.db.tenantTx(b.id, (tx) => queryRows<{ name: string }>(tx, sql`select name from users`));
    expect(names.map((r) => r.name)).toEqual(['Admin']);
  });

  it('every tenant table has tenant_id leading its primary key, and RLS forced', async () => {
    const rows = await t.db.tenantTx(a.id, (tx) =>
      queryRows<{ table_name: string; first_key: string; forced: boolean; enabled: boolean }>(
        tx,
        sql`select c.relname as table_name, a.attname as first_key, c.relforcerowsecurity as forced, c.relrowsecurity as enabled
            from pg_constraint k
            join pg_class c on c.oid = k.conrelid
            join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
            where k.contype = 'p' and c.relname not in ('tide_migrations', 'login_throttle')`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) {
      expect(r.forced, r.table_name).toBe(true);
      expect(r.enabled, r.table_name).toBe(true);
      expect(r.first_key, r.table_name).toBe(r.table_name === 'tenants' ? 'id' : 'tenant_id');
    }
  });
});
