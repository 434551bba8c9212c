import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import type { Tx } from '../../db/client.ts';
import type { LeadFacts } from '../../lib/sales-facts.ts';
import type { Caller } from '../../server/caller.ts';
import { assignmentHistory, checkAssignee, loadAssigner, logManualAssignments, recordOutcomes } from './index.ts';

const facts = (overrides: Partial<LeadFacts> = {}): LeadFacts => ({
  source: 'referral', channel: null, industry: '制造业', province: '浙江省', region: '华东', companySize: '50-199', ageBand: '35-44',
  hasCompany: true, hasCreditCode: false, hasMobile: true, hasEmail: false, completeness: 80, daysSinceCreated: 0,
  daysSinceActivity: null, activityCount: 0, score: 70, ...overrides,
});
let leadCounter = 0;
const leadId = () => `00000000-0000-4000-8000-${(++leadCounter).toString().padStart(12, '0')}`;

describe.each(DB_KINDS)('lead assignment on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie } });
  const caller = (who: string, dataScope: Caller['dataScope'], teamId: string | null): Caller => ({
    tenantId: tenant.id, userId: ids[who]!, name: who, roleKey: dataScope === 'all' ? 'admin' : 'manager', dataScope, teamId,
    permissions: ['leads.assign'], locale: 'zh-CN', via: 'session', ip: null, requestId: null,
  });
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => h.t.db.tenantTx(tenant.id, fn);
  /** One batch as the leads module runs it: load once, assign in memory, flush. */
  const batch = (n: number, f: Partial<LeadFacts> = {}, load = new Map<string, number>()) =>
    h.t.db.tenantTx(tenant.id, async (tx) => {
      const assigner = await loadAssigner(tx, { now: new Date('2026-11-24T09:00:00+08:00') });
      const out = Array.from({ length: n }, () => {
        const id = leadId();
        return { id, decision: assigner.assign({ id, facts: facts(f) }, load), miss: assigner.lastMiss };
      });
      await assigner.flush(tx);
      return out;
    });
  const names = (ds: { decision: { userId: string | null } | null }[]) =>
    ds.map((d) => Object.entries(ids).find(([, id]) => id === d.decision?.userId)?.[0] ?? '-');

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    const east = (await call('POST', '/api/v1/teams', admin, { name: '华东' })).json();
    const shanghai = (await call('POST', '/api/v1/teams', admin, { name: '上海', parentId: east.id })).json();
    const south = (await call('POST', '/api/v1/teams', admin, { name: '华南' })).json();
    Object.assign(ids, { east: east.id, shanghai: shanghai.id, south: south.id });
    for (const [key, roleKey, teamId] of [['manager', 'manager', east.id], ['s1', 'sales', shanghai.id], ['s2', 'sales', shanghai.id], ['s3', 'sales', south.id], ['s4', 'sales', shanghai.id]] as const) {
      const user = (await call('POST', '/api/v1/users', admin, { name: `销售${key}`, email: `${key}@x.test`, password: 'password-1', roleKey, teamId })).json();
      ids[key] = user.id;
      cookies[key] = await h.login(`${key}@x.test`, 'password-1');
    }
    expect((await call('PATCH', `/api/v1/users/${ids.s4}`, admin, { status: 'inactive' })).statusCode).toBe(200);
  });
  afterAll(() => h?.close());

  it('refuses bad rules, naming the field', async () => {
    const post = (body: object) => call('POST', '/api/v1/assignment/rules', admin, { name: '规则', ...body });
    const fieldsOf = async (body: object) => {
      const res = await post(body);
      expect(res.statusCode, res.body).toBe(400);
      return Object.keys(res.json().error.fields);
    };
    expect(await fieldsOf({ method: 'lottery', userIds: [ids.s1] })).toContain('method');
    expect(await fieldsOf({ method: 'round_robin' })).toEqual(['userIds']);
    expect(await fieldsOf({ method: 'load_balanced', userIds: [ids.s1], cap: 0 })).toEqual(['cap']);
    expect(await fieldsOf({ method: 'random', userIds: ['00000000-0000-4000-8000-000000000999'] })).toEqual(['userIds.0']);
    expect(await fieldsOf({ method: 'random', userIds: [ids.s1, ids.s4] })).toEqual(['userIds.1']);
    expect(await fieldsOf({ method: 'queue', teamId: '00000000-0000-4000-8000-000000000999' })).toEqual(['teamId']);
    expect(await fieldsOf({ method: 'fixed', userIds: [ids.s1, ids.s2] })).toEqual(['userIds']);
    expect(await fieldsOf({ method: 'random', userIds: [ids.s1], condition: { all: [{ field: 'shoeSize', op: 'eq', value: 1 }] } })).toEqual(['condition']);
    expect((await call('POST', '/api/v1/assignment/rules', cookies.manager!, { name: 'x', method: 'random', userIds: [ids.s1] })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/assignment/rules', admin)).json()).toEqual([]);
  });

  it('round robin takes turns, survives a restart, skips absent people and logs why', async () => {
    const res = await call('POST', '/api/v1/assignment/rules', admin, {
      name: '华东高分', method: 'round_robin', userIds: [ids.s1, ids.s2, ids.s3],
      condition: { all: [{ field: 'region', op: 'eq', value: '华东' }, { field: 'score', op: 'gte', value: 60 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.rr = res.json().id;
    expect(names(await batch(4))).toEqual(['s1', 's2', 's3', 's1']);
    // A new assigner (as after a restart, or on another node) continues from the stored cursor.
    expect(names(await batch(1))).toEqual(['s2']);

    const absent = await call('PUT', `/api/v1/assignment/availability/${ids.s3}`, cookies.s3!, { absentFrom: '2026-11-20', absentUntil: '2026-11-30' });
    expect(absent.statusCode, absent.body).toBe(200);
    const [next] = await batch(1);
    expect(names([next!])).toEqual(['s1']);
    expect(next!.decision!.reason.skipped).toEqual([{ userId: ids.s3, why: 'absent' }]);
    const history = await inTenant((tx) => assignmentHistory(tx, next!.id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ method: 'round_robin', ruleId: ids.rr, userId: ids.s1, userName: '销售s1', reason: { rule: '华东高分', skipped: [{ why: 'absent' }] } });
    await call('PUT', `/api/v1/assignment/availability/${ids.s3}`, cookies.s3!, {});
  });

  it('leaves a lead unassigned when no rule matches or nobody is available, and says why', async () => {
    const [low] = await batch(1, { score: 10 });
    expect(low!.decision).toBeNull();
    expect(low!.miss).toEqual({ outcome: 'no_rule_matched', tried: [] });
    const full = new Map([[ids.s1!, 5], [ids.s2!, 5], [ids.s3!, 5]]);
    await call('PATCH', `/api/v1/assignment/rules/${ids.rr}`, admin, { cap: 5 });
    const [none] = await batch(1, {}, full);
    expect(none!.decision).toBeNull();
    expect(none!.miss!.outcome).toBe('nobody_available');
    expect(none!.miss!.tried[0]!.skipped.map((s) => s.why)).toEqual(['full', 'full', 'full']);
    expect((await inTenant((tx) => assignmentHistory(tx, none!.id)))[0]).toMatchObject({ method: 'unassigned', userId: null });
    await call('PATCH', `/api/v1/assignment/rules/${ids.rr}`, admin, { cap: null });
  });

  it('two nodes assigning at once never hand out the same turn', async () => {
    const [[a], [b]] = await Promise.all([batch(1), batch(1)]);
    expect(a!.decision!.userId).not.toBe(b!.decision!.userId);
  });

  it('reorders rules, queues, and previews without writing', async () => {
    const queue = (await call('POST', '/api/v1/assignment/rules', admin, { name: '华南队列', method: 'queue', teamId: ids.south, condition: { all: [{ field: 'region', op: 'eq', value: '华南' }] } })).json();
    const lb = (await call('POST', '/api/v1/assignment/rules', admin, { name: '兜底', method: 'load_balanced', teamId: ids.east })).json();
    const [queued] = await batch(1, { province: '广东省', region: '华南' });
    expect(queued!.decision).toMatchObject({ method: 'queue', userId: null, teamId: ids.south });
    // The fallback rule draws from the east team subtree: manager, s1, s2 (s4 is inactive).
    const low = await batch(3, { score: 5 }, new Map([[ids.manager!, 9]]));
    expect(new Set(names(low))).toEqual(new Set(['s1', 's2']));

    const order = await call('PUT', '/api/v1/assignment/rules/order', admin, { ids: [lb.id, ids.rr, queue.id] });
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().map((r: { name: string }) => r.name)).toEqual(['兜底', '华东高分', '华南队列']);
    expect((await call('PUT', '/api/v1/assignment/rules/order', admin, { ids: [lb.id] })).json().error.fields).toHaveProperty('ids');

    const preview = await call('POST', '/api/v1/assignment/preview', admin, { facts: { province: '广东省', score: 90 } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().decision).toMatchObject({ ruleName: '兜底', method: 'load_balanced' });
    await call('PUT', '/api/v1/assignment/rules/order', admin, { ids: [ids.rr, queue.id, lb.id] });
    const again = (await call('POST', '/api/v1/assignment/preview', admin, { facts: { province: '广东省', score: 90 } })).json();
    expect(again.decision).toMatchObject({ ruleName: '华南队列', method: 'queue', teamId: ids.south });
    expect((await call('DELETE', `/api/v1/assignment/rules/${lb.id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/assignment/rules', admin)).json()).toHaveLength(2);
  });

  it('matching sends a lead to the seller with the best record with similar customers, fed by outcomes', async () => {
    const m = (await call('POST', '/api/v1/assignment/rules', admin, { name: '制造业匹配', method: 'matching', userIds: [ids.s1, ids.s2], condition: { all: [{ field: 'industry', op: 'eq', value: '机械' }] } })).json();
    await call('PUT', '/api/v1/assignment/rules/order', admin, { ids: [m.id, ...(await call('GET', '/api/v1/assignment/rules', admin)).json().map((r: { id: string }) => r.id).filter((id: string) => id !== m.id)] });
    await inTenant((tx) =>
      recordOutcomes(tx, [
        ...Array.from({ length: 30 }, (_, i) => ({ userId: ids.s2!, facts: facts({ industry: '机械' }), won: i % 3 !== 0 })),
        ...Array.from({ length: 30 }, (_, i) => ({ userId: ids.s1!, facts: facts({ industry: '机械' }), won: i % 6 === 0 })),
      ]),
    );
    const [lead] = await batch(1, { industry: '机械' });
    expect(lead!.decision).toMatchObject({ method: 'matching', userId: ids.s2 });
    const chosen = (lead!.decision!.reason.matching!).chosen;
    expect(chosen.p).toBeGreaterThan(lead!.decision!.reason.matching!.runnersUp[0]!.p);
    const record = await call('GET', `/api/v1/assignment/seller-stats/${ids.s2}`, cookies.s2!);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().features.find((f: { feature: string }) => f.feature === 'industry=机械')).toMatchObject({ trials: 30, wins: 20 });
    expect((await call('GET', `/api/v1/assignment/seller-stats/${ids.s2}`, cookies.s1!)).statusCode).toBe(403);
  });

  it('manual hand-out refuses deactivated people and people outside the manager’s team, with the reason', async () => {
    const manager = caller('manager', 'team', ids.east!);
    const inactive = await inTenant((tx) => checkAssignee(tx, manager, ids.s4!)).catch((e: unknown) => e);
    expect(inactive).toMatchObject({ status: 409, code: 'assignee_inactive', params: { name: '销售s4' } });
    const outside = await inTenant((tx) => checkAssignee(tx, manager, ids.s3!)).catch((e: unknown) => e);
    expect(outside).toMatchObject({ status: 403, code: 'assignee_outside_team' });
    expect((await inTenant((tx) => checkAssignee(tx, manager, ids.s1!))).id).toBe(ids.s1);
    expect((await inTenant((tx) => checkAssignee(tx, caller('admin', 'all', null), ids.s3!))).id).toBe(ids.s3);
    const [a, b] = [leadId(), leadId()];
    await inTenant((tx) => logManualAssignments(tx, manager, [{ leadId: a, userId: ids.s1!, teamId: null, reason: { note: '老客户介绍' } }, { leadId: b, userId: ids.s1!, teamId: null }]));
    expect((await inTenant((tx) => assignmentHistory(tx, a)))[0]).toMatchObject({ method: 'manual', byUserId: ids.manager, userName: '销售s1', reason: { note: '老客户介绍', bulk: 2 } });
  });

  it('availability: own absence, a manager for the team, nobody else', async () => {
    expect((await call('PUT', `/api/v1/assignment/availability/${ids.s3}`, cookies.s1!, { leadCap: 3 })).statusCode).toBe(403);
    expect((await call('PUT', `/api/v1/assignment/availability/${ids.s1}`, cookies.manager!, { leadCap: 3 })).statusCode).toBe(200);
    expect((await call('PUT', `/api/v1/assignment/availability/${ids.s3}`, cookies.manager!, { leadCap: 3 })).statusCode).toBe(403);
    const bad = await call('PUT', `/api/v1/assignment/availability/${ids.s1}`, cookies.s1!, { absentFrom: '2026-12-10', absentUntil: '2026-12-01' });
    expect(Object.keys(bad.json().error.fields)).toEqual(['absentUntil']);
    const mine = (await call('GET', '/api/v1/assignment/availability', cookies.s1!)).json();
    expect(mine).toEqual([expect.objectContaining({ userId: ids.s1, leadCap: 3 })]);
    const team = (await call('GET', '/api/v1/assignment/availability', cookies.manager!)).json().map((r: { name: string }) => r.name);
    expect(team).toContain('销售s2');
    expect(team).not.toContain('销售s3');
  });
});
