// The nightly recycle run over n private records: time, what fell and was warned, and whether the
// result is whole (owners cleared everywhere, one 'fall' movement per record, nothing moved twice).
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DbKind, type SqlResult } from '../../src/db/client.ts';
// Importing them registers the owner writers a recycle run calls.
import '../../src/modules/leads/index.ts';
import '../../src/modules/customers/index.ts';
import { ensureDefaultPool, runRecycle } from '../../src/modules/pool/index.ts';
import type { RuleKind } from '../../src/modules/pool/pool.tables.ts';
import { buildTenant } from '../../test/helpers/app.ts';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/databases.ts';
import { createSellers, seconds } from './people.ts';
import { instrument, type StatementTime } from './statements.ts';

type Rule = [level: 'A' | 'B' | 'C' | null, kind: RuleKind, days: number, enabled?: boolean];
type PoolSpec = { name: string; warnDays: number; exemptOpenProbability: number; share: number; rules: Rule[] };

// Three pools with rules per level: each level of each pool ends up with a different shortest
// deadline and binding rule kind. A disabled rule checks that only enabled ones count.
const POOLS: PoolSpec[] = [
  {
    name: '公海',
    warnDays: 2,
    exemptOpenProbability: 70,
    share: 0.6,
    rules: [[null, 'no_follow_up', 15], [null, 'no_won', 60], ['A', 'no_opportunity', 20], ['A', 'no_follow_up', 3, false], ['B', 'no_follow_up', 10], ['C', 'no_follow_up', 7], ['C', 'no_won', 30]],
  },
  {
    name: '华南公海',
    warnDays: 3,
    exemptOpenProbability: 60,
    share: 0.25,
    rules: [[null, 'no_follow_up', 10], ['A', 'no_won', 45], ['B', 'no_opportunity', 14], ['C', 'no_follow_up', 5]],
  },
  {
    name: '大客户池',
    warnDays: 3,
    exemptOpenProbability: 80,
    share: 0.15,
    rules: [['A', 'no_follow_up', 30], ['A', 'no_opportunity', 60], ['A', 'no_won', 90], ['B', 'no_follow_up', 20], ['B', 'no_won', 60], ['C', 'no_follow_up', 14], ['C', 'no_opportunity', 21], ['C', 'no_won', 30]],
  },
];
const LEVELS = ['A', 'B', 'C'] as const;

/** The shortest enabled rule per (pool, level), as the verdict folds them: a record's deadline is claimed_at plus this. */
function shortestDays(pool: PoolSpec, level: string): number {
  const days = pool.rules.filter(([l, , , enabled]) => enabled !== false && (l === null || l === level)).map(([, , d]) => d);
  if (days.length === 0) throw new Error(`${pool.name} ${level}: no rule`);
  return Math.min(...days);
}

// A uniform number in [0, 1) per record and salt, from the record's serial: the same on every run and database.
const U = (salt: number) => `((hashint4(g * 16 + ${salt}) & 2147483647)::float8 / 2147483648)`;

/**
 * How the private records split on the night of the run. `backlog` is the worst case, a run after
 * weeks without one; `night` is a steady nightly run, where only the day's share came due.
 */
export const MIXES = {
  backlog: { fall: 0.2, warn: 0.1, exempt: 0.1 },
  night: { fall: 0.01, warn: 0.02, exempt: 0.1 },
} as const;
export type Mix = keyof typeof MIXES;

/**
 * The seeded records of serials $2..$3, with everything the three inserts need. Each record's
 * claim time is set so that its deadline (claim + the shortest rule of its pool and level) lands
 * where its category says, in the shares of the mix ($12..$14, cumulative): past (fall), inside its
 * pool's warning window (warn), past but exempt (won / open opportunity above every pool's
 * threshold / live contract), or well ahead (safe). Follow-up and opportunity dates are either the claim time or unset, which leaves
 * the deadline where it was put.
 */
const SEED = `
  WITH s AS (
    SELECT g, md5('pool-bench:' || g)::uuid AS id,
      CASE WHEN ${U(1)} < 0.6 THEN 'lead' ELSE 'customer' END AS typ,
      CASE WHEN ${U(2)} < $10::float8 THEN 1 WHEN ${U(2)} < $11::float8 THEN 2 ELSE 3 END AS p,
      CASE WHEN ${U(3)} < 0.2 THEN 'A' WHEN ${U(3)} < 0.55 THEN 'B' ELSE 'C' END AS lvl,
      CASE WHEN ${U(4)} < $12::float8 THEN 'fall' WHEN ${U(4)} < $13::float8 THEN 'warn' WHEN ${U(4)} < $14::float8 THEN 'exempt' ELSE 'safe' END AS cat,
      floor(${U(5)} * 3)::int AS exempt_by,
      ${U(6)} AS u6, ${U(7)} AS u7, ${U(8)} AS u8, ${U(9)} AS u9,
      (ARRAY['杭州','宁波','苏州','无锡','南京','上海','广州','深圳','佛山','成都','武汉','青岛'])[1 + g % 12] AS city,
      (ARRAY['hangzhou','ningbo','suzhou','wuxi','nanjing','shanghai','guangzhou','shenzhen','foshan','chengdu','wuhan','qingdao'])[1 + g % 12] AS city_py,
      (ARRAY['云帆','海港','恒信','新锐','华美','同创','博远','天成','瑞丰','星河','金桥','汇通','安达','明德','远景','中科','长青','宏图','正泰','鼎盛'])[1 + (g / 12) % 20] AS brand,
      (ARRAY['yunfan','haigang','hengxin','xinrui','huamei','tongchuang','boyuan','tiancheng','ruifeng','xinghe','jinqiao','huitong','anda','mingde','yuanjing','zhongke','changqing','hongtu','zhengtai','dingsheng'])[1 + (g / 12) % 20] AS brand_py,
      (ARRAY['科技','物流','贸易','机械','电子','食品','医药','建材','服饰','软件'])[1 + (g / 240) % 10] AS trade,
      (ARRAY['keji','wuliu','maoyi','jixie','dianzi','shipin','yiyao','jiancai','fushi','ruanjian'])[1 + (g / 240) % 10] AS trade_py,
      (ARRAY['制造业','物流','零售','制造业','电子','食品','医疗','建材','零售','软件和信息技术'])[1 + (g / 240) % 10] AS industry,
      (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + (g / 7) % 10] || (ARRAY['伟','芳','娜','敏','静','磊','洋','艳','勇','军','杰','婷'])[1 + (g / 3) % 12] AS person
    FROM generate_series($2::int, $3::int) AS g
    -- Every statement gets all parameters; the seed itself reads some of them only here.
    WHERE $1::uuid IS NOT NULL AND cardinality($4::uuid[]) > 0 AND cardinality($5::uuid[]) > 0
  ), r AS (
    SELECT s.*, k.m, k.w,
      s.city || s.brand || s.trade || '有限公司' || (s.g / 28800) AS company,
      s.city_py || s.brand_py || s.trade_py AS company_py,
      now() + (CASE s.cat
        WHEN 'fall' THEN -(0.01 + s.u6 * 20)
        WHEN 'exempt' THEN -(0.01 + s.u6 * 20)
        WHEN 'warn' THEN 0.1 + s.u6 * (k.w - 0.2)
        ELSE k.w + 0.5 + s.u6 * (k.m - k.w - 0.6) END - k.m) * interval '1 day' AS t
    FROM s JOIN unnest($6::int[], $7::text[], $8::float8[], $9::float8[]) AS k(p, lvl, m, w) ON k.p = s.p AND k.lvl = s.lvl
  )`;

const INSERT_LEADS = `${SEED}
  INSERT INTO leads (tenant_id, id, name, company, mobile, province, city, industry, source, status, owner_user_id, assigned_at, score, completeness, created_at, updated_at)
  SELECT $1::uuid, id, person, company, '+86139' || lpad(g::text, 8, '0'), NULL, city, industry, 'import', 'working',
    ($4::uuid[])[1 + g % cardinality($4::uuid[])], t, CASE lvl WHEN 'A' THEN 80 WHEN 'B' THEN 55 ELSE 20 END, 60, t - interval '1 day', t
  FROM r WHERE typ = 'lead'`;

const INSERT_CUSTOMERS = `${SEED}
  INSERT INTO customers (tenant_id, id, kind, name, name_pinyin, name_initials, mobile, mobile_status, city, industry, source, owner_user_id, completeness, created_at, updated_at)
  SELECT $1::uuid, id, 'company', company, company_py, upper(left(city_py, 1) || left(brand_py, 1) || left(trade_py, 1)), '+86138' || lpad(g::text, 8, '0'), 'valid',
    city, industry, 'import', ($4::uuid[])[1 + g % cardinality($4::uuid[])], 70, t - interval '1 day', t
  FROM r WHERE typ = 'customer'`;

const INSERT_RECORDS = `${SEED}
  INSERT INTO pool_records (tenant_id, record_type, record_id, pool_id, owner_user_id, level, title, city, industry, source,
    entered_at, claimed_at, last_follow_up_at, last_opportunity_at, open_probability, won_at, contract_until, updated_at)
  SELECT $1::uuid, typ, id, ($5::uuid[])[p], ($4::uuid[])[1 + g % cardinality($4::uuid[])], lvl,
    CASE typ WHEN 'lead' THEN company || ' · ' || person ELSE company END, city, industry, 'import',
    t, t,
    CASE WHEN u7 < 0.3 THEN NULL ELSE t END,
    CASE WHEN u8 < 0.5 THEN NULL ELSE t END,
    CASE WHEN cat = 'exempt' AND exempt_by = 1 THEN 80 + floor(u9 * 20)::int WHEN u9 < 0.3 THEN 10 + floor(u9 * 150)::int END,
    CASE WHEN cat = 'exempt' AND exempt_by = 0 THEN t + interval '1 day' END,
    CASE WHEN cat = 'exempt' AND exempt_by = 2 THEN current_date + 30 + floor(u9 * 300)::int WHEN u9 > 0.9 THEN current_date - 1 - floor(u9 * 100)::int END,
    t
  FROM r`;

const EXPECTED = `${SEED} SELECT cat, count(*)::int AS n FROM r GROUP BY cat`;

async function load(db: Database, n: number, params: (lo: number, hi: number) => unknown[], label: string) {
  const CHUNK = 100_000;
  const start = process.hrtime.bigint();
  for (let lo = 1; lo <= n; lo += CHUNK) {
    const hi = Math.min(n, lo + CHUNK - 1);
    for (const statement of [INSERT_LEADS, INSERT_CUSTOMERS, INSERT_RECORDS]) await db.executeSql(statement, params(lo, hi));
    console.log(`${label}: ${hi} records loaded, ${seconds(start).toFixed(0)} s`);
  }
  return seconds(start);
}

/** The one row of a count query, as the owner. */
const one = async <K extends string>(db: Database, text: string, values: unknown[] = []) => {
  const result = (await db.executeSql(text, values.length ? values : undefined)) as SqlResult;
  return result.rows[0] as Record<K, number>;
};

export type RecycleResult = {
  kind: DbKind;
  n: number;
  mix: Mix;
  load: number;
  first: { seconds: number; fell: number; warned: number; statements: StatementTime[] };
  second: { seconds: number; fell: number; warned: number };
  expected: Record<string, number>;
  failures: string[];
};

export type Prepared = { t: TestDatabase; tenantId: string; n: number; load: number; expected: Record<string, number> };

/** A scratch database with the tenant, its pools and rules, and n loaded, vacuumed and analysed private records. */
export async function prepareRecycle(kind: DbKind, n: number, mix: Mix = 'backlog'): Promise<Prepared> {
  const t = await openTestDatabase(kind);
  try {
    const tenant = await buildTenant(t);
    const sellers = await createSellers(t.db, tenant.id, 50);
    const poolIds = await t.db.tenantTx(tenant.id, async (tx) => {
      const main = await ensureDefaultPool(tx, tenant.id);
      const ids: string[] = [];
      for (const [i, spec] of POOLS.entries()) {
        const [row] = i === 0
          ? await queryRows<{ id: string }>(tx, sql`UPDATE pools SET warn_days = ${spec.warnDays}, exempt_open_probability = ${spec.exemptOpenProbability},
              exempt_won = true, exempt_live_contract = true WHERE id = ${main.id} RETURNING id`)
          : await queryRows<{ id: string }>(tx, sql`INSERT INTO pools (tenant_id, name, position, warn_days, exempt_open_probability, exempt_won, exempt_live_contract)
              VALUES (${tenant.id}, ${spec.name}, ${i}, ${spec.warnDays}, ${spec.exemptOpenProbability}, true, true) RETURNING id`);
        ids.push(row!.id);
        await tx.execute(sql`DELETE FROM pool_rules WHERE pool_id = ${row!.id}`);
        await tx.execute(sql`
          INSERT INTO pool_rules (tenant_id, pool_id, level, kind, days, enabled, position)
          SELECT ${tenant.id}::uuid, ${row!.id}::uuid, u.level, u.kind, u.days, u.enabled, u.position
          FROM unnest(${sql.param(spec.rules.map((r) => r[0]))}::text[], ${sql.param(spec.rules.map((r) => r[1]))}::text[],
            ${sql.param(spec.rules.map((r) => r[2]))}::int[], ${sql.param(spec.rules.map((r) => r[3] !== false))}::boolean[],
            ${sql.param(spec.rules.map((_, j) => j))}::int[]) AS u(level, kind, days, enabled, position)`);
      }
      return ids;
    });

    const keys = POOLS.flatMap((pool, i) => LEVELS.map((level) => ({ p: i + 1, level, m: shortestDays(pool, level), w: pool.warnDays })));
    const bounds = [POOLS[0]!.share, POOLS[0]!.share + POOLS[1]!.share];
    const params = (lo: number, hi: number) => [
      tenant.id, lo, hi, sellers, poolIds,
      keys.map((k) => k.p), keys.map((k) => k.level), keys.map((k) => k.m), keys.map((k) => k.w),
      bounds[0], bounds[1],
      MIXES[mix].fall, MIXES[mix].fall + MIXES[mix].warn, MIXES[mix].fall + MIXES[mix].warn + MIXES[mix].exempt,
    ];
    // As the database owner, set-based: a million records through the services would take hours.
    const loaded = await load(t.db, n, params, kind);
    const vacuum = process.hrtime.bigint();
    // A long-lived table has been vacuumed and analysed; a freshly loaded one would also pay for
    // setting hint bits on every page during the first run.
    await t.db.executeSql('VACUUM (ANALYZE) pool_records');
    await t.db.executeSql('VACUUM (ANALYZE) leads');
    await t.db.executeSql('VACUUM (ANALYZE) customers');
    await t.db.executeSql('ANALYZE pools');
    await t.db.executeSql('ANALYZE pool_rules');
    await t.db.executeSql('ANALYZE users');
    console.log(`${kind}: vacuum + analyze ${seconds(vacuum).toFixed(1)} s`);
    const expectedRows = ((await t.db.executeSql(EXPECTED, params(1, n))) as SqlResult).rows as { cat: string; n: number }[];
    const expected = Object.fromEntries(expectedRows.map((r) => [r.cat, r.n]));
    return { t, tenantId: tenant.id, n, load: loaded, expected };
  } catch (error) {
    await t.drop();
    throw error;
  }
}

export async function recycleBench(kind: DbKind, n: number, options: { explain: boolean; mix: Mix }): Promise<RecycleResult> {
  const { t, tenantId, load: loaded, expected } = await prepareRecycle(kind, n, options.mix);
  const actor = { tenantId, userId: null };
  try {
    const before = await one<'private' | 'leads' | 'customers'>(t.db, `SELECT (SELECT count(*)::int FROM pool_records WHERE owner_user_id IS NOT NULL) AS private,
      (SELECT count(*)::int FROM leads) AS leads, (SELECT count(*)::int FROM customers) AS customers`);

    let statements: StatementTime[] = [];
    const run1 = process.hrtime.bigint();
    const first = await t.db.tenantTx(tenantId, (tx) => {
      statements = instrument(tx, options);
      return runRecycle(tx, actor, 'manual');
    });
    const firstSeconds = seconds(run1);
    const run2 = process.hrtime.bigint();
    const second = await t.db.tenantTx(tenantId, (tx) => runRecycle(tx, actor, 'manual'));
    const secondSeconds = seconds(run2);

    const failures: string[] = [];
    const expect = (ok: boolean, what: string) => {
      if (!ok) failures.push(what);
    };
    type Count = 'fall_moves' | 'all_fall_moves' | 'moved_twice' | 'fallen_still_owned' | 'fallen_leads_owned' | 'fallen_customers_owned' | 'public_now' | 'fall_count_one' | 'rows_unowned' | 'owner_mismatch' | 'warned_now';
    const c = await one<Count>(
      t.db,
      `SELECT
        (SELECT count(*)::int FROM pool_movements WHERE kind = 'fall' AND run_id = $1) AS fall_moves,
        (SELECT count(*)::int FROM pool_movements WHERE kind = 'fall') AS all_fall_moves,
        (SELECT count(*)::int FROM (SELECT 1 FROM pool_movements WHERE kind = 'fall' GROUP BY record_type, record_id HAVING count(*) > 1) x) AS moved_twice,
        (SELECT count(*)::int FROM pool_movements m JOIN pool_records r ON r.tenant_id = m.tenant_id AND r.record_type = m.record_type AND r.record_id = m.record_id
           WHERE m.kind = 'fall' AND r.owner_user_id IS NOT NULL) AS fallen_still_owned,
        (SELECT count(*)::int FROM pool_movements m JOIN leads l ON l.tenant_id = m.tenant_id AND l.id = m.record_id
           WHERE m.kind = 'fall' AND m.record_type = 'lead' AND l.owner_user_id IS NOT NULL) AS fallen_leads_owned,
        (SELECT count(*)::int FROM pool_movements m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.record_id
           WHERE m.kind = 'fall' AND m.record_type = 'customer' AND c.owner_user_id IS NOT NULL) AS fallen_customers_owned,
        (SELECT count(*)::int FROM pool_records WHERE owner_user_id IS NULL) AS public_now,
        (SELECT count(*)::int FROM pool_records WHERE fall_count = 1 AND protected_user_id IS NOT NULL) AS fall_count_one,
        (SELECT count(*)::int FROM leads WHERE owner_user_id IS NULL) + (SELECT count(*)::int FROM customers WHERE owner_user_id IS NULL) AS rows_unowned,
        (SELECT count(*)::int FROM pool_records r LEFT JOIN leads l ON r.record_type = 'lead' AND l.tenant_id = r.tenant_id AND l.id = r.record_id
           LEFT JOIN customers c ON r.record_type = 'customer' AND c.tenant_id = r.tenant_id AND c.id = r.record_id
           WHERE r.owner_user_id IS DISTINCT FROM coalesce(l.owner_user_id, c.owner_user_id)) AS owner_mismatch,
        (SELECT count(*)::int FROM pool_records WHERE warned_deadline IS NOT NULL) AS warned_now`,
      [first!.id],
    );
    const fell = first!.fell;
    expect(fell === (expected.fall ?? 0), `fell ${fell}, expected ${expected.fall}`);
    expect(first!.warned === (expected.warn ?? 0), `warned ${first!.warned}, expected ${expected.warn}`);
    expect(c.fall_moves === fell && c.all_fall_moves === fell, `fall movements ${c.fall_moves} (all runs ${c.all_fall_moves}) for ${fell} fallen`);
    expect(c.moved_twice === 0, `${c.moved_twice} records fell twice`);
    expect(c.fallen_still_owned === 0, `${c.fallen_still_owned} fallen records still owned in pool_records`);
    expect(c.fallen_leads_owned === 0 && c.fallen_customers_owned === 0, `fallen but owned: ${c.fallen_leads_owned} leads, ${c.fallen_customers_owned} customers`);
    expect(c.public_now === fell && c.fall_count_one === fell && c.rows_unowned === fell, `unowned after the run: pool ${c.public_now}, fall_count 1: ${c.fall_count_one}, leads/customers ${c.rows_unowned}; fell ${fell}`);
    expect(c.owner_mismatch === 0, `${c.owner_mismatch} records whose pool owner differs from their lead/customer owner`);
    expect(c.warned_now === first!.warned, `${c.warned_now} records carry a warning, ${first!.warned} warned`);
    expect(second!.fell === 0 && second!.warned === 0, `second run moved ${second!.fell}, warned ${second!.warned}`);
    expect(before.private === n && before.leads + before.customers === n, `loaded ${before.private} private records, ${before.leads} leads + ${before.customers} customers for ${n}`);
    return {
      kind,
      n,
      mix: options.mix,
      load: loaded,
      first: { seconds: firstSeconds, fell, warned: first!.warned, statements },
      second: { seconds: secondSeconds, fell: second!.fell, warned: second!.warned },
      expected,
      failures,
    };
  } finally {
    await t.drop();
  }
}

export function printRecycle(results: RecycleResult[]) {
  console.log(`\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const r of results) {
    console.log(`\n${r.kind}, ${r.mix} mix: where the first run's ${r.first.seconds.toFixed(2)} s went (ms, statements alike summed, in order of first use)`);
    const byLabel = new Map<string, { ms: number; count: number }>();
    for (const s of r.first.statements) {
      const key = s.label.slice(0, 48);
      const sum = byLabel.get(key) ?? { ms: 0, count: 0 };
      byLabel.set(key, { ms: sum.ms + s.ms, count: sum.count + 1 });
    }
    for (const [label, { ms, count }] of byLabel) console.log(`  ${ms.toFixed(0).padStart(7)}  ${count > 1 ? `${count} × ` : ''}${label}`);
    console.log(`  expected by the seed: ${JSON.stringify(r.expected)}`);
    console.log(r.failures.length ? `  CHECKS FAILED:\n  - ${r.failures.join('\n  - ')}` : '  checks: all passed');
  }
  console.log('\n| database | mix | private records | load | first run | fell | warned | second run (moves nothing) | checks |\n|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.kind} | ${r.mix} | ${r.n.toLocaleString('en')} | ${r.load.toFixed(0)} s | **${r.first.seconds.toFixed(2)} s** | ${r.first.fell.toLocaleString('en')} | ${r.first.warned.toLocaleString('en')} | ` +
        `${r.second.seconds.toFixed(2)} s (fell ${r.second.fell}, warned ${r.second.warned}) | ${r.failures.length ? 'FAILED' : 'passed'} |`,
    );
  }
}
