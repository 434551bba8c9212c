import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { queryRows } from '../../db/client.ts';
import { generateLeadHistory } from './history-generator.ts';
import { registerScoringTarget, retrainJob, type HistoryRow, type Scorer } from './index.ts';

type Rule = { id: string; name: string; points: number; enabled: boolean; position: number };

describe.each(DB_KINDS)('scoring on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  let sales: string;
  // The fake 'lead' target: its history is whatever the test puts here; rescore records what it got.
  let history: HistoryRow[] = [];
  const rescored: Array<{ tenant: string; scores: number[] }> = [];
  let unregister: () => void = () => undefined;
  const probe = [
    { source: 'referral', hasCreditCode: true, completeness: 90, daysSinceActivity: 2, activityCount: 6, industry: '制造业', companySize: '1000+', region: '华东' },
    { source: 'call_list', hasCreditCode: false, completeness: 30, daysSinceActivity: null, activityCount: 0, industry: '软件和信息技术', companySize: '1-49', region: '西北' },
  ];
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie } });

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    const user = await call('POST', '/api/v1/users', admin, { name: '小王', email: 'wang@x.test', password: 'password-1', roleKey: 'sales' });
    expect(user.statusCode, user.body).toBe(201);
    sales = await h.login('wang@x.test', 'password-1');
    unregister = registerScoringTarget('lead', {
      trainingRows: async () => history,
      rescore: async (tx, scorer: Scorer) => {
        const [row] = await queryRows<{ id: string }>(tx, sql`select tide_current_tenant()::text as id`);
        rescored.push({ tenant: row!.id, scores: probe.map((facts) => scorer.score(facts).score) });
        return probe.length;
      },
    });
  });
  afterAll(async () => {
    unregister();
    await h?.close();
  });

  const rules = async (target = 'lead', cookie = admin): Promise<Rule[]> => {
    const res = await call('GET', `/api/v1/scoring/rules?target=${target}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  it('creates the default rules once, on first read, per target', async () => {
    const first = await rules();
    expect(first.map((r) => [r.name, r.points])).toEqual([
      ['转介绍', 20],
      ['有统一社会信用代码', 10],
      ['30 天未跟进', -15],
      ['资料完整度 ≥ 80', 10],
    ]);
    expect((await rules()).map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect((await rules('opportunity')).length).toBeGreaterThan(0);
    expect((await rules('lead', sales)).length).toBe(4); // reading needs leads.read only
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/scoring/rules', '/api/v1/scoring/rules/{id}', '/api/v1/scoring/settings', '/api/v1/scoring/models', '/api/v1/scoring/retrain', '/api/v1/scoring/preview']) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });

  it('refuses a bad condition with the path of the bad part, and bad points', async () => {
    const bad = await call('POST', '/api/v1/scoring/rules', admin, { target: 'lead', name: 'x', points: 5, condition: { all: [{ field: 'source', op: 'eq', value: 'a' }, { field: 'stage', op: 'eq', value: 'b' }] } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['condition.all.1.field']);
    const badValue = await call('POST', '/api/v1/scoring/rules', admin, { target: 'lead', name: 'x', points: 5, condition: { any: [{ field: 'completeness', op: 'gte', value: 'high' }] } });
    expect(Object.keys(badValue.json().error.fields)).toEqual(['condition.any.0.value']);
    const badPoints = await call('POST', '/api/v1/scoring/rules', admin, { target: 'lead', name: 'x', points: 101, condition: { all: [] } });
    expect(badPoints.statusCode).toBe(400);
    expect(badPoints.json().error.fields).toHaveProperty('points');
    const [first] = await rules();
    const badPatch = await call('PATCH', `/api/v1/scoring/rules/${first!.id}`, admin, { condition: { all: [{ field: 'daysToClose', op: 'lt', value: 0 }] } });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.fields).toHaveProperty(['condition.all.0.field']);
  });

  it('adds, changes, reorders and deletes rules; only sales.configure may, and it is audited', async () => {
    const condition = { all: [{ field: 'industry', op: 'in', value: ['制造业', '医疗健康'] }] };
    expect((await call('POST', '/api/v1/scoring/rules', sales, { target: 'lead', name: '重点行业', points: 8, condition })).statusCode).toBe(403);
    const created = await call('POST', '/api/v1/scoring/rules', admin, { target: 'lead', name: '重点行业', points: 8, condition });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json() as Rule;
    expect(rule.position).toBe(4);
    const patched = await call('PATCH', `/api/v1/scoring/rules/${rule.id}`, admin, { enabled: false, points: -8 });
    expect(patched.json()).toMatchObject({ enabled: false, points: -8, name: '重点行业' });
    const ids = (await rules()).map((r) => r.id);
    const reversed = [...ids].reverse();
    const reordered = await call('PUT', '/api/v1/scoring/rules/order', admin, { target: 'lead', ids: reversed });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect((await rules()).map((r) => r.id)).toEqual(reversed);
    const partial = await call('PUT', '/api/v1/scoring/rules/order', admin, { target: 'lead', ids: reversed.slice(1) });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields).toHaveProperty('ids');
    expect((await call('DELETE', `/api/v1/scoring/rules/${rule.id}`, admin)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/scoring/rules/${rule.id}`, admin)).statusCode).toBe(404);
    const audit = (await call('GET', '/api/v1/audit-log?entity=scoring_rule', admin)).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(['scoring_rule.create', 'scoring_rule.delete', 'scoring_rule.reorder', 'scoring_rule.update']);
    // Put the defaults back in their order for the tests below.
    await call('PUT', '/api/v1/scoring/rules/order', admin, { target: 'lead', ids });
  });

  it('reads and writes settings within their bounds', async () => {
    expect((await call('GET', '/api/v1/scoring/settings', admin)).json()).toEqual({ base: 50, modelWeight: 0.6, minHistory: 200 });
    const bad = await call('PUT', '/api/v1/scoring/settings', admin, { base: 50, modelWeight: 1.5, minHistory: 10 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['minHistory', 'modelWeight']);
    expect((await call('PUT', '/api/v1/scoring/settings', sales, { base: 40, modelWeight: 0.5, minHistory: 300 })).statusCode).toBe(403);
    const ok = await call('PUT', '/api/v1/scoring/settings', admin, { base: 40, modelWeight: 0.6, minHistory: 300 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call('GET', '/api/v1/scoring/settings', sales)).json()).toEqual({ base: 40, modelWeight: 0.6, minHistory: 300 });
    const preview = await call('POST', '/api/v1/scoring/preview', sales, { target: 'lead', facts: { source: 'referral' } });
    expect(preview.json()).toMatchObject({ score: 60, ruleScore: 60, modelActive: false, probability: null, reasons: [{ kind: 'rule', label: '转介绍', weight: 20 }] });
    await call('PUT', '/api/v1/scoring/settings', admin, { base: 50, modelWeight: 0.6, minHistory: 300 });
  });

  it('below the minimum history it says so and scores with rules only', async () => {
    history = generateLeadHistory({ seed: 3, count: 250 }).rows; // minHistory is 300 now
    const res = await call('POST', '/api/v1/scoring/retrain', admin, { target: 'lead' });
    expect(res.statusCode, res.body).toBe(200);
    const [result] = res.json().results;
    expect(result).toMatchObject({ target: 'lead', rescored: 2, model: { status: 'insufficient', samples: 250, minHistory: 300, auc: null } });
    expect(result.model.positives).toBe(history.filter((r) => r.won).length);
    const status = (await call('GET', '/api/v1/scoring/models', sales)).json().items;
    expect(status.find((s: { target: string }) => s.target === 'lead')).toMatchObject({ modelActive: false, registered: true, latest: { status: 'insufficient' } });
    expect(status.find((s: { target: string }) => s.target === 'opportunity')).toMatchObject({ latest: null, modelActive: false });
    expect(rescored.at(-1)!.scores).toEqual([90, 50]); // rules only: 50+20+10+10; never contacted is not "30 days without follow-up"
  });

  it('learns from enough history: beats the rules on held-out records, explains, rescores, retires the old model', async () => {
    history = generateLeadHistory({ seed: 5, count: 2000 }).rows;
    expect((await call('POST', '/api/v1/scoring/retrain', sales, {})).statusCode).toBe(403);
    const first = (await call('POST', '/api/v1/scoring/retrain', admin, { target: 'lead' })).json().results[0];
    expect(first.model).toMatchObject({ status: 'active', samples: 2000, trainRows: 1600, heldOutRows: 400 });
    expect(first.model.auc).toBeGreaterThan(first.model.ruleAuc + 0.03);
    expect(first.model.topWeights.length).toBe(10);
    const [strong, weak] = rescored.at(-1)!.scores;
    expect(strong! - weak!).toBeGreaterThan(40);

    const preview = (await call('POST', '/api/v1/scoring/preview', sales, { target: 'lead', facts: probe[0] })).json();
    expect(preview.modelActive).toBe(true);
    expect(preview.score).toBe(Math.round(0.6 * 100 * preview.probability + 0.4 * preview.ruleScore));
    expect(preview.reasons.length).toBeLessThanOrEqual(5);
    expect(preview.reasons.some((r: { kind: string }) => r.kind === 'model')).toBe(true);

    const all = (await call('POST', '/api/v1/scoring/retrain', admin, {})).json().results;
    const second = all.find((r: { target: string }) => r.target === 'lead');
    const statuses = await h.t.db.tenantTx(tenant.id, (tx) => queryRows<{ id: string; status: string }>(tx, sql`select id, status from scoring_models where target = 'lead' order by trained_at`));
    expect(statuses.map((s) => s.status)).toEqual(['insufficient', 'retired', 'active']);
    expect(statuses[2]!.id).toBe(second.model.id);
    const latest = (await call('GET', '/api/v1/scoring/models', admin)).json().items.find((s: { target: string }) => s.target === 'lead');
    expect(latest).toMatchObject({ modelActive: true, latest: { id: second.model.id, status: 'active' } });
  });

  it('keeps tenants apart, and the nightly job retrains every tenant', async () => {
    const other = await buildTenant(h.t);
    const otherAdmin = await h.login(other.adminLogin, other.password);
    const status = (await call('GET', '/api/v1/scoring/models', otherAdmin)).json().items;
    expect(status.every((s: { latest: unknown }) => s.latest === null)).toBe(true);
    const preview = (await call('POST', '/api/v1/scoring/preview', otherAdmin, { target: 'lead', facts: probe[0] })).json();
    expect(preview.modelActive).toBe(false);

    rescored.length = 0;
    await retrainJob.run({ db: h.t.db, log: () => undefined }, {});
    expect(new Set(rescored.map((r) => r.tenant))).toEqual(new Set([tenant.id, other.id]));
    const after = (await call('GET', '/api/v1/scoring/models', otherAdmin)).json().items.find((s: { target: string }) => s.target === 'lead');
    expect(after).toMatchObject({ modelActive: true, latest: { samples: 2000 } });
  });
});
