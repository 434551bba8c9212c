import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('customer data scopes on %s', (kind) => {
  let h: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie } });

  beforeAll(async () => {
    h = await startTestApp(kind);
    const tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    const east = (await call('POST', '/api/v1/teams', admin, { name: '华东' })).json();
    const shanghai = (await call('POST', '/api/v1/teams', admin, { name: '上海', parentId: east.id })).json();
    const south = (await call('POST', '/api/v1/teams', admin, { name: '华南' })).json();
    const people = [
      ['manager', 'manager', east.id],
      ['sales1', 'sales', shanghai.id],
      ['sales2', 'sales', south.id],
      ['service', 'service', null],
    ] as const;
    for (const [key, roleKey, teamId] of people) {
      const user = (await call('POST', '/api/v1/users', admin, { name: key, email: `${key}@x.test`, password: 'password-1', roleKey, teamId })).json();
      ids[key] = user.id;
      cookies[key] = await h.login(`${key}@x.test`, 'password-1');
    }
    for (const [owner, mobile] of [['sales1', '13812345678'], ['sales2', '13987654321']] as const) {
      const res = await call('POST', '/api/v1/customers', cookies[owner]!, { kind: 'person', name: `客户 of ${owner}`, mobile });
      expect(res.statusCode, res.body).toBe(201);
      ids[`customer-${owner}`] = res.json().id;
    }
  });
  afterAll(() => h?.close());

  const namesSeenBy = async (who: string) =>
    (await call('GET', '/api/v1/customers', cookies[who] ?? admin)).json().items.map((c: { name: string }) => c.name).sort();

  it('own scope: a salesperson sees only their own customers', async () => {
    expect(await namesSeenBy('sales1')).toEqual(['客户 of sales1']);
  });

  it('team scope: a manager sees their team subtree', async () => {
    expect(await namesSeenBy('manager')).toEqual(['客户 of sales1']);
  });

  it('all scope: admin and service see everything', async () => {
    expect(await namesSeenBy('admin')).toEqual(['客户 of sales1', '客户 of sales2']);
    expect(await namesSeenBy('service')).toEqual(['客户 of sales1', '客户 of sales2']);
  });

  it("a record outside the caller's scope answers 404, for reads and writes alike", async () => {
    const other = ids['customer-sales2'];
    expect((await call('GET', `/api/v1/customers/${other}`, cookies.sales1!)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/customers/${other}`, cookies.sales1!, { name: 'mine now' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/customers/${other}`, cookies.manager!)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/customers/${other}`, admin)).json().name).toBe('客户 of sales2');
  });

  it('masks phone numbers for roles without the phone permission', async () => {
    const seenByService = (await call('GET', `/api/v1/customers/${ids['customer-sales1']}`, cookies.service!)).json();
    expect(seenByService.mobile).toBe('138****5678');
    const seenByOwner = (await call('GET', `/api/v1/customers/${ids['customer-sales1']}`, cookies.sales1!)).json();
    expect(seenByOwner.mobile).toBe('+8613812345678');
  });

  it('refuses writes to roles without the write permission', async () => {
    const res = await call('POST', '/api/v1/customers', cookies.service!, { kind: 'company', name: 'x' });
    expect(res.statusCode).toBe(403);
  });
});
