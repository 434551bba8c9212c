import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import { escapeLike, FEW_MATCHES } from '../../src/db/contains-search.ts';
import { listLeads } from '../../src/modules/leads/index.ts';
import type { Caller } from '../../src/server/caller.ts';
import type { TestDatabase } from '../../test/helpers/databases.ts';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
type Quantiles = { p50: number; p95: number };
const quantiles = (times: number[]): Quantiles => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
};

type Sample = { name: string; company: string | null; mobile: string };

/**
 * p50/p95 of the lead list's search box (first page of 20, newest first, an admin) over `count`
 * random leads: the whole list call, and its search alone (the ids from the tenant-bound trigram
 * function, then the page of those) against the plain ILIKE the list ran before migration 0014 (a
 * walk of the newest leads until the page is full: the whole tenant for a rare term), in one run.
 */
export async function leadSearchLatencies(t: TestDatabase, tenantId: string, userId: string, count = 100) {
  const caller: Caller = { tenantId, userId, name: 'bench', roleKey: 'admin', dataScope: 'all', teamId: null, permissions: ['leads.read', 'leads.assign', 'customers.phone'], locale: 'zh-CN', via: 'token', ip: null, requestId: null };
  const samples = await t.db.tenantTx(tenantId, (tx) =>
    queryRows<Sample>(tx, sql`select name, company, mobile from leads where deleted_at is null and company is not null and mobile is not null order by random() limit ${count}`),
  );
  const out: Record<string, { list: Quantiles; search: Quantiles; plainIlike: Quantiles }> = {};
  for (const [label, q] of [
    ['company tail (rare: 公司 + its number)', (s: Sample) => s.company!.slice(s.company!.indexOf('公司'))],
    ['full name (common)', (s: Sample) => s.name],
    ['phone (last 6 digits)', (s: Sample) => s.mobile.slice(-6)],
    ['no match (找不到的公司)', () => '找不到的公司'],
  ] as const) {
    const times = { list: [] as number[], search: [] as number[], plainIlike: [] as number[] };
    for (const s of samples) {
      const text = q(s);
      const pattern = `%${escapeLike(text)}%`;
      const digits = text.replace(/\D/g, '');
      const mobile = digits.length >= 4 ? `%${digits}%` : null;
      let start = process.hrtime.bigint();
      await t.db.tenantTx(tenantId, (tx) => listLeads(tx, caller, { q: text, limit: 20, sort: '-createdAt' }));
      times.list.push(ms(start));
      start = process.hrtime.bigint();
      await t.db.tenantTx(tenantId, async (tx) => {
        const ids = await queryRows<{ id: string }>(tx, sql`select id from tide_lead_ids_like(${pattern}, ${mobile}, ${FEW_MATCHES + 1}) as id`);
        await queryRows(tx, sql`select * from leads where deleted_at is null and id = any(${sql.param(ids.map((r) => r.id))}::uuid[]) order by created_at desc, id desc limit 21`);
      });
      times.search.push(ms(start));
      start = process.hrtime.bigint();
      await t.db.tenantTx(tenantId, (tx) =>
        queryRows(
          tx,
          sql`select * from leads where deleted_at is null
                and (name ilike ${pattern} or company ilike ${pattern} or (${mobile}::text is not null and mobile like ${mobile}))
              order by created_at desc, id desc limit 21`,
        ),
      );
      times.plainIlike.push(ms(start));
    }
    out[label] = { list: quantiles(times.list), search: quantiles(times.search), plainIlike: quantiles(times.plainIlike) };
  }
  return out;
}
