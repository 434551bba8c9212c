// Matching assignment vs round-robin on a generated history (bench/assignment/generator.ts):
// sellers with hidden per-segment skill, past leads handed out in turn with drawn outcomes, and
// held-out new leads whose conversion is scored with the generator's true probabilities.
// Reports each policy's expected conversion rate and the spread of leads per seller, averaged
// over seeds; then (unless --no-db) the assigner's own throughput on 100,000 leads per database.
//   npm run bench -- assignment [--seeds 5] [--sellers 20] [--history 20000] [--held-out 4000]
//                               [--cap-factor 1.5] [--alpha 1] [--affinity 0.4] [--leads 100000] [--no-db]
import { sql } from 'drizzle-orm';
import os from 'node:os';
import type { DbKind } from '../src/db/client.ts';
import { loadAssigner } from '../src/modules/assignment/index.ts';
import { recordOutcomes } from '../src/modules/assignment/index.ts';
import type { Method } from '../src/modules/assignment/rules/choose.ts';
import { createUser } from '../src/modules/org/index.ts';
import { generateWorld } from './assignment/generator.ts';
import { oracle, simulate, type PolicyResult } from './assignment/simulate.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const seeds = option('seeds', 5);
const sellers = option('sellers', 20);
const history = option('history', 20_000);
const heldOut = option('held-out', 4_000);
const capFactor = option('cap-factor', 1.5);
const alpha = option('alpha', 1);
const affinity = option('affinity', 0.4);
const leads = option('leads', 100_000);

console.log(`machine: ${os.cpus().length} cores; ${sellers} sellers, ${history} past leads, ${heldOut} held-out leads, ${seeds} seeds, affinity ${affinity}`);

type Policy = { label: string; method: Method; capFactor?: number };
const policies: Policy[] = [
  { label: 'round robin', method: 'round_robin' },
  { label: 'load balanced', method: 'load_balanced' },
  { label: `matching, cap ${capFactor} × mean, α ${alpha}`, method: 'matching', capFactor },
  { label: 'matching, soft cap (no cap set)', method: 'matching' },
];
const sums = policies.map(() => ({ rate: 0, spread: 0, max: 0, min: 0 }));
let oracleSum = 0;
const start = performance.now();
for (let seed = 1; seed <= seeds; seed++) {
  const world = generateWorld({ seed, sellers, history, heldOut, affinity });
  oracleSum += oracle(world);
  policies.forEach((p, i) => {
    const r: PolicyResult = simulate(world, p.method, { capFactor: p.capFactor, alpha });
    sums[i]!.rate += r.conversionRate;
    sums[i]!.max += r.maxLoad;
    sums[i]!.min += r.minLoad;
  });
}
const rr = sums[0]!.rate / seeds;
console.log('\n| policy | conversion of held-out leads | vs round robin | leads per seller (min–max, mean over seeds) |');
console.log('|---|---|---|---|');
policies.forEach((p, i) => {
  const rate = sums[i]!.rate / seeds;
  const lift = ((rate / rr - 1) * 100).toFixed(1);
  console.log(`| ${p.label} | ${(rate * 100).toFixed(2)} % | ${i === 0 ? '—' : `${Number(lift) >= 0 ? '+' : ''}${lift} %`} | ${(sums[i]!.min / seeds).toFixed(0)}–${(sums[i]!.max / seeds).toFixed(0)} |`);
});
console.log(`| best seller per lead, no capacity limit (upper bound) | ${((oracleSum / seeds) * 100).toFixed(2)} % | | |`);
console.log(`\nquality part: ${((performance.now() - start) / 1000).toFixed(1)} s`);

if (!process.argv.includes('--no-db')) {
  const { provisionTenant } = await import('../src/modules/tenants/index.ts');
  const { openTestDatabase } = await import('../test/helpers/databases.ts');
  const setup = (await import('../test/helpers/global-setup.ts')).default;
  const teardown = await setup();
  const world = generateWorld({ seed: 1, sellers, history, heldOut: leads, affinity });
  console.log(`\nassigner throughput: ${leads} leads in one batch, matching rule over ${sellers} sellers (cap), load-balanced fallback`);
  for (const kind of ['postgres', 'pglite'] as DbKind[]) {
    const t = await openTestDatabase(kind);
    try {
      const { tenant } = await provisionTenant(t.db, { slug: `bench${Date.now().toString(36)}`, name: 'Bench', admin: { name: 'Admin', email: 'admin@bench.test', password: 'bench-password-1' } });
      const actor = { tenantId: tenant.id, userId: null };
      const ids = await t.db.tenantTx(tenant.id, async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < sellers; i++) out.push((await createUser(tx, actor, { name: `销售${i}`, email: `s${i}@bench.test`, password: 'bench-password-1', roleKey: 'sales' })).id);
        const byName = new Map(world.sellers.map((s, i) => [s, out[i]!]));
        await recordOutcomes(tx, world.history.map((h) => ({ userId: byName.get(h.userId)!, facts: h.facts as never, won: h.won })));
        await tx.execute(sql`insert into assignment_rules (tenant_id, name, position, condition, method, user_ids, cap) values
          (${tenant.id}, '华东匹配', 0, ${JSON.stringify({ all: [{ field: 'region', op: 'eq', value: '华东' }] })}::jsonb, 'matching', ${sql.param(out)}::uuid[], ${Math.ceil((leads / sellers) * 1.5)}),
          (${tenant.id}, '其他', 1, '{"all": []}'::jsonb, 'load_balanced', ${sql.param(out)}::uuid[], null)`);
        return out;
      });
      const t0 = performance.now();
      const result = await t.db.tenantTx(tenant.id, async (tx) => {
        const assigner = await loadAssigner(tx, { now: new Date() });
        const t1 = performance.now();
        const load = new Map<string, number>();
        let assigned = 0;
        for (const lead of world.heldOut) if (assigner.assign({ id: crypto.randomUUID(), facts: lead.facts }, load)?.userId) assigned++;
        const t2 = performance.now();
        const { logged } = await assigner.flush(tx);
        return { assigned, logged, load: t1 - t0, decide: t2 - t1, flush: performance.now() - t2 };
      });
      const total = performance.now() - t0;
      console.log(
        `${kind}: ${result.assigned} assigned, ${result.logged} log rows; load ${result.load.toFixed(0)} ms, decide ${result.decide.toFixed(0)} ms ` +
          `(${Math.round(leads / (result.decide / 1000))} leads/s), flush ${result.flush.toFixed(0)} ms; total ${(total / 1000).toFixed(2)} s = ${Math.round(leads / (total / 1000))} leads/s (${ids.length} sellers)`,
      );
    } finally {
      await t.drop();
    }
  }
  await teardown?.();
}
