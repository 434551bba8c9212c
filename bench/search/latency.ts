import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import { listCustomers } from '../../src/modules/customers/index.ts';
import type { Caller } from '../../src/server/caller.ts';
import type { TestDatabase } from '../../test/helpers/databases.ts';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

type Sample = { name: string; name_pinyin: string; name_initials: string; mobile: string | null };

/**
 * p95 (and p50) of the customer list's search box over `count` random existing customers: the first
 * two characters of a name, a pinyin prefix, initials, a full mobile and its last four digits.
 */
export async function searchLatencies(t: TestDatabase, tenantId: string, userId: string, count = 100) {
  const caller: Caller = { tenantId, userId, name: 'bench', roleKey: 'admin', dataScope: 'all', teamId: null, permissions: ['customers.read', 'customers.phone'], locale: 'zh-CN', via: 'token', ip: null, requestId: null };
  const samples = await t.db.tenantTx(tenantId, (tx) =>
    queryRows<Sample>(tx, sql`select name, name_pinyin, name_initials, mobile from customers where mobile is not null and name_pinyin ~ '^[a-z]{4,}' order by random() limit ${count}`),
  );
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [label, q] of [
    ['name (first 2 characters)', (s: Sample) => [...s.name].slice(0, 2).join('')],
    ['pinyin prefix', (s: Sample) => s.name_pinyin.slice(0, 6)],
    ['initials', (s: Sample) => s.name_initials.slice(0, 3)],
    ['phone (full)', (s: Sample) => s.mobile!.replace('+86', '')],
    ['phone (last 4 digits)', (s: Sample) => s.mobile!.slice(-4)],
  ] as const) {
    const times: number[] = [];
    for (const s of samples) {
      const start = process.hrtime.bigint();
      await t.db.tenantTx(tenantId, (tx) => listCustomers(tx, caller, { q: q(s), limit: 20 }));
      times.push(seconds(start) * 1000);
    }
    times.sort((a, b) => a - b);
    out[label] = { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]! };
  }
  return out;
}
