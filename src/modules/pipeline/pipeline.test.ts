import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { leadOutcomes, opportunityFunnelRows } from './index.ts';

type Stage = { id: string; name: string; kind: string; probability: number; position: number };
type Pipeline = { id: string; name: string; isDefault: boolean; stages: Stage[] };

describe.each(DB_KINDS)('pipelines and opportunities on %s', (kind) => {
  let h: TestApp;
  let tenantId: string;
  let admin: string;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let pipeline: Pipeline;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie } });
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!;
  const newOpportunity = async (cookie: string, body: object = {}) => {
    const res = await call('POST', '/api/v1/opportunities', cookie, { customerId: ids.customer1, name: '年度框架合同', amount: 1000, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    h = await startTestApp(kind);
    const tenant = await buildTenant(h.t);
    tenantId = tenant.id;
    admin = await h.login(tenant.adminLogin, tenant.password);
    for (const key of ['sales1', 'sales2']) {
      const user = (await call('POST', '/api/v1/users', admin, { name: key, email: `${key}@x.test`, password: 'password-1', roleKey: 'sales' })).json();
      ids[key] = user.id;
      cookies[key] = await h.login(`${key}@x.test`, 'password-1');
    }
    const customer = await call('POST', '/api/v1/customers', cookies.sales1!, { kind: 'company', name: '杭州云帆科技有限公司', province: '浙江省' });
    expect(customer.statusCode, customer.body).toBe(201);
    ids.customer1 = customer.json().id;
  });
  afterAll(() => h?.close());

  it('gives a tenant without a pipeline the default one on first use', async () => {
    const res = await call('GET', '/api/v1/pipelines', cookies.sales1!);
    expect(res.statusCode, res.body).toBe(200);
    const list: Pipeline[] = res.json();
    expect(list).toHaveLength(1);
    pipeline = list[0]!;
    expect(pipeline.isDefault).toBe(true);
    expect(pipeline.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['初步接触', 10, 'open'],
      ['需求确认', 30, 'open'],
      ['方案报价', 50, 'open'],
      ['商务谈判', 70, 'open'],
      ['赢单', 100, 'won'],
      ['输单', 0, 'lost'],
    ]);
    // A second use does not make another.
    expect((await call('GET', '/api/v1/pipelines', admin)).json()).toHaveLength(1);
  });

  it('creates an opportunity in the first stage, deriving the amount from products when none is given', async () => {
    const opp = await newOpportunity(cookies.sales1!, {
      amount: undefined,
      products: [{ name: 'CRM 专业版', quantity: 3, unitPrice: 1999.99 }, { name: '实施服务', quantity: 1, unitPrice: 0.1 }],
      expectedCloseDate: '2026-12-31',
    });
    expect(opp).toMatchObject({ amount: '6000.07', stageName: '初步接触', status: 'open', ownerUserId: ids.sales1, customerName: '杭州云帆科技有限公司', version: 1, expectedCloseDate: '2026-12-31' });
    const history = (await call('GET', `/api/v1/opportunities/${opp.id}/history`, cookies.sales1!)).json();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ stageName: '初步接触', leftAt: null, userName: 'sales1' });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const negative = await call('POST', '/api/v1/opportunities', cookies.sales1!, { customerId: ids.customer1, name: 'x', amount: -1 });
    expect(negative.statusCode).toBe(400);
    expect(Object.keys(negative.json().error.fields)).toEqual(['amount']);
    const quantity = await call('POST', '/api/v1/opportunities', cookies.sales1!, { customerId: ids.customer1, name: 'x', products: [{ name: 'a', quantity: 0, unitPrice: 1 }] });
    expect(Object.keys(quantity.json().error.fields)).toEqual(['products.0.quantity']);
    const unknownCustomer = await call('POST', '/api/v1/opportunities', cookies.sales1!, { customerId: '00000000-0000-4000-8000-000000000000', name: 'x' });
    expect(unknownCustomer.statusCode).toBe(400);
    expect(Object.keys(unknownCustomer.json().error.fields)).toEqual(['customerId']);
  });

  it('moves stage, closing the old stay and opening a new one; an unknown or foreign stage is 400 naming stageId', async () => {
    const opp = await newOpportunity(cookies.sales1!);
    const other = (await call('POST', '/api/v1/pipelines', admin, { name: '续约' })).json() as Pipeline;
    for (const stageId of ['00000000-0000-4000-8000-000000000000', other.stages[1]!.id, stage('赢单').id]) {
      const res = await call('POST', `/api/v1/opportunities/${opp.id}/stage`, cookies.sales1!, { stageId });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['stageId']);
    }
    const moved = await call('POST', `/api/v1/opportunities/${opp.id}/stage`, cookies.sales1!, { stageId: stage('需求确认').id, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stageName: '需求确认', version: 2 });
    const history = (await call('GET', `/api/v1/opportunities/${opp.id}/history`, cookies.sales1!)).json();
    expect(history.map((h: { stageName: string }) => h.stageName)).toEqual(['初步接触', '需求确认']);
    expect(history[0].leftAt).not.toBeNull();
    expect(history[0].durationSeconds).toBeGreaterThanOrEqual(0);
    expect(history[1]).toMatchObject({ leftAt: null, fromStageId: stage('初步接触').id });
  });

  it('lets exactly one of two simultaneous moves of the same version through', async () => {
    const opp = await newOpportunity(cookies.sales1!);
    const results = await Promise.all([
      call('POST', `/api/v1/opportunities/${opp.id}/stage`, cookies.sales1!, { stageId: stage('方案报价').id, version: 1 }),
      call('POST', `/api/v1/opportunities/${opp.id}/stage`, cookies.sales1!, { stageId: stage('商务谈判').id, version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const history = (await call('GET', `/api/v1/opportunities/${opp.id}/history`, cookies.sales1!)).json();
    expect(history).toHaveLength(2);
  });

  it('closes once: simultaneous won and lost give one 200 and one 409, a second close is 409 opportunity_closed', async () => {
    const opp = await newOpportunity(cookies.sales1!);
    const results = await Promise.all([
      call('POST', `/api/v1/opportunities/${opp.id}/won`, cookies.sales1!, {}),
      call('POST', `/api/v1/opportunities/${opp.id}/lost`, cookies.sales1!, { reason: '价格太高' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('opportunity_closed');
    const again = await call('POST', `/api/v1/opportunities/${opp.id}/won`, cookies.sales1!, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('opportunity_closed');
    const move = await call('POST', `/api/v1/opportunities/${opp.id}/stage`, cookies.sales1!, { stageId: stage('需求确认').id });
    expect(move.statusCode).toBe(409);
    const current = (await call('GET', `/api/v1/opportunities/${opp.id}`, cookies.sales1!)).json();
    expect(['won', 'lost']).toContain(current.status);
    expect(current.stageName).toBe(current.status === 'won' ? '赢单' : '输单');
  });

  it('requires a lost reason, keeps it, and lets a manager or admin reopen but not a salesperson', async () => {
    const opp = await newOpportunity(cookies.sales1!);
    const missing = await call('POST', `/api/v1/opportunities/${opp.id}/lost`, cookies.sales1!, {});
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['reason']);
    const lost = await call('POST', `/api/v1/opportunities/${opp.id}/lost`, cookies.sales1!, { reason: '预算取消' });
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: '预算取消', stageName: '输单' });
    expect((await call('POST', `/api/v1/opportunities/${opp.id}/reopen`, cookies.sales1!)).statusCode).toBe(403);
    const reopened = await call('POST', `/api/v1/opportunities/${opp.id}/reopen`, admin);
    expect(reopened.json()).toMatchObject({ status: 'open', stageName: '初步接触', lostReason: null, closedAt: null });
  });

  it('keeps opportunities in the owner’s scope: others get 404 and do not see them in lists', async () => {
    const opp = await newOpportunity(cookies.sales1!, { name: '仅自己可见' });
    expect((await call('GET', `/api/v1/opportunities/${opp.id}`, cookies.sales2!)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/opportunities/${opp.id}/won`, cookies.sales2!, {})).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/opportunities', cookies.sales2!)).json().items).toEqual([]);
    const mine = (await call('GET', '/api/v1/opportunities?q=自己', cookies.sales1!)).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([opp.id]);
    // Another salesperson's customer is not a valid target either.
    const res = await call('POST', '/api/v1/opportunities', cookies.sales2!, { customerId: ids.customer1, name: 'x' });
    expect(res.statusCode).toBe(400);
  });

  it('pages the list with a keyset cursor and filters by status and stage', async () => {
    const first = (await call('GET', '/api/v1/opportunities?limit=2', admin)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await call('GET', `/api/v1/opportunities?limit=2&cursor=${first.nextCursor}`, admin)).json();
    expect(second.items.map((o: { id: string }) => o.id)).not.toContain(first.items[0].id);
    const lost = (await call('GET', '/api/v1/opportunities?status=lost', admin)).json().items;
    expect(lost.every((o: { status: string }) => o.status === 'lost')).toBe(true);
    const inStage = (await call('GET', `/api/v1/opportunities?stageId=${stage('需求确认').id}`, admin)).json().items;
    expect(inStage.length).toBeGreaterThan(0);
    expect(inStage.every((o: { stageId: string }) => o.stageId === stage('需求确认').id)).toBe(true);
  });

  it('answers the board with per-stage cards, counts and amount sums', async () => {
    const pipelines: Pipeline[] = (await call('GET', '/api/v1/pipelines', admin)).json();
    const renewal = pipelines.find((p) => p.name === '续约')!;
    for (const amount of [100.5, 200.25]) await newOpportunity(admin, { pipelineId: renewal.id, amount });
    const won = await newOpportunity(admin, { pipelineId: renewal.id, amount: 999 });
    await call('POST', `/api/v1/opportunities/${won.id}/won`, admin, {});
    const board = (await call('GET', `/api/v1/pipelines/${renewal.id}/board`, admin)).json();
    const column = (name: string) => board.columns.find((c: { stage: Stage }) => c.stage.name === name);
    expect(column('初步接触')).toMatchObject({ count: 2, amount: '300.75' });
    expect(column('初步接触').items).toHaveLength(2);
    expect(column('赢单')).toMatchObject({ count: 1, amount: '999.00' });
    expect(column('输单')).toMatchObject({ count: 0, amount: '0.00', items: [] });
  });

  it('refuses to delete a stage that holds opportunities (409 with the count), and reorders stages', async () => {
    const res = await call('DELETE', `/api/v1/pipelines/${pipeline.id}/stages/${stage('初步接触').id}`, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stage_not_empty');
    expect(res.json().error.details.count).toBeGreaterThan(0);
    expect((await call('DELETE', `/api/v1/pipelines/${pipeline.id}/stages/${stage('初步接触').id}`, cookies.sales1!)).statusCode).toBe(403);
    const added = await call('POST', `/api/v1/pipelines/${pipeline.id}/stages`, admin, { name: '试用', probability: 40 });
    expect(added.statusCode, added.body).toBe(201);
    const names = added.json().stages.map((s: Stage) => s.name);
    expect(names).toEqual(['初步接触', '需求确认', '方案报价', '商务谈判', '试用', '赢单', '输单']);
    const trial = added.json().stages.find((s: Stage) => s.name === '试用');
    const order = [...added.json().stages].reverse().map((s: Stage) => s.id);
    expect((await call('PUT', `/api/v1/pipelines/${pipeline.id}/stages/order`, admin, { stageIds: order.slice(1) })).statusCode).toBe(400);
    const reordered = await call('PUT', `/api/v1/pipelines/${pipeline.id}/stages/order`, admin, { stageIds: order });
    expect(reordered.json().stages.map((s: Stage) => s.name)).toEqual([...names].reverse());
    const renamed = await call('PATCH', `/api/v1/pipelines/${pipeline.id}/stages/${trial.id}`, admin, { name: '产品试用', probability: 45 });
    expect(renamed.json().stages.find((s: Stage) => s.id === trial.id)).toMatchObject({ name: '产品试用', probability: 45 });
    expect((await call('DELETE', `/api/v1/pipelines/${pipeline.id}/stages/${trial.id}`, admin)).statusCode).toBe(200);
  });

  it('exports lead outcomes and funnel rows for the leads and analytics modules', async () => {
    const [leadA, leadB] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const a1 = await newOpportunity(cookies.sales1!, { leadId: leadA });
    const a2 = await newOpportunity(cookies.sales1!, { leadId: leadA });
    const b1 = await newOpportunity(cookies.sales1!, { leadId: leadB });
    await call('POST', `/api/v1/opportunities/${a1.id}/lost`, cookies.sales1!, { reason: '无预算' });
    await call('POST', `/api/v1/opportunities/${a2.id}/won`, cookies.sales1!, {});
    await call('POST', `/api/v1/opportunities/${b1.id}/lost`, cookies.sales1!, { reason: '选了竞品' });
    const outcomes = await h.t.db.tenantTx(tenantId, (tx) => leadOutcomes(tx, [leadA, leadB, '33333333-3333-4333-8333-333333333333']));
    expect(Object.fromEntries(outcomes)).toEqual({ [leadA]: 'won', [leadB]: 'lost' });
    const rows = await h.t.db.tenantTx(tenantId, (tx) => opportunityFunnelRows(tx, { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000), leadIds: [leadA] }));
    expect(rows.map((r) => r.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(rows.find((r) => r.id === a2.id)).toMatchObject({ status: 'won', leadId: leadA, ownerUserId: ids.sales1, amount: '1000.00' });
    expect(rows.find((r) => r.id === a2.id)!.closedAt).toBeInstanceOf(Date);
  });

  it('stores the win probability with its reasons when a scoring rule applies', async () => {
    const rule = await call('POST', '/api/v1/scoring/rules', admin, { target: 'opportunity', name: '大额商机', condition: { all: [{ field: 'amount', op: 'gte', value: 50000 }] }, points: 20 });
    expect(rule.statusCode, rule.body).toBe(201);
    const small = await newOpportunity(cookies.sales1!, { amount: 1000, stageId: stage('需求确认').id });
    // No model and no rule: the stage's probability (需求确认 30 %) is the win probability.
    expect(small.winProbability).toBe(30);
    expect(small.scoreReasons[0]).toMatchObject({ field: 'stageProbability', weight: 30 });
    const big = await newOpportunity(cookies.sales1!, { amount: 60000, stageId: stage('需求确认').id });
    // Stage 30 % + the rule's 20 points.
    expect(big.winProbability).toBe(50);
    expect(big.scoreReasons.map((r: { label: string }) => r.label)).toContain('大额商机');
    const moved = (await call('POST', `/api/v1/opportunities/${big.id}/stage`, cookies.sales1!, { stageId: stage('方案报价').id })).json();
    expect(moved.winProbability).toBe(70);
    expect(moved.scoreReasons.map((r: { label: string }) => r.label)).toContain('大额商机');
    const won = (await call('POST', `/api/v1/opportunities/${big.id}/won`, cookies.sales1!, {})).json();
    expect(won.winProbability).toBe(100);
  });

  it('soft-deletes an opportunity', async () => {
    const opp = await newOpportunity(cookies.sales1!);
    expect((await call('DELETE', `/api/v1/opportunities/${opp.id}`, cookies.sales1!)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/opportunities/${opp.id}`, cookies.sales1!)).statusCode).toBe(404);
  });
});
