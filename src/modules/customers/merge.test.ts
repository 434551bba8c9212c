import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('merge, undo, review queue and scan on %s', (kind) => {
  let h: TestApp;
  let admin: string;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie: admin } });
  const create = async (body: object) => {
    const res = await call('POST', '/api/v1/customers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };

  beforeAll(async () => {
    h = await startTestApp(kind);
    const tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
  });
  afterAll(() => h?.close());

  it('merges two records keeping everything of both on the survivor, and undoes it exactly', async () => {
    const a = await create({ kind: 'person', name: '刘洋', mobile: '13811112222', city: '杭州市' });
    const b = await create({ kind: 'person', name: '刘洋', mobile: '13933334444', email: 'liuyang@example.com', district: '西湖区' });
    await call('PUT', `/api/v1/customers/${a.id}/tags`, { tags: ['VIP'] });
    await call('PUT', `/api/v1/customers/${b.id}/tags`, { tags: ['华东'] });
    const order = await call('POST', '/api/v1/orders', { customerId: b.id, channel: 'tmall', orderNo: 'T-1', orderedAt: '2026-03-05T14:03:00+08:00', amount: 199.5, items: [{ name: '茶叶', quantity: 2 }] });
    expect(order.statusCode, order.body).toBe(201);

    const merged = await call('POST', `/api/v1/customers/${a.id}/merge`, { otherId: b.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const detail = (await call('GET', `/api/v1/customers/${a.id}/detail`)).json();
    expect(detail.customer.tags).toEqual(['VIP', '华东']);
    expect(detail.customer.email).toBe('liuyang@example.com');
    expect(detail.customer.district).toBe('西湖区');
    expect(detail.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual(['T-1']);
    expect(detail.identities.map((i: { value: string }) => i.value).sort()).toEqual(['+8613811112222', '+8613933334444']);
    expect(detail.merges).toHaveLength(1);
    expect((await call('GET', `/api/v1/customers/${b.id}`)).statusCode).toBe(404);

    const undo = await call('POST', `/api/v1/merges/${merged.json().mergeId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    const a2 = (await call('GET', `/api/v1/customers/${a.id}/detail`)).json();
    const b2 = (await call('GET', `/api/v1/customers/${b.id}/detail`)).json();
    expect(a2.customer).toMatchObject({ email: null, district: null, tags: ['VIP'] });
    expect(a2.orders).toEqual([]);
    expect(b2.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual(['T-1']);
    expect(b2.identities.map((i: { value: string }) => i.value)).toEqual(['+8613933334444']);
    expect(b2.customer.tags).toEqual(['华东']);
    expect((await call('POST', `/api/v1/merges/${merged.json().mergeId}/undo`)).statusCode).toBe(409);
  });

  it("carries the other record's linked leads, opportunities and follow-up tasks to the survivor, and back on undo", async () => {
    const a = await create({ kind: 'person', name: '孙丽', mobile: '13822223333', city: '南京市' });
    const b = await create({ kind: 'person', name: '孙丽', mobile: '13944445555', city: '南京市' });
    const lead = await call('POST', '/api/v1/leads', { name: '孙丽', mobile: '13944445555', source: 'api' });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json().lead.customerId).toBe(b.id);
    const opportunity = await call('POST', '/api/v1/opportunities', { customerId: b.id, name: '年度续约', amount: 5000 });
    expect(opportunity.statusCode, opportunity.body).toBe(201);
    const task = await call('POST', '/api/v1/tasks', { recordType: 'customer', recordId: b.id, title: '回访孙丽', kind: 'call', dueAt: '2026-12-01T10:00:00+08:00' });
    expect(task.statusCode, task.body).toBe(201);
    const onCustomer = async (id: string) => ({
      leads: (await call('GET', `/api/v1/leads/${lead.json().lead.id}`)).json().customerId === id,
      opportunities: (await call('GET', `/api/v1/opportunities?customerId=${id}`)).json().items.map((o: { name: string }) => o.name),
      tasks: (await call('GET', `/api/v1/tasks?recordType=customer&recordId=${id}`)).json().items.map((t: { title: string }) => t.title),
    });

    const merged = await call('POST', `/api/v1/customers/${a.id}/merge`, { otherId: b.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await onCustomer(a.id)).toEqual({ leads: true, opportunities: ['年度续约'], tasks: ['回访孙丽'] });
    // Added to the survivor after the merge: stays there when the merge is undone.
    const later = await call('POST', '/api/v1/tasks', { recordType: 'customer', recordId: a.id, title: '合并后新建', kind: 'call', dueAt: '2026-12-02T10:00:00+08:00' });
    expect(later.statusCode, later.body).toBe(201);

    const undo = await call('POST', `/api/v1/merges/${merged.json().mergeId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await onCustomer(b.id)).toEqual({ leads: true, opportunities: ['年度续约'], tasks: ['回访孙丽'] });
    expect(await onCustomer(a.id)).toEqual({ leads: false, opportunities: [], tasks: ['合并后新建'] });
  });

  it('scans the base: sure duplicates merge, doubtful ones wait in the review queue', async () => {
    // Same company written three ways, no credit code to tie them.
    await create({ kind: 'company', name: '杭州云帆网络科技有限公司', city: '杭州市', district: '西湖区', address: '浙江省杭州市西湖区文三路 90 号' });
    await create({ kind: 'company', name: '云帆网络科技（杭州）有限公司', city: '杭州市', district: '西湖区', address: '杭州市西湖区文三路90号' });
    await create({ kind: 'company', name: '杭州雲帆網絡科技有限公司', city: '杭州市', district: '西湖区' });
    // A common name in one city, different phones: two people.
    await create({ kind: 'person', name: '王伟', mobile: '13700000001', city: '上海市', district: '浦东新区' });
    await create({ kind: 'person', name: '王伟', mobile: '13700000002', city: '上海市', district: '徐汇区' });
    const { scanDuplicates } = await import('./customer-match.service.ts');
    const me = (await call('GET', '/api/v1/me')).json();
    const result = await scanDuplicates(h.t.db, { tenantId: me.tenant.id, userId: me.user.id });
    expect(result.merged + result.queued).toBeGreaterThanOrEqual(2);
    const yunfan = (await call('GET', `/api/v1/customers?q=${encodeURIComponent('云帆')}`)).json().items;
    const reviews = (await call('GET', '/api/v1/match-reviews')).json().items;
    // The three spellings end up one customer, or pairs wait for a person: never silently three.
    expect(yunfan.length + reviews.filter((r: { a: { name: string } }) => r.a.name.includes('帆')).length).toBeLessThanOrEqual(3);
    expect(yunfan.length).toBeLessThan(3);
    const wangs = (await call('GET', `/api/v1/customers?q=${encodeURIComponent('王伟')}`)).json().items;
    expect(wangs).toHaveLength(2);
    for (const r of reviews) {
      expect(r.score).toBeGreaterThanOrEqual(0.7);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it('scans in batches, and the nightly scan looks only at what changed', async () => {
    const { scanDuplicates } = await import('./customer-match.service.ts');
    const me = (await call('GET', '/api/v1/me')).json();
    const actor = { tenantId: me.tenant.id, userId: me.user.id };
    // The same person twice, the address written two ways: a sure duplicate.
    const a = await create({ kind: 'person', name: '欧阳娜娜', city: '成都市', district: '武侯区', address: '成都市武侯区人民南路四段 1 号' });
    const b = await create({ kind: 'person', name: '欧阳娜娜', city: '成都市', district: '武侯区', address: '四川省成都市武侯区人民南路四段1号' });
    const alive = async () => (await Promise.all([a.id, b.id].map(async (id) => (await call('GET', `/api/v1/customers/${id}`)).statusCode === 200))).filter(Boolean).length;
    const window = () => new Date(Date.now() - 25 * 3_600_000);
    // Last touched three days ago: outside the nightly window.
    await h.t.db.tenantTx(me.tenant.id, (tx) => tx.execute(sql`update customers set updated_at = now() - interval '3 days' where id in (${a.id}, ${b.id})`));
    const nightly = await scanDuplicates(h.t.db, actor, { changedSince: window() });
    expect(await alive()).toBe(2);
    expect(nightly.scanned).toBeLessThan((await call('GET', '/api/v1/customers?limit=200')).json().items.length);
    // One of them edited today: the nightly scan pairs it with the unchanged one.
    expect((await call('PATCH', `/api/v1/customers/${b.id}`, { industry: '教育' })).statusCode).toBe(200);
    const next = await scanDuplicates(h.t.db, actor, { changedSince: window() });
    expect(next.merged).toBeGreaterThanOrEqual(1);
    expect(await alive()).toBe(1);
    // A full scan two customers at a time: more than one batch, nothing left to merge, and a second
    // run queues nothing new.
    const reviews = async () => (await call('GET', '/api/v1/match-reviews?limit=200')).json().items.length;
    const full = await scanDuplicates(h.t.db, actor, { batchSize: 2 });
    expect(full.scanned).toBeGreaterThan(2);
    expect(full.merged).toBe(0);
    const queued = await reviews();
    await scanDuplicates(h.t.db, actor, { batchSize: 3 });
    expect(await reviews()).toBe(queued);
  });

  it('merges or rejects a queued pair with one click', async () => {
    const a = await create({ kind: 'person', name: '陈静', email: 'chenjing@example.com', city: '北京市', district: '海淀区' });
    const b = await create({ kind: 'person', name: '陈静', city: '北京市', district: '海淀区', address: '北京市海淀区中关村大街 1 号' });
    const me = (await call('GET', '/api/v1/me')).json();
    const { queueReview } = await import('./customer-match.service.ts');
    await h.t.db.tenantTx(me.tenant.id, (tx) => queueReview(tx, me.tenant.id, a.id, b.id, 0.8, [{ code: 'name_similar', weight: 0.5, detail: '1.00' }]));
    const pending = (await call('GET', '/api/v1/match-reviews')).json().items.find((r: { aId: string; bId: string }) => [r.aId, r.bId].includes(a.id));
    expect(pending.reasons).toEqual([{ code: 'name_similar', weight: 0.5, detail: '1.00' }]);
    const rejected = await call('POST', '/api/v1/match-reviews/reject', { aId: pending.aId, bId: pending.bId });
    expect(rejected.statusCode).toBe(204);
    expect((await call('POST', '/api/v1/match-reviews/merge', { aId: pending.aId, bId: pending.bId })).statusCode).toBe(404);
  });

  it('refuses nonsense settings with the field named, and keeps good ones', async () => {
    const settings = (await call('GET', '/api/v1/customer-settings')).json();
    expect(settings.thresholds).toEqual({ autoMergeAt: 0.9, reviewAt: 0.7 });
    const bad = await call('PUT', '/api/v1/customer-settings', { ...settings, thresholds: { autoMergeAt: 0.8, reviewAt: 0.95 } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['thresholds.reviewAt']);
    const template = { ...settings, fieldTemplates: { ...settings.fieldTemplates, person: { required: ['name', 'mobile', 'email'], wanted: [] } } };
    expect((await call('PUT', '/api/v1/customer-settings', template)).statusCode).toBe(200);
    const c = await create({ kind: 'person', name: '赵敏', mobile: '13600000000' });
    expect((await call('GET', `/api/v1/customers/${c.id}`)).json().completeness).toBe(Math.round(70 * (2 / 3) + 30));
  });

  it('follows the survivorship settings: the most trusted source wins where the tenant says so', async () => {
    const settings = (await call('GET', '/api/v1/customer-settings')).json();
    await call('PUT', '/api/v1/customer-settings', { ...settings, sourceTrust: ['erp', 'call_list'], survivorship: { email: 'most_trusted_source' } });
    const erp = await create({ kind: 'person', name: '周杰', mobile: '13711110000', email: 'zhoujie@erp.example.com', source: 'erp' });
    const list = await create({ kind: 'person', name: '周杰', mobile: '13755550001', email: 'zj@list.example.com', source: 'call_list', city: '广州市' });
    const merged = await call('POST', `/api/v1/customers/${list.id}/merge`, { otherId: erp.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const survivor = (await call('GET', `/api/v1/customers/${list.id}`)).json();
    // E-mail from the trusted ERP record although the call list's is newer; city, which only one has, is kept.
    expect(survivor).toMatchObject({ email: 'zhoujie@erp.example.com', city: '广州市' });
  });
});
