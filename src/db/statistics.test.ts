import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/databases.ts';
import { buildTenant } from '../../test/helpers/app.ts';
import { queryRows } from './client.ts';
import { refreshStaleStatistics, statisticsStale } from './statistics.ts';

describe('statisticsStale', () => {
  it('calls a table stale once it grew by a tenth and a few pages since it was analyzed', () => {
    expect(statisticsStale(9, 0)).toBe(true); // never analyzed, no longer tiny
    expect(statisticsStale(8, 0)).toBe(false);
    expect(statisticsStale(1_000, 1_000)).toBe(false);
    expect(statisticsStale(1_108, 1_000)).toBe(false);
    expect(statisticsStale(1_109, 1_000)).toBe(true);
    expect(statisticsStale(500, 1_000)).toBe(false); // shrunk: vacuum's business, not the planner's
  });
});

// The embedded database has no autovacuum: the statistics job is what gives its planner numbers.
describe('refreshStaleStatistics on pglite', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(() => t?.drop());

  it('analyzes the tables that grew, and only those', async () => {
    const tenant = await buildTenant(t);
    await refreshStaleStatistics(t.db);
    await t.db.tenantTx(tenant.id, (tx) =>
      tx.execute(sql`insert into leads (tenant_id, name, company, mobile, source, score)
        select ${tenant.id}::uuid, '客户' || i, '公司' || i, '+86139' || lpad(i::text, 8, '0'), 'api', 50 from generate_series(1, 5000) i`),
    );
    const estimate = async () =>
      t.db.systemTx(async (tx) => (await queryRows<{ n: number }>(tx, sql`select reltuples::int as n from pg_class where relname = 'leads'`))[0]!.n);
    expect(await estimate()).toBeLessThan(100);
    expect(await refreshStaleStatistics(t.db)).toEqual(['leads']);
    expect(await estimate()).toBe(5000);
    expect(await refreshStaleStatistics(t.db)).toEqual([]);
  });
});
