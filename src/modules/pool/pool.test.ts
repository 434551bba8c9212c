import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Tx } from '../../db/client.ts';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { recycleVerdict, type RecycleRule } from './rules/recycle.ts';
import { runRecycle } from './recycle.service.ts';
import { verdictSql } from './verdict-sql.ts';

describe.each(DB_KINDS)('public and private pools on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  const call = (method: Method, url: string, cookie: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie } });
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => h.t.db.tenantTx(tenant.id, fn);
  let mobile = 13900000000;
  const newLead = async (fields: Record<string, unknown> = {}) => {
    const res = await call('POST', '/api/v1/leads', admin, { name: `客户${mobile}`, mobile: String(++mobile), province: '浙江省', ...fields });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().lead as { id: string; ownerUserId: string | null };
  };
  const record = (id: string) => inTenant(async (tx) => (await queryRows<Record<string, unknown>>(tx, sql`SELECT * FROM pool_records WHERE record_id = ${id}`))[0]!);
  const leadOwner = (id: string) => inTenant(async (tx) => (await queryRows<{ owner_user_id: string | null }>(tx, sql`SELECT owner_user_id FROM leads WHERE id = ${id}`))[0]!.owner_user_id);
  const age = (id: string, days: number) => inTenant((tx) => tx.execute(sql`UPDATE pool_records SET claimed_at = now() - ${days} * interval '1 day', entered_at = now() - ${days} * interval '1 day' WHERE record_id = ${id}`));
  const claim = (who: string, id: string) => call('POST', `/api/v1/pool/records/lead/${id}/claim`, cookies[who]!);
  let defaultPool: string;

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    const east = (await call('POST', '/api/v1/teams', admin, { name: '华东' })).json();
    const south = (await call('POST', '/api/v1/teams', admin, { name: '华南' })).json();
    const people = [
      ['manager', 'manager', east.id],
      ['sales1', 'sales', east.id],
      ['sales2', 'sales', east.id],
      ['sales3', 'sales', south.id],
      ['sales4', 'sales', east.id],
    ] as const;
    for (const [key, roleKey, teamId] of people) {
      const user = (await call('POST', '/api/v1/users', admin, { name: key, email: `${key}@pool.test`, password: 'password-1', roleKey, teamId })).json();
      ids[key] = user.id;
      cookies[key] = await h.login(`${key}@pool.test`, 'password-1');
    }
    const pools = (await call('GET', '/api/v1/pools', admin)).json();
    defaultPool = pools.find((p: { isDefault: boolean }) => p.isDefault).id;
  });
  afterAll(() => h?.close());

  it('every tenant has a default pool with the classic rules; a salesperson sees it and may claim', async () => {
    const rules = (await call('GET', `/api/v1/pools/${defaultPool}/rules`, admin)).json();
    expect(rules.map((r: { kind: string; days: number }) => `${r.kind}:${r.days}`)).toEqual(['no_follow_up:7', 'no_won:15']);
    const seen = (await call('GET', '/api/v1/pools', cookies.sales1!)).json();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: defaultPool, canClaim: true, canConfigure: false });
  });

  it('an unowned lead sits in the public pool without its number; an owned one in its owner’s private pool', async () => {
    const open = await newLead({ company: '杭州云帆科技' });
    const owned = await newLead({ ownerUserId: ids.sales2 });
    expect(await record(open.id)).toMatchObject({ pool_id: defaultPool, owner_user_id: null, title: expect.stringMatching(/^杭州云帆科技 · 客户\d+$/) });
    expect(await record(owned.id)).toMatchObject({ pool_id: defaultPool, owner_user_id: ids.sales2 });
    const page = (await call('GET', `/api/v1/pools/${defaultPool}/records?view=public`, cookies.sales1!)).json();
    const item = page.items.find((i: { id: string }) => i.id === open.id);
    expect(item).toMatchObject({ type: 'lead', ownerUserId: null, province: '浙江省' });
    expect(JSON.stringify(page)).not.toContain(String(mobile - 1).slice(-4) + '"');
    ids.open = open.id;
    ids.owned = owned.id;
  });

  it('the public pool is searched by part of a title, through the index for three characters or more', async () => {
    await newLead({ company: '宁波甬江精密机械' });
    const titles = async (q: string) => {
      const res = await call('GET', `/api/v1/pools/${defaultPool}/records?view=public&q=${encodeURIComponent(q)}`, cookies.sales1!);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { title: string }) => i.title.split(' · ')[0]);
    };
    expect(await titles('云帆科技')).toEqual(['杭州云帆科技']);
    expect(await titles('甬江精密')).toEqual(['宁波甬江精密机械']);
    expect(await titles('云帆')).toEqual(['杭州云帆科技']); // two characters: too short for trigrams, still found
    expect(await titles('找不到的公司')).toEqual([]);
    expect(await titles('%_%')).toEqual([]); // LIKE's wildcards are searched as themselves
    // The search function sees the caller's tenant only.
    const other = await buildTenant(h.t);
    const count = (tenantId: string) =>
      h.t.db.tenantTx(tenantId, async (tx) => (await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tide_pool_record_keys_title_like('%云帆科技%', 10)`))[0]!.n);
    expect(await count(tenant.id)).toBe(1);
    expect(await count(other.id)).toBe(0);
  });

  it('a claim takes the record into the claimer’s private pool, the lead gets its owner, and history and audit say so', async () => {
    const res = await claim('sales1', ids.open!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ claimed: 1, usage: { claimedToday: 1, held: 1 } });
    const usage = await call('GET', `/api/v1/pools/${defaultPool}/usage`, cookies.sales1!);
    expect(usage.json()).toEqual({ claimedToday: 1, dailyClaimLimit: 20, held: 1, privateCap: 200 });
    expect(await leadOwner(ids.open!)).toBe(ids.sales1);
    const history = (await call('GET', `/api/v1/pool/records/lead/${ids.open}/history`, cookies.sales1!)).json();
    expect(history.map((m: { kind: string }) => m.kind)).toEqual(['claim', 'enter']);
    expect(history[0]).toMatchObject({ toUserId: ids.sales1, toUserName: 'sales1', actorName: 'sales1' });
    const audit = await inTenant((tx) => queryRows<{ action: string }>(tx, sql`SELECT action FROM audit_log WHERE entity_id = ${ids.open} AND action = 'pool.claim'`));
    expect(audit).toHaveLength(1);
    const mine = (await call('GET', '/api/v1/pool/records?view=mine', cookies.sales1!)).json();
    expect(mine.items[0]).toMatchObject({ id: ids.open, deadline: expect.any(String), deadlineRule: { kind: 'no_follow_up', days: 7 } });
  });

  it('claiming a record someone holds answers 409 already_claimed', async () => {
    const res = await claim('sales2', ids.open!);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_claimed');
  });

  it('of many people claiming one record at the same moment exactly one wins', async () => {
    const lead = await newLead();
    const who = ['sales1', 'sales2', 'sales3', 'sales4', 'manager'];
    const results = await Promise.all(who.map((w) => claim(w, lead.id)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409]);
    const winner = who[results.findIndex((r) => r.statusCode === 200)]!;
    expect(await leadOwner(lead.id)).toBe(ids[winner]);
    const claims = await inTenant((tx) => queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pool_movements WHERE record_id = ${lead.id} AND kind = 'claim'`));
    expect(claims[0]!.n).toBe(1);
  });

  it('limits per role and per person hold, even for one person claiming from two tabs at once', async () => {
    const put = await call('PUT', `/api/v1/pools/${defaultPool}/limits`, admin, {
      limits: [
        { subjectKind: 'role', subject: 'sales', dailyClaimLimit: 50, privateCap: 3 },
        { subjectKind: 'user', subject: ids.sales4, dailyClaimLimit: 2 },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const leads: { id: string }[] = [];
    for (let i = 0; i < 6; i++) leads.push(await newLead());
    // sales4: the personal daily limit (2) binds before the role's cap (3); the contest above may have given one claim already.
    const before = (await call('POST', '/api/v1/pool/claim', cookies.sales4!, { records: [] })).statusCode;
    expect(before).toBe(400);
    const tabs = await Promise.all([0, 1, 2, 3].map((i) => call('POST', '/api/v1/pool/claim', cookies.sales4!, { records: [{ type: 'lead', id: leads[i]!.id }] })));
    const taken = tabs.filter((t) => t.json().claimed === 1).length;
    const today = await inTenant((tx) => queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pool_movements WHERE kind = 'claim' AND to_user_id = ${ids.sales4} AND at > now() - interval '1 hour'`));
    expect(today[0]!.n).toBeLessThanOrEqual(2);
    expect(taken).toBeLessThanOrEqual(2);
    expect(tabs.some((t) => t.json().results[0].outcome === 'daily_limit')).toBe(true);
    // sales2 already holds one record; the cap of 3 lets two more in, then refuses.
    const batch = (await call('POST', '/api/v1/pool/claim', cookies.sales2!, { records: leads.slice(4).map((l) => ({ type: 'lead', id: l.id })).concat([{ type: 'lead', id: (await newLead()).id }]) })).json();
    const held = await inTenant((tx) => queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pool_records WHERE owner_user_id = ${ids.sales2} AND closed_at IS NULL`));
    expect(held[0]!.n).toBeLessThanOrEqual(3);
    expect(batch.results.map((r: { outcome: string }) => r.outcome)).toContain('private_cap');
    const single = await claim('sales2', (await newLead()).id);
    expect(single.statusCode).toBe(409);
    expect(single.json().error).toMatchObject({ code: 'private_cap_reached' });
    await call('PUT', `/api/v1/pools/${defaultPool}/limits`, admin, { limits: [] });
  });

  it('a release gives the record back with a reason; its former owner is protected out of it, others may claim', async () => {
    const res = await call('POST', `/api/v1/pool/records/lead/${ids.open}/release`, cookies.sales1!, { reason: 'not_my_area', note: '在宁波' });
    expect(res.statusCode, res.body).toBe(204);
    expect(await leadOwner(ids.open!)).toBeNull();
    const again = await claim('sales1', ids.open!);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('claim_protected');
    const history = (await call('GET', `/api/v1/pool/records/lead/${ids.open}/history`, admin)).json();
    expect(history[0]).toMatchObject({ kind: 'release', fromUserId: ids.sales1, reason: 'not_my_area', detail: { note: '在宁波' } });
    const bad = await call('POST', `/api/v1/pool/records/lead/${ids.owned}/release`, cookies.sales1!, { reason: 'no_need' });
    expect(bad.statusCode).toBe(403);
    const other = await claim('sales3', ids.open!);
    expect(other.statusCode, other.body).toBe(200);
  });

  it('a fallen record waits before anyone may claim it when the pool says so', async () => {
    await call('PATCH', `/api/v1/pools/${defaultPool}`, admin, { claimWaitMinutes: 60 });
    const lead = await newLead({ ownerUserId: ids.sales3 });
    await call('POST', `/api/v1/pool/records/lead/${lead.id}/release`, cookies.sales3!, { reason: 'no_time' });
    const res = await claim('sales1', lead.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('not_yet_claimable');
    await call('PATCH', `/api/v1/pools/${defaultPool}`, admin, { claimWaitMinutes: 0 });
  });

  it('nonsense rules and pools are refused with the field named', async () => {
    const negative = await call('PUT', `/api/v1/pools/${defaultPool}/rules`, admin, { rules: [{ kind: 'no_follow_up', days: -3 }] });
    expect(negative.statusCode).toBe(400);
    expect(Object.keys(negative.json().error.fields)).toContain('rules.0.days');
    const level = await call('PUT', `/api/v1/pools/${defaultPool}/rules`, admin, { rules: [{ kind: 'no_won', days: 3, level: 'Z' }] });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.fields).toHaveProperty('rules.0.level');
    const unknown = await call('PUT', '/api/v1/pools/00000000-0000-4000-8000-000000000000/rules', admin, { rules: [] });
    expect(unknown.statusCode).toBe(404);
    const pool = await call('POST', '/api/v1/pools', admin, { name: '华南公海', protectionDays: -1 });
    expect(pool.statusCode).toBe(400);
    expect(pool.json().error.fields).toHaveProperty('protectionDays');
    const move = await call('POST', '/api/v1/pool/move', admin, { records: [{ type: 'lead', id: ids.owned }], poolId: '00000000-0000-4000-8000-000000000000' });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.fields).toHaveProperty('poolId');
    const rules = (await call('GET', `/api/v1/pools/${defaultPool}/rules`, admin)).json();
    expect(rules).toHaveLength(2);
    const forbidden = await call('PUT', `/api/v1/pools/${defaultPool}/rules`, cookies.sales1!, { rules: [] });
    expect(forbidden.statusCode).toBe(403);
  });

  it('pools by region take the records their condition matches; members only may claim there', async () => {
    const res = await call('POST', '/api/v1/pools', admin, {
      name: '华南公海',
      entryCondition: { all: [{ field: 'province', op: 'in', value: ['广东省', '广西壮族自治区'] }] },
      protectionDays: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.south = res.json().id;
    const members = await call('PUT', `/api/v1/pools/${ids.south}/members`, admin, { members: [{ userId: ids.sales3, role: 'admin' }] });
    expect(members.statusCode, members.body).toBe(200);
    const lead = await newLead({ province: '广东省' });
    expect(await record(lead.id)).toMatchObject({ pool_id: ids.south });
    const outsider = await claim('sales1', lead.id);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe('not_pool_member');
    const pools = (await call('GET', '/api/v1/pools', cookies.sales3!)).json();
    expect(pools.find((p: { id: string }) => p.id === ids.south)).toMatchObject({ canClaim: true, canConfigure: true });
    // The pool's own admin may set its rules.
    const rules = await call('PUT', `/api/v1/pools/${ids.south}/rules`, cookies.sales3!, { rules: [{ kind: 'no_follow_up', days: 5, level: 'A' }, { kind: 'no_follow_up', days: 10 }] });
    expect(rules.statusCode, rules.body).toBe(200);
  });

  it('a manager assigns from the pool and moves records between pools; outside their team is refused', async () => {
    const lead = await newLead();
    const res = await call('POST', '/api/v1/pool/assign', cookies.manager!, { records: [{ type: 'lead', id: lead.id }], userId: ids.sales1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await leadOwner(lead.id)).toBe(ids.sales1);
    const outside = await call('POST', '/api/v1/pool/assign', cookies.manager!, { records: [{ type: 'lead', id: lead.id }], userId: ids.sales3 });
    expect(outside.statusCode).toBe(403);
    const moved = await call('POST', '/api/v1/pool/move', admin, { records: [{ type: 'lead', id: lead.id }], poolId: ids.south, note: '转华南' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await record(lead.id)).toMatchObject({ pool_id: ids.south, owner_user_id: null });
    expect(await leadOwner(lead.id)).toBeNull();
    const kinds = (await call('GET', `/api/v1/pool/records/lead/${lead.id}/history`, admin)).json().map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(['move', 'assign', 'enter']);
  });

  it('the recycle run drops records past their deadline, warns those near it, and tells the owners', async () => {
    const stale = await newLead({ ownerUserId: ids.sales2 });
    const near = await newLead({ ownerUserId: ids.sales2 });
    const fresh = await newLead({ ownerUserId: ids.sales2 });
    const followed = await newLead({ ownerUserId: ids.sales2 });
    await age(stale.id, 8);
    await age(near.id, 6);
    await age(followed.id, 8);
    const activity = await call('POST', `/api/v1/leads/${followed.id}/activities`, cookies.sales2!, { kind: 'call', note: '聊过' });
    expect(activity.statusCode, activity.body).toBe(201);
    const res = await call('POST', '/api/v1/pool/recycle/run', admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().fell).toBeGreaterThanOrEqual(1);
    expect(await record(stale.id)).toMatchObject({ owner_user_id: null, protected_user_id: ids.sales2, fall_count: 1 });
    expect(await leadOwner(stale.id)).toBeNull();
    expect(await record(near.id)).toMatchObject({ owner_user_id: ids.sales2, warned_deadline: expect.anything() });
    expect(await record(fresh.id)).toMatchObject({ owner_user_id: ids.sales2, warned_deadline: null });
    expect(await record(followed.id)).toMatchObject({ owner_user_id: ids.sales2 });
    const history = (await call('GET', `/api/v1/pool/records/lead/${stale.id}/history`, admin)).json();
    expect(history[0]).toMatchObject({ kind: 'fall', fromUserId: ids.sales2, reason: 'rule:no_follow_up:7' });
    const notes = await inTenant((tx) => queryRows<{ kind: string; data: Record<string, unknown> }>(tx, sql`SELECT kind, data FROM notifications WHERE user_id = ${ids.sales2} ORDER BY kind`));
    expect(notes.map((n) => n.kind)).toEqual(['pool.fell', 'pool.warning']);
    expect(notes[1]!.data).toMatchObject({ count: 1, deadline: expect.any(String) });
    // The former owner may not claim it back during protection; another may.
    expect((await claim('sales2', stale.id)).json().error.code).toBe('claim_protected');
    // A second run warns nobody again for the same deadline and drops nothing new.
    const again = (await call('POST', '/api/v1/pool/recycle/run', admin)).json();
    expect(again).toMatchObject({ fell: 0, warned: 0 });
  });

  it('exemptions keep won customers, advanced opportunities and live contracts in the private pool', async () => {
    const customer = (await call('POST', '/api/v1/customers', cookies.sales1!, { kind: 'company', name: '宁波海港物流有限公司', province: '浙江省' })).json();
    expect(await record(customer.id)).toMatchObject({ record_type: 'customer', owner_user_id: ids.sales1 });
    await age(customer.id, 20);
    const contract = await call('PATCH', `/api/v1/pool/records/customer/${customer.id}`, cookies.sales1!, { contractUntil: '2099-12-31' });
    expect(contract.statusCode, contract.body).toBe(204);
    await inTenant((tx) => tx.execute(sql`DELETE FROM pool_runs`));
    await call('POST', '/api/v1/pool/recycle/run', admin);
    expect(await record(customer.id)).toMatchObject({ owner_user_id: ids.sales1 });
    await call('PATCH', `/api/v1/pool/records/customer/${customer.id}`, cookies.sales1!, { contractUntil: null });
    const opp = await call('POST', '/api/v1/opportunities', cookies.sales1!, { customerId: customer.id, name: '年度物流合同', amount: 100000 });
    expect(opp.statusCode, opp.body).toBe(201);
    const won = await call('POST', `/api/v1/opportunities/${opp.json().id}/won`, cookies.sales1!, {});
    expect(won.statusCode, won.body).toBe(200);
    expect((await record(customer.id))!.won_at).not.toBeNull();
    await age(customer.id, 20);
    await call('POST', '/api/v1/pool/recycle/run', admin);
    expect(await record(customer.id)).toMatchObject({ owner_user_id: ids.sales1 });
    const mine = (await call('GET', '/api/v1/pool/records?view=mine&type=customer', cookies.sales1!)).json();
    expect(mine.items.find((i: { id: string }) => i.id === customer.id)).toMatchObject({ exemption: 'won', deadline: null });
  });

  it('a run killed midway leaves nothing moved, and the next run moves everything once', async () => {
    const lead = await newLead({ ownerUserId: ids.sales4 });
    await age(lead.id, 9);
    await inTenant((tx) => tx.execute(sql`DELETE FROM pool_runs`));
    await expect(
      inTenant(async (tx) => {
        await runRecycle(tx, { tenantId: tenant.id, userId: null }, 'schedule');
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await record(lead.id)).toMatchObject({ owner_user_id: ids.sales4, fall_count: 0 });
    expect(await leadOwner(lead.id)).toBe(ids.sales4);
    const [a, b] = await Promise.all([
      inTenant((tx) => runRecycle(tx, { tenantId: tenant.id, userId: null }, 'schedule')),
      inTenant((tx) => runRecycle(tx, { tenantId: tenant.id, userId: null }, 'schedule')),
    ]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(await record(lead.id)).toMatchObject({ owner_user_id: null, fall_count: 1 });
    const falls = await inTenant((tx) => queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pool_movements WHERE record_id = ${lead.id} AND kind = 'fall'`));
    expect(falls[0]!.n).toBe(1);
  });

  it('a manager moves a customer nobody owns into a pool, where a salesperson claims it', async () => {
    const [customer] = await inTenant((tx) => queryRows<{ id: string }>(tx, sql`INSERT INTO customers (tenant_id, kind, name, province) VALUES (${tenant.id}, 'company', '温州瓯江阀门有限公司', '浙江省') RETURNING id`));
    expect(await record(customer!.id)).toBeUndefined();
    const moved = await call('POST', '/api/v1/pool/move', admin, { records: [{ type: 'customer', id: customer!.id }], poolId: defaultPool });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ moved: 1 });
    expect(await record(customer!.id)).toMatchObject({ owner_user_id: null, pool_id: defaultPool, lat: 30.274 });
    const near = (await call('GET', `/api/v1/pools/${defaultPool}/records?view=public&type=customer&lat=30.25&lng=120.16`, cookies.sales1!)).json();
    expect(near.items[0]).toMatchObject({ id: customer!.id, distanceKm: expect.any(Number) });
    expect(near.items[0].distanceKm).toBeLessThan(5);
    const res = await call('POST', `/api/v1/pool/records/customer/${customer!.id}/claim`, cookies.sales1!);
    expect(res.statusCode, res.body).toBe(200);
    const owner = await inTenant((tx) => queryRows<{ owner_user_id: string }>(tx, sql`SELECT owner_user_id FROM customers WHERE id = ${customer!.id}`));
    expect(owner[0]!.owner_user_id).toBe(ids.sales1);
  });

  it('a merge keeps the pool in step: the merged record leaves it, an unheld survivor takes its owner; undo puts both back', async () => {
    const [survivor] = await inTenant((tx) => queryRows<{ id: string }>(tx, sql`INSERT INTO customers (tenant_id, kind, name, province) VALUES (${tenant.id}, 'company', '嘉兴南湖纺织有限公司', '浙江省') RETURNING id`));
    const merged = (await call('POST', '/api/v1/customers', cookies.sales2!, { kind: 'company', name: '嘉兴南湖纺织公司', province: '浙江省' })).json();
    expect(await record(merged.id)).toMatchObject({ owner_user_id: ids.sales2, closed_at: null });
    const res = await call('POST', `/api/v1/customers/${survivor!.id}/merge`, admin, { otherId: merged.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await record(merged.id)).toMatchObject({ closed_at: expect.anything() });
    expect(await record(survivor!.id)).toMatchObject({ owner_user_id: ids.sales2, closed_at: null });
    const undo = await call('POST', `/api/v1/merges/${res.json().mergeId}/undo`, admin);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await record(merged.id)).toMatchObject({ owner_user_id: ids.sales2, closed_at: null });
    expect(await record(survivor!.id)).toMatchObject({ owner_user_id: null });
  });

  it('handover, collusion report and settings answer over HTTP, refusing nonsense with the field named', async () => {
    const preview = await call('POST', '/api/v1/pool/handover/preview', admin, { fromUserId: ids.sales1, toUserId: ids.sales2 });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().totals.leads + preview.json().totals.customers).toBeGreaterThan(0);
    const both = await call('POST', '/api/v1/pool/handover/preview', admin, { fromUserId: ids.sales1, toUserId: ids.sales2, toTeamId: ids.south });
    expect(both.statusCode).toBe(400);
    const forbidden = await call('POST', '/api/v1/pool/handover', cookies.sales1!, { fromUserId: ids.sales1, toUserId: ids.sales2 });
    expect(forbidden.statusCode).toBe(403);
    const collusion = await call('GET', '/api/v1/pool/collusion', cookies.manager!);
    expect(collusion.statusCode, collusion.body).toBe(200);
    expect(collusion.json()).toHaveProperty('pairs');
    const bad = await call('PUT', '/api/v1/pool/settings', admin, { collusionGapHours: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('collusionGapHours');
    const ok = await call('PUT', '/api/v1/pool/settings', admin, { collusionGapHours: 48 });
    expect(ok.json()).toMatchObject({ collusionGapHours: 48, collusionMinRecords: 3 });
  });

  it('the SQL verdict agrees with the rule function on many random records', async () => {
    const rules: RecycleRule[] = [
      { level: null, kind: 'no_follow_up', days: 7, enabled: true },
      { level: null, kind: 'no_won', days: 15, enabled: true },
      { level: 'A', kind: 'no_opportunity', days: 5, enabled: true },
      { level: 'B', kind: 'no_follow_up', days: 3, enabled: true },
      { level: 'C', kind: 'no_won', days: 40, enabled: false },
    ];
    const pool = (await call('POST', '/api/v1/pools', admin, { name: '校验池', exemptOpenProbability: 70, position: 99 })).json();
    await call('PUT', `/api/v1/pools/${pool.id}/rules`, admin, { rules });
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const now = Date.now();
    const day = 86_400_000;
    const maybe = <T>(v: T) => (rnd() < 0.35 ? null : v);
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      level: [null, 'A', 'B', 'C'][i % 4] as string | null,
      claimedAt: new Date(now - rnd() * 30 * day),
      lastFollowUpAt: maybe(new Date(now - rnd() * 30 * day)),
      lastOpportunityAt: maybe(new Date(now - rnd() * 30 * day)),
      openProbability: maybe(Math.round(rnd() * 100)),
      wonAt: rnd() < 0.1 ? new Date(now - rnd() * 30 * day) : null,
      contractUntil: rnd() < 0.1 ? new Date(now + (rnd() - 0.5) * 60 * day).toISOString().slice(0, 10) : null,
    }));
    const got = await inTenant(async (tx) => {
      for (const r of rows) {
        await tx.execute(sql`INSERT INTO pool_records (tenant_id, record_type, record_id, pool_id, owner_user_id, level, title, claimed_at, last_follow_up_at,
            last_opportunity_at, open_probability, won_at, contract_until)
          VALUES (${tenant.id}, 'customer', ${r.id}, ${pool.id}, ${ids.sales1}, ${r.level}, 'x', ${r.claimedAt.toISOString()}, ${r.lastFollowUpAt?.toISOString() ?? null},
            ${r.lastOpportunityAt?.toISOString() ?? null}, ${r.openProbability}, ${r.wonAt?.toISOString() ?? null}, ${r.contractUntil})`);
      }
      const out = await queryRows<{ record_id: string; deadline: Date | null; exemption: string | null }>(tx, sql`SELECT * FROM (${verdictSql(sql`r.pool_id = ${pool.id}`)}) v`);
      await tx.execute(sql`DELETE FROM pool_records WHERE pool_id = ${pool.id}`);
      return out;
    });
    expect(got).toHaveLength(rows.length);
    const policy = { warnDays: 2, exemptWon: true, exemptOpenProbability: 70, exemptLiveContract: true };
    for (const r of rows) {
      const v = recycleVerdict(r, rules, policy, new Date(now));
      const s = got.find((g) => g.record_id === r.id)!;
      if (v.state === 'exempt') expect(s.exemption, r.id).toBe(v.exemption);
      else expect(s.exemption, r.id).toBeNull();
      const expected = v.state === 'ok' || v.state === 'warn' || v.state === 'fall' ? v.deadline.getTime() : null;
      expect(s.deadline ? new Date(s.deadline).getTime() : null, r.id).toBe(expected);
    }
  });
});
