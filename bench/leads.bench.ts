// Lead intake throughput: cleaning, duplicate and customer look-ups, scoring and rule-based
// assignment of a batch of new leads, on PostgreSQL and PGlite.
//   npm run bench -- leads [leads=100000] [kinds=postgres,pglite] [batch=5000]
// Sellers: 20 in two teams. Rules in order: 华东 with score ≥ 60 → matching over 8 sellers;
// 华东 → round-robin over 6; 华南 → a team queue; the rest → load-balanced over 6 with a cap.
// Figures: end-to-end leads/s (one transaction per batch), and the in-memory part alone
// (scoring + assignment decisions) so the database share is visible. Then the list's search box
// over the result (bench/leads/search-latency.ts).
import { sql } from 'drizzle-orm';
import os from 'node:os';
import { queryRows, type DbKind } from '../src/db/client.ts';
import { refreshStaleStatistics } from '../src/db/statistics.ts';
import { loadAssigner } from '../src/modules/assignment/index.ts';
import { createRandom } from '../src/modules/demo/random.ts';
import { generatePersonName } from '../src/modules/demo/person-names.ts';
import { cleanLead, intakeLeads, leadFacts, type LeadInput } from '../src/modules/leads/index.ts';
import { createTeam, createUser } from '../src/modules/org/index.ts';
import { loadScorer } from '../src/modules/scoring/index.ts';
import { buildTenant } from '../test/helpers/app.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';
import setup from '../test/helpers/global-setup.ts';
import { leadSearchLatencies } from './leads/search-latency.ts';

const total = Number(process.argv[3] ?? 100_000);
const kinds = (process.argv[4] ?? 'postgres,pglite').split(',') as DbKind[];
const batch = Number(process.argv[5] ?? 5_000);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const PROVINCES = ['浙江省', '江苏省', '上海市', '广东省', '北京市', '四川省', '湖北省', '山东省'];
const INDUSTRIES = ['制造业', '零售', '软件和信息技术', '教育', '医疗', '物流'];
const SOURCES = ['web_form', 'referral', 'event', 'import', 'api'];
const SIZES = ['1-49人', '50-199人', '200-999人', '1000人以上'];

function generateLeads(n: number): { input: LeadInput; source: string }[] {
  const random = createRandom(20261124);
  return Array.from({ length: n }, (_, i) => {
    const person = generatePersonName(random, 0.03);
    const dirty = random.chance(0.03);
    const input: LeadInput = {
      name: person.name,
      // Unique numbers, with ~2% repeats of earlier leads and ~3% unusable.
      mobile: dirty ? '1380000' : `139${String(i % Math.floor(n * 0.98)).padStart(8, '0')}`,
      company: random.chance(0.7) ? `${person.name.slice(0, 1)}氏${random.pick(INDUSTRIES)}有限公司${i}` : null,
      province: random.pick(PROVINCES),
      industry: random.pick(INDUSTRIES),
      companySize: random.pick(SIZES),
      title: random.chance(0.5) ? '经理' : null,
      email: random.chance(0.3) ? `${person.familyAscii}${i}@example.com` : null,
    };
    return { input, source: random.pick(SOURCES) };
  });
}

const teardown = await setup();
const inputs = generateLeads(total);
console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${total} leads, batches of ${batch}`);

for (const kind of kinds) {
  const t = await openTestDatabase(kind);
  try {
    const tenant = await buildTenant(t);
    const actor = { tenantId: tenant.id, userId: null };
    const sellers = await t.db.tenantTx(tenant.id, async (tx) => {
      const east = await createTeam(tx, actor, { name: '华东' });
      const south = await createTeam(tx, actor, { name: '华南' });
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push((await createUser(tx, actor, { name: `销售${i}`, email: `s${i}@bench.test`, password: 'bench-password-1', roleKey: 'sales', teamId: i < 14 ? east.id : south.id })).id);
      const rule = (pos: number, name: string, condition: object, method: string, users: string[], team: string | null, cap: number | null) =>
        tx.execute(sql`insert into assignment_rules (tenant_id, name, position, condition, method, user_ids, team_id, cap)
          values (${tenant.id}, ${name}, ${pos}, ${JSON.stringify(condition)}::jsonb, ${method}, ${sql.param(users)}::uuid[], ${team}, ${cap})`);
      await rule(0, '华东高分', { all: [{ field: 'region', op: 'eq', value: '华东' }, { field: 'score', op: 'gte', value: 60 }] }, 'matching', ids.slice(0, 8), null, 20_000);
      await rule(1, '华东', { all: [{ field: 'region', op: 'eq', value: '华东' }] }, 'round_robin', ids.slice(8, 14), null, null);
      await rule(2, '华南队列', { all: [{ field: 'region', op: 'eq', value: '华南' }] }, 'queue', [], south.id, null);
      await rule(3, '其他', { all: [] }, 'load_balanced', ids.slice(14), null, 50_000);
      return ids;
    });

    // In memory only: scoring and assignment decisions for every lead, no writes.
    const now = new Date();
    const memory = await t.db.tenantTx(tenant.id, async (tx) => {
      const scorer = await loadScorer(tx, 'lead');
      const assigner = await loadAssigner(tx, { now });
      const load = new Map<string, number>();
      const phase = { clean: 0n, score: 0n, assign: 0n };
      let i = 0;
      for (const { input, source } of inputs) {
        const t0 = process.hrtime.bigint();
        const checked = cleanLead(input, now);
        const t1 = process.hrtime.bigint();
        phase.clean += t1 - t0;
        if (!checked.ok) continue;
        const facts = leadFacts({ ...checked.lead, source, channel: null, createdAt: now, lastActivityAt: null, activityCount: 0, score: null }, now);
        const { score } = scorer.score(facts);
        const t2 = process.hrtime.bigint();
        phase.score += t2 - t1;
        assigner.assign({ id: `00000000-0000-4000-8000-${String(i++).padStart(12, '0')}`, facts: { ...facts, score } }, load);
        phase.assign += process.hrtime.bigint() - t2;
      }
      const perLead = (ns: bigint) => (Number(ns) / 1e3 / inputs.length).toFixed(1);
      console.log(`${kind} in memory, µs per lead: clean ${perLead(phase.clean)}, score ${perLead(phase.score)}, assign ${perLead(phase.assign)}`);
      return Number(phase.clean + phase.score + phase.assign) / 1e9;
    });

    const start = process.hrtime.bigint();
    const totals = { created: 0, duplicates: 0, rejected: 0, assigned: 0 };
    for (let i = 0; i < inputs.length; i += batch) {
      const slice = inputs.slice(i, i + batch);
      await t.db.tenantTx(tenant.id, async (tx) => {
        const { summary } = await intakeLeads(tx, actor, slice.map(({ input, source }) => ({ ...input, source })), { source: 'api', channel: 'bench', now: new Date() });
        totals.created += summary.created;
        totals.duplicates += summary.duplicates;
        totals.rejected += summary.rejected;
        totals.assigned += summary.assigned;
      });
    }
    const elapsed = seconds(start);
    const spread = await t.db.tenantTx(tenant.id, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from leads where owner_user_id is not null group by owner_user_id`));
    const loads = spread.map((r) => r.n);
    console.log(
      `${kind}: ${total} leads in ${elapsed.toFixed(1)} s = ${Math.round(total / elapsed)} leads/s end-to-end ` +
        `(created ${totals.created}, duplicates ${totals.duplicates}, rejected ${totals.rejected}, assigned ${totals.assigned}); ` +
        `in memory (clean + score + assign): ${Math.round(total / memory)} leads/s; sellers ${sellers.length}, leads per seller ${Math.min(...loads)}–${Math.max(...loads)}`,
    );
    // Statistics as autovacuum (PostgreSQL) or the statistics job (PGlite) leaves them minutes after an intake.
    await refreshStaleStatistics(t.db);
    const admin = await t.db.tenantTx(tenant.id, (tx) => queryRows<{ id: string }>(tx, sql`select id from users order by created_at limit 1`));
    const f = (q: { p50: number; p95: number }) => `p50 ${q.p50.toFixed(1)} / p95 ${q.p95.toFixed(1)} ms`;
    for (const [label, r] of Object.entries(await leadSearchLatencies(t, tenant.id, admin[0]!.id))) {
      console.log(`${kind} lead search, ${label}: list ${f(r.list)}; its search ${f(r.search)}; as the plain ILIKE before 0014 ${f(r.plainIlike)}`);
    }
  } finally {
    await t.drop();
  }
}
await teardown?.();
