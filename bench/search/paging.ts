import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import { listCustomers } from '../../src/modules/customers/index.ts';
import type { Caller } from '../../src/server/caller.ts';
import type { TestDatabase } from '../../test/helpers/databases.ts';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

type Filter = Parameters<typeof listCustomers>[2];
type Latency = { p50: number; p95: number; n: number };

/**
 * Tags for the tag filters: `常客` on ~1 % of the customers, `黑名单` on ~0.05 %, so that one
 * filter is common and one is rare. Written straight into the table (the base has none).
 */
export async function tagSome(t: TestDatabase, tenantId: string): Promise<void> {
  await t.db.executeSql(`insert into customer_tags (tenant_id, customer_id, tag) select tenant_id, id, '常客' from customers where tenant_id = '${tenantId}' and random() < 0.01`);
  await t.db.executeSql(`insert into customer_tags (tenant_id, customer_id, tag) select tenant_id, id, '黑名单' from customers where tenant_id = '${tenantId}' and random() < 0.0005`);
  await t.db.executeSql('analyze customer_tags');
}

/**
 * The customer list as a person pages through it, at whatever size the base is: the first page
 * and the pages after it (keyset cursors), per sort and with the usual filters, each request in
 * its own tenant transaction like an API call. Pages of 20; p50/p95 over all pages fetched.
 */
export async function pagingLatencies(t: TestDatabase, tenantId: string, userId: string, pages = 30): Promise<Record<string, Latency>> {
  const caller: Caller = { tenantId, userId, name: 'bench', roleKey: 'admin', dataScope: 'all', teamId: null, permissions: ['customers.read', 'customers.phone'], locale: 'zh-CN', via: 'token', ip: null, requestId: null };
  const cities = await t.db.tenantTx(tenantId, (tx) => queryRows<{ city: string; province: string }>(tx, sql`select city, province from customers where city is not null order by random() limit 10`));
  const walk = async (filter: Omit<Filter, 'limit' | 'cursor'>): Promise<number[]> => {
    const times: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < pages; page++) {
      const start = process.hrtime.bigint();
      const result = await t.db.tenantTx(tenantId, (tx) => listCustomers(tx, caller, { ...filter, limit: 20, cursor } as Filter));
      times.push(seconds(start) * 1000);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return times;
  };
  const cases: [string, () => Promise<number[]>][] = [
    ['newest first', () => walk({})],
    ['by name', () => walk({ sort: 'name' })],
    ['by name, descending', () => walk({ sort: '-name' })],
    ['least complete first (clean-up queue)', () => walk({ sort: 'completeness' })],
    ['one city, newest first', () => walk({ city: cities[0]!.city })],
    ['one city, by name', () => walk({ city: cities[1]!.city, sort: 'name' })],
    ['companies in one province', () => walk({ kind: 'company', province: cities[2]!.province })],
    ['tag on ~1 %', () => walk({ tag: '常客' })],
    ['tag on ~0.05 %', () => walk({ tag: '黑名单' })],
  ];
  const out: Record<string, Latency> = {};
  for (const [label, run] of cases) {
    const times = (await run()).sort((a, b) => a - b);
    out[label] = { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!, n: times.length };
  }
  return out;
}
