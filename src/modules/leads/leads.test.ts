import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('leads on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  const call = (method: Method, url: string, cookie: string, payload?: object, extra: { remoteAddress?: string } = {}) =>
    h.app.inject({ method, url, payload, headers: { cookie }, ...extra });
  const inTenant = <T>(fn: Parameters<TestApp['t']['db']['tenantTx']>[1]) => h.t.db.tenantTx(tenant.id, fn) as Promise<T>;

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    const east = (await call('POST', '/api/v1/teams', admin, { name: '华东' })).json();
    const south = (await call('POST', '/api/v1/teams', admin, { name: '华南' })).json();
    ids.east = east.id;
    ids.south = south.id;
    const people = [
      ['manager', 'manager', east.id],
      ['sales1', 'sales', east.id],
      ['sales2', 'sales', east.id],
      ['sales3', 'sales', south.id],
      ['service', 'service', null],
    ] as const;
    for (const [key, roleKey, teamId] of people) {
      const user = (await call('POST', '/api/v1/users', admin, { name: key, email: `${key}@x.test`, password: 'password-1', roleKey, teamId })).json();
      ids[key] = user.id;
      cookies[key] = await h.login(`${key}@x.test`, 'password-1');
    }
    // Leads from 华东 provinces go round-robin to sales1 and sales2.
    await inTenant(async (tx) =>
      tx.execute(sql`insert into assignment_rules (tenant_id, name, position, condition, method, user_ids)
        values (${tenant.id}, '华东轮询', 0, ${JSON.stringify({ all: [{ field: 'region', op: 'eq', value: '华东' }] })}::jsonb, 'round_robin',
          array[${ids.sales1}, ${ids.sales2}]::uuid[])`),
    );
  });
  afterAll(() => h?.close());

  it('a new lead is cleaned, scored with reasons and assigned by the first matching rule', async () => {
    const res = await call('POST', '/api/v1/leads', admin, { name: '张伟', mobile: '138 1111 0001', company: '杭州云帆科技有限公司', province: '浙江省', source: 'referral', channel: '展会' });
    expect(res.statusCode, res.body).toBe(201);
    const { outcome, lead } = res.json();
    expect(outcome).toBe('created');
    expect(lead).toMatchObject({ mobile: '+8613811110001', status: 'new', source: 'referral', channel: '展会', linkedExisting: false });
    expect(lead.score).toBeGreaterThanOrEqual(0);
    expect(lead.score).toBeLessThanOrEqual(100);
    expect(lead.scoreReasons.length).toBeGreaterThan(0);
    expect([ids.sales1, ids.sales2]).toContain(lead.ownerUserId);
    const history = (await call('GET', `/api/v1/leads/${lead.id}/assignments`, admin)).json().items;
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history[0])).toContain('华东轮询');
    ids.lead1 = lead.id;
  });

  it('round-robin alternates between the rule’s people', async () => {
    const owners: string[] = [];
    for (let i = 2; i <= 5; i++) {
      const res = await call('POST', '/api/v1/leads', admin, { name: `线索${i}`, mobile: `1381111000${i}`, province: '江苏省' });
      expect(res.statusCode, res.body).toBe(201);
      owners.push(res.json().lead.ownerUserId);
    }
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners[0]).toBe(owners[2]);
    expect(owners[1]).toBe(owners[3]);
  });

  it('the same number again answers the open lead instead of creating it twice', async () => {
    const res = await call('POST', '/api/v1/leads', admin, { name: '张伟', mobile: '13811110001' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'duplicate', lead: { id: ids.lead1 } });
  });

  it('refuses a lead nobody can reach, naming the field, and writes nothing', async () => {
    const before = (await call('GET', '/api/v1/leads?limit=200', admin)).json().items.length;
    const res = await call('POST', '/api/v1/leads', admin, { name: '无号码' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('mobile');
    const bad = await call('POST', '/api/v1/leads', admin, { name: 'x', mobile: '138', birthYear: 'old' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('birthYear');
    expect((await call('GET', '/api/v1/leads?limit=200', admin)).json().items.length).toBe(before);
  });

  it('a lead whose number is already a customer is linked to it', async () => {
    const customer = (await call('POST', '/api/v1/customers', admin, { kind: 'person', name: '老客户', mobile: '13922220000' })).json();
    const res = await call('POST', '/api/v1/leads', admin, { name: '老客户', mobile: '+86 139 2222 0000' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lead).toMatchObject({ customerId: customer.id, linkedExisting: true });
  });

  it('batch intake drops unreachable leads to the rejected list with reasons', async () => {
    const res = await call('POST', '/api/v1/leads/batch', admin, {
      source: 'event',
      channel: '2026 春季展',
      leads: [{ name: '甲', mobile: '13733330001' }, { name: '乙', mobile: '12345' }, { name: '丙', email: 'c@example.com' }, { name: '甲', mobile: '13733330001' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().summary).toMatchObject({ read: 4, created: 2, duplicates: 1, rejected: 1 });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'rejected', 'created', 'duplicate']);
    const rejects = (await call('GET', '/api/v1/leads/rejects', admin)).json().items;
    expect(rejects[0]).toMatchObject({ source: 'event', channel: '2026 春季展', reasons: ['mobile_invalid', 'mobile_invalid'] });
    expect(rejects[0].payload).toMatchObject({ name: '乙', line: 2 });
  });

  it('logging a call makes a new lead "working" and counts the activity', async () => {
    const res = await call('POST', `/api/v1/leads/${ids.lead1}/activities`, admin, { kind: 'call', note: '约了下周拜访' });
    expect(res.statusCode, res.body).toBe(201);
    const lead = (await call('GET', `/api/v1/leads/${ids.lead1}`, admin)).json();
    expect(lead).toMatchObject({ status: 'working', activityCount: 1 });
    expect(lead.lastActivityAt).not.toBeNull();
    expect((await call('GET', `/api/v1/leads/${ids.lead1}/activities`, admin)).json().items[0]).toMatchObject({ kind: 'call', note: '约了下周拜访', userName: 'Admin' });
  });

  it('qualifying from two browsers at once converts once: one customer, the other gets 409', async () => {
    const [a, b] = await Promise.all([
      call('POST', `/api/v1/leads/${ids.lead1}/qualify`, admin, { opportunity: { name: '云帆 CRM 项目', amount: 120000 } }),
      call('POST', `/api/v1/leads/${ids.lead1}/qualify`, admin, { opportunity: { name: '云帆 CRM 项目', amount: 120000 } }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes, a.body + b.body).toEqual([200, 409]);
    const ok = a.statusCode === 200 ? a.json() : b.json();
    const refused = a.statusCode === 409 ? a.json() : b.json();
    expect(refused.error.code).toBe('lead_already_qualified');
    expect(ok).toMatchObject({ customerCreated: true, lead: { status: 'qualified', customerId: ok.customerId } });
    expect(ok.opportunityId).toBeTruthy();
    const detail = (await call('GET', `/api/v1/customers/${ok.customerId}/detail`, admin)).json();
    expect(detail.customer).toMatchObject({ kind: 'company', name: '杭州云帆科技有限公司' });
    expect(detail.contacts.map((c: { name: string }) => c.name)).toEqual(['张伟']);
    const [count] = await inTenant<{ n: number }[]>((tx) => queryRows(tx, sql`select count(*)::int as n from customers where name = '杭州云帆科技有限公司'`));
    expect(count!.n).toBe(1);
  });

  it('disqualifying needs a reason, and a disqualified lead cannot be qualified', async () => {
    const lead = (await call('POST', '/api/v1/leads', admin, { name: '无效', mobile: '13644440000' })).json().lead;
    const missing = await call('POST', `/api/v1/leads/${lead.id}/disqualify`, admin, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('reason');
    const done = await call('POST', `/api/v1/leads/${lead.id}/disqualify`, admin, { reason: 'no_budget', note: '预算明年' });
    expect(done.json()).toMatchObject({ status: 'disqualified', disqualifyReason: 'no_budget: 预算明年' });
    const again = await call('POST', `/api/v1/leads/${lead.id}/qualify`, admin, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('lead_already_disqualified');
  });

  it('data scope: a salesperson sees their own leads only; others answer 404', async () => {
    const mine = (await call('GET', '/api/v1/leads?limit=200', cookies.sales1!)).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l: { ownerUserId: string }) => l.ownerUserId === ids.sales1)).toBe(true);
    const other = (await call('GET', '/api/v1/leads?limit=200', cookies.sales2!)).json().items[0];
    expect((await call('GET', `/api/v1/leads/${other.id}`, cookies.sales1!)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/leads/${other.id}`, cookies.service!)).json().mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('search finds a lead by part of its name or company, or a run of its phone digits, within the caller’s scope', async () => {
    const titles = async (q: string, cookie = admin) => {
      const res = await call('GET', `/api/v1/leads?limit=50&q=${encodeURIComponent(q)}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((l: { name: string }) => l.name).sort();
    };
    expect(await titles('云帆科技')).toEqual(['张伟']); // the company, through the trigram index
    expect(await titles('帆科')).toEqual(['张伟']); // two characters: too short for trigrams, still found
    expect(await titles('线索')).toEqual(['线索2', '线索3', '线索4', '线索5']);
    expect(await titles('1111 0003')).toEqual(['线索3']); // digits inside +8613811110003
    expect(await titles('找不到的公司')).toEqual([]);
    expect(await titles('a%_\\')).toEqual([]); // LIKE's wildcards are searched as themselves
    // Scope still applies: only the owner among the salespeople finds it.
    const owner = (await call('GET', `/api/v1/leads/${ids.lead1}`, admin)).json().ownerUserId;
    const [mine, theirs] = owner === ids.sales1 ? [cookies.sales1!, cookies.sales2!] : [cookies.sales2!, cookies.sales1!];
    expect(await titles('云帆科技', mine)).toEqual(['张伟']);
    expect(await titles('云帆科技', theirs)).toEqual([]);
    // The search function is bound to the caller's tenant: another tenant finds nothing.
    const other = await buildTenant(h.t);
    const count = (tenantId: string) =>
      h.t.db.tenantTx(tenantId, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from tide_lead_ids_like('%云帆科技%', null, 10)`))[0]!.n);
    expect(await count(tenant.id)).toBe(1);
    expect(await count(other.id)).toBe(0);
  });

  it('a manager hands out leads, but not to a deactivated person or outside their team', async () => {
    const lead = (await call('POST', '/api/v1/leads', admin, { name: '待分配', mobile: '13655550000', province: '广东省' })).json().lead;
    expect(lead.ownerUserId).toBeNull(); // no rule matches 华南
    expect((await call('POST', '/api/v1/leads/assign', cookies.sales1!, { leadIds: [lead.id], userId: ids.sales1 })).statusCode).toBe(403);
    const outside = await call('POST', '/api/v1/leads/assign', cookies.manager!, { leadIds: [lead.id], userId: ids.sales3 });
    expect(outside.statusCode).toBe(403);
    await call('PATCH', `/api/v1/users/${ids.sales2}`, admin, { status: 'inactive' });
    const inactive = await call('POST', '/api/v1/leads/assign', cookies.manager!, { leadIds: [lead.id], userId: ids.sales2 });
    expect(inactive.statusCode).toBeGreaterThanOrEqual(400);
    expect(inactive.statusCode).toBeLessThan(500);
    await call('PATCH', `/api/v1/users/${ids.sales2}`, admin, { status: 'active' });
    const ok = await call('POST', '/api/v1/leads/assign', cookies.manager!, { leadIds: [lead.id], userId: ids.sales1, note: '熟悉客户' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items[0].ownerUserId).toBe(ids.sales1);
    const history = (await call('GET', `/api/v1/leads/${lead.id}/assignments`, admin)).json().items;
    expect(history.map((h: { method: string }) => h.method)).toEqual(['manual', 'unassigned']);
    expect(history[0]).toMatchObject({ userId: ids.sales1, byUserName: 'manager', reason: { note: '熟悉客户' } });
    expect(history[1].reason).toMatchObject({ outcome: 'no_rule_matched' });
  });

  it('web form: embeddable page, anti-spam, channel parameter and a per-address limit', async () => {
    const form = await call('POST', '/api/v1/web-forms', admin, { name: '免费试用', channel: 'website', fields: ['name', 'mobile', 'company'] });
    expect(form.statusCode, form.body).toBe(201);
    const { key } = form.json();
    const page = await h.app.inject({ method: 'GET', url: `/f/${key}?channel=wechat` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('免费试用');
    expect(page.body).toContain(`/api/v1/public/forms/${key}/submissions?channel=wechat`);
    const submit = (payload: object, remoteAddress = '10.0.0.1') => h.app.inject({ method: 'POST', url: `/api/v1/public/forms/${key}/submissions?channel=wechat`, payload, remoteAddress });
    const human = await submit({ name: '王芳', mobile: '13566660000', company: '苏州精工', startedAt: Date.now() - 8000 });
    expect(human.statusCode, human.body).toBe(200);
    const bot = await submit({ name: 'bot', mobile: '13566660001', website: 'http://spam', startedAt: Date.now() - 8000 });
    expect(bot.statusCode).toBe(200);
    const fast = await submit({ name: 'fast', mobile: '13566660002', startedAt: Date.now() });
    expect(fast.statusCode).toBe(200);
    const noContact = await submit({ name: '没留电话', startedAt: Date.now() - 8000 });
    expect(noContact.statusCode).toBe(400);
    const leads = (await call('GET', '/api/v1/leads?source=web_form', admin)).json().items;
    expect(leads.map((l: { name: string }) => l.name)).toEqual(['王芳']);
    expect(leads[0]).toMatchObject({ channel: 'wechat', company: '苏州精工' });
    for (let i = 0; i < 2; i++) await submit({ name: `x${i}`, mobile: `1356666010${i}`, startedAt: Date.now() - 8000 });
    expect((await submit({ name: 'flood', mobile: '13566660200', startedAt: Date.now() - 8000 })).statusCode).toBe(429);
    expect((await submit({ name: '别处', mobile: '13566660300', startedAt: Date.now() - 8000 }, '10.0.0.2')).statusCode).toBe(200);
    const forms = (await call('GET', '/api/v1/web-forms', admin)).json().items;
    expect(forms[0]).toMatchObject({ key, submissions: 6, leads: 4 });
    expect((await h.app.inject({ method: 'GET', url: '/f/unknown-form-key' })).statusCode).toBe(404);
  });
});
