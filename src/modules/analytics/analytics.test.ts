import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('conversion funnel on %s', (kind) => {
  let h: TestApp;
  let admin: string;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie } });
  const today = new Date().toISOString().slice(0, 10);
  const url = (groupBy: string) => `/api/v1/analytics/funnel?from=2025-01-01&to=${today}&groupBy=${groupBy}`;

  beforeAll(async () => {
    h = await startTestApp(kind);
    const tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    for (const key of ['sales1', 'sales2']) {
      ids[key] = (await call('POST', '/api/v1/users', admin, { name: key, email: `${key}@x.test`, password: 'password-1', roleKey: 'sales' })).json().id;
      cookies[key] = await h.login(`${key}@x.test`, 'password-1');
    }
    const customer = await call('POST', '/api/v1/customers', cookies.sales1!, { kind: 'company', name: '宁波海曙贸易有限公司' });
    ids.customer = customer.json().id;
    // Leads as the leads module stores them: sales1 has three from 抖音 and one from 百度, sales2 one from 百度.
    const leads = [
      ['a', '抖音', 'sales1', '2025-03-01T00:00:00Z', '2025-03-03T00:00:00Z', 'qualified'],
      ['b', '抖音', 'sales1', '2025-03-01T00:00:00Z', '2025-03-05T00:00:00Z', 'qualified'],
      ['c', '抖音', 'sales1', '2025-03-02T00:00:00Z', null, 'working'],
      ['d', '百度', 'sales1', '2025-03-02T00:00:00Z', null, 'disqualified'],
      ['e', '百度', 'sales2', '2025-03-02T00:00:00Z', '2025-03-04T00:00:00Z', 'qualified'],
      ['old', '百度', 'sales1', '2019-03-02T00:00:00Z', '2019-03-04T00:00:00Z', 'qualified'],
    ] as const;
    await h.t.db.tenantTx(tenant.id, async (tx) => {
      for (const [key, channel, owner, created, qualified, status] of leads) {
        const result = await tx.execute(sql`
          insert into leads (tenant_id, name, source, channel, owner_user_id, created_at, qualified_at, status)
          values (${tenant.id}, ${`线索 ${key}`}, 'web_form', ${channel}, ${ids[owner]}, ${created}, ${qualified}, ${status})
          returning id`);
        const rows = (Array.isArray(result) ? result : (result as { rows: { id: string }[] }).rows) as { id: string }[];
        ids[`lead-${key}`] = rows[0]!.id;
      }
    });
    const opp = async (lead: string) => (await call('POST', '/api/v1/opportunities', cookies.sales1!, { customerId: ids.customer, leadId: ids[`lead-${lead}`], name: `商机 ${lead}`, amount: 5000 })).json();
    const a = await opp('a');
    await opp('b');
    await call('POST', `/api/v1/opportunities/${a.id}/won`, cookies.sales1!, {});
    await opp('old');
  });
  afterAll(() => h?.close());

  it('counts leads → qualified → opportunities → won with rates, for the whole period', async () => {
    const res = await call('GET', url('channel'), admin);
    expect(res.statusCode, res.body).toBe(200);
    const { total, groups } = res.json();
    expect(total).toMatchObject({ leads: 5, qualified: 3, opportunities: 2, won: 1, wonAmount: '5000.00' });
    expect(total.rates).toEqual({ qualified: 0.6, opportunities: 0.6667, won: 0.5, overall: 0.2 });
    expect(total.medianDays.toQualified).toBe(2);
    expect(groups.map((g: { key: string; leads: number; won: number }) => [g.key, g.leads, g.won])).toEqual([
      ['抖音', 3, 1],
      ['百度', 2, 0],
    ]);
  });

  it('groups by owner with their names, and applies the data scope', async () => {
    const byOwner = (await call('GET', url('owner'), admin)).json();
    expect(byOwner.groups.map((g: { label: string; leads: number }) => [g.label, g.leads])).toEqual([
      ['sales1', 4],
      ['sales2', 1],
    ]);
    const seenBySales2 = (await call('GET', url('channel'), cookies.sales2!)).json();
    expect(seenBySales2.total).toMatchObject({ leads: 1, qualified: 1, opportunities: 0 });
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await call('GET', '/api/v1/analytics/funnel?from=2025-03-10&to=2025-03-01', admin);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['to']);
    expect((await call('GET', '/api/v1/analytics/funnel?from=nope&to=2025-03-01', admin)).statusCode).toBe(400);
  });
});
