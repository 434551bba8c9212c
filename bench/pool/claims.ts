// Many salespeople claiming from one public pool at once over HTTP: throughput, latency, outcomes,
// and whether the result is whole (one owner per lead, in step with the pool, one 'claim' movement
// each, nobody over their cap, no 5xx).
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type DbKind, type SqlResult } from '../../src/db/client.ts';
import { SESSION_COOKIE } from '../../src/modules/auth/index.ts';
import { createSession } from '../../src/modules/auth/credentials.service.ts';
import { intakeLeads, type LeadInput } from '../../src/modules/leads/index.ts';
import '../../src/modules/customers/index.ts';
import { ensureDefaultPool } from '../../src/modules/pool/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { buildTenant, testConfig } from '../../test/helpers/app.ts';
import { openTestDatabase } from '../../test/helpers/databases.ts';
import { createSellers } from './people.ts';

export const DAILY_LIMIT = 10;
export const PRIVATE_CAP = 8;

export type ClaimsResult = {
  kind: DbKind;
  claimers: number;
  records: number;
  dbPool: string;
  seconds: number;
  requests: number;
  claimed: number;
  outcomes: Record<string, number>;
  p50: number;
  p95: number;
  p95Claimed: number;
  leftFree: number;
  failures: string[];
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

export async function claimsBench(kind: DbKind, claimers: number, records: number): Promise<ClaimsResult> {
  const t = await openTestDatabase(kind);
  try {
    const tenant = await buildTenant(t);
    const actor = { tenantId: tenant.id, userId: null };
    const sellers = await createSellers(t.db, tenant.id, claimers);
    const app = await buildApp({ config: testConfig(), db: t.db, logger: false, webDist: '/nonexistent' });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      // Sessions the way a login makes them; the cookie is signed as the login route signs it.
      const cookies = await t.db.tenantTx(tenant.id, async (tx) => {
        const out: string[] = [];
        for (const id of sellers) {
          const session = await createSession(tx, tenant.id, id, { ip: '127.0.0.1', userAgent: 'pool bench' });
          out.push(`${SESSION_COOKIE}=${encodeURIComponent(app.signCookie(session.cookieValue))}`);
        }
        return out;
      });
      // New leads without an owner (no assignment rules in this tenant) enter the public pool.
      const leadIds = await t.db.tenantTx(tenant.id, async (tx) => {
        const pool = await ensureDefaultPool(tx, tenant.id);
        await tx.execute(sql`INSERT INTO pool_limits (tenant_id, pool_id, subject_kind, subject, daily_claim_limit, private_cap)
          VALUES (${tenant.id}, ${pool.id}, 'role', 'sales', ${DAILY_LIMIT}, ${PRIVATE_CAP})`);
        const inputs: LeadInput[] = Array.from({ length: records }, (_, i) => ({
          name: `客户${i}`,
          mobile: `139${String(i).padStart(8, '0')}`,
          company: `杭州云帆科技有限公司${i}`,
          province: '浙江省',
          source: 'api',
        }));
        await intakeLeads(tx, actor, inputs, { source: 'api', channel: 'bench', now: new Date() });
        return (await queryRows<{ record_id: string }>(tx, sql`SELECT record_id FROM pool_records WHERE owner_user_id IS NULL AND closed_at IS NULL AND pool_id = ${pool.id}`)).map((r) => r.record_id);
      });
      if (leadIds.length !== records) throw new Error(`${leadIds.length} leads in the public pool, expected ${records}`);

      // Records not yet known to be taken; a claimer picks at random among them.
      const free = [...leadIds];
      const at = new Map(free.map((id, i) => [id, i]));
      const take = (id: string) => {
        const i = at.get(id);
        if (i === undefined) return;
        const last = free.pop()!;
        if (last !== id) {
          free[i] = last;
          at.set(last, i);
        }
        at.delete(id);
      };
      const outcomes: Record<string, number> = {};
      const latencies: number[] = [];
      const claimedLatencies: number[] = [];
      let serverErrors = 0;
      const worker = async (cookie: string) => {
        while (free.length > 0) {
          const id = free[Math.floor(Math.random() * free.length)]!;
          const start = performance.now();
          const res = await fetch(`${url}/api/v1/pool/records/lead/${id}/claim`, { method: 'POST', headers: { cookie } });
          const text = await res.text();
          const ms = performance.now() - start;
          latencies.push(ms);
          const code = res.status === 409 ? `409 ${(JSON.parse(text) as { error: { code: string } }).error.code}` : String(res.status);
          outcomes[code] = (outcomes[code] ?? 0) + 1;
          if (res.status === 200) {
            claimedLatencies.push(ms);
            take(id);
          } else if (code === '409 already_claimed') take(id);
          else if (code === '409 private_cap_reached' || code === '409 claim_limit_reached') return;
          else if (res.status >= 500 && ++serverErrors < 50) continue;
          else return;
        }
      };
      const start = performance.now();
      await Promise.all(cookies.map((cookie) => worker(cookie)));
      const elapsed = (performance.now() - start) / 1000;

      const failures: string[] = [];
      const expect = (ok: boolean, what: string) => {
        if (!ok) failures.push(what);
      };
      const row = ((await t.db.executeSql(
        `SELECT
          (SELECT count(*)::int FROM leads WHERE owner_user_id IS NOT NULL) AS owned_leads,
          (SELECT count(*)::int FROM pool_records r JOIN leads l ON l.tenant_id = r.tenant_id AND l.id = r.record_id
             WHERE r.record_type = 'lead' AND r.owner_user_id IS DISTINCT FROM l.owner_user_id) AS owner_mismatch,
          (SELECT count(*)::int FROM pool_movements WHERE kind = 'claim') AS claim_moves,
          (SELECT count(*)::int FROM (SELECT 1 FROM pool_movements WHERE kind = 'claim' GROUP BY record_type, record_id HAVING count(*) > 1) x) AS claimed_twice,
          (SELECT count(*)::int FROM pool_records r WHERE r.owner_user_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM pool_movements m WHERE m.kind = 'claim' AND m.record_id = r.record_id AND m.to_user_id = r.owner_user_id)) AS owned_without_claim,
          (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM pool_records WHERE owner_user_id IS NOT NULL GROUP BY owner_user_id) x) AS max_held,
          (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM pool_movements WHERE kind = 'claim' GROUP BY to_user_id) x) AS max_claims,
          (SELECT count(*)::int FROM pool_records WHERE owner_user_id IS NULL) AS left_free`,
      )) as SqlResult).rows[0] as Record<'owned_leads' | 'owner_mismatch' | 'claim_moves' | 'claimed_twice' | 'owned_without_claim' | 'max_held' | 'max_claims' | 'left_free', number>;
      const ok = outcomes['200'] ?? 0;
      expect(row.owner_mismatch === 0, `${row.owner_mismatch} leads whose owner differs from their pool record's`);
      expect(row.owned_leads === ok && row.claim_moves === ok, `${ok} successful claims, ${row.owned_leads} owned leads, ${row.claim_moves} claim movements`);
      expect(row.claimed_twice === 0, `${row.claimed_twice} records with more than one claim movement`);
      expect(row.owned_without_claim === 0, `${row.owned_without_claim} owned records without a claim movement to their owner`);
      expect(row.max_held <= PRIVATE_CAP, `a claimer holds ${row.max_held}, cap ${PRIVATE_CAP}`);
      expect(row.max_claims <= DAILY_LIMIT, `a claimer claimed ${row.max_claims} today, limit ${DAILY_LIMIT}`);
      expect(serverErrors === 0, `${serverErrors} answers 5xx`);
      expect(row.left_free === 0 || ok === claimers * Math.min(PRIVATE_CAP, DAILY_LIMIT), `${row.left_free} records left while not everyone is capped`);
      latencies.sort((a, b) => a - b);
      claimedLatencies.sort((a, b) => a - b);
      return {
        kind,
        claimers,
        records,
        dbPool: kind === 'postgres' ? `pg pool of ${process.env.TIDE_DB_POOL ?? 10}` : 'one connection',
        seconds: elapsed,
        requests: latencies.length,
        claimed: ok,
        outcomes,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p95Claimed: percentile(claimedLatencies, 95),
        leftFree: row.left_free,
        failures,
      };
    } finally {
      await app.close();
    }
  } finally {
    await t.drop();
  }
}

export function printClaims(results: ClaimsResult[]) {
  console.log(`\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const r of results) {
    console.log(`${r.kind}: outcomes ${JSON.stringify(r.outcomes)}; ${r.leftFree} records left in the pool`);
    console.log(r.failures.length ? `  CHECKS FAILED:\n  - ${r.failures.join('\n  - ')}` : '  checks: all passed');
  }
  console.log('\n| database | claimers / records | wall time | successful claims/s | requests/s | latency p50 / p95 (all) | p95 (successful) | outcomes | checks |\n|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const outcomes = Object.entries(r.outcomes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(
      `| ${r.kind} (${r.dbPool}) | ${r.claimers} / ${r.records} | ${r.seconds.toFixed(1)} s | **${(r.claimed / r.seconds).toFixed(0)}** | ${(r.requests / r.seconds).toFixed(0)} | ` +
        `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} ms | ${r.p95Claimed.toFixed(0)} ms | ${outcomes} | ${r.failures.length ? 'FAILED' : 'passed'} |`,
    );
  }
}
