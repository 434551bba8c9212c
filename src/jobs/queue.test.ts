import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/client.ts';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../test/helpers/databases.ts';
import { JobQueue } from './queue.ts';
import { defineJob } from './registry.ts';

describe.each(DB_KINDS)('background jobs on %s', (kind) => {
  let t: TestDatabase;
  let second: Database | undefined;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    // Two app nodes: on PostgreSQL a second connection pool; PGlite has one process by design.
    second = kind === 'postgres' ? await openDatabase({ databaseUrl: t.url, dataDir: '' }) : undefined;
  });
  afterAll(async () => {
    await second?.close();
    await t?.drop();
  });

  it(
    'a scheduled job runs once per slot even with two workers',
    async () => {
      const runs: string[] = [];
      const job = (node: string) =>
        defineJob({
          name: 'test.every-minute',
          payload: z.object({}),
          schedule: '* * * * *',
          handler: async () => void runs.push(node),
        });
      const log = () => undefined;
      const a = await JobQueue.start(t.db, [job('a')], { db: t.db, log }, { cronIntervalSeconds: 1, pollingIntervalSeconds: 1 });
      const dbB = second ?? t.db;
      const b = await JobQueue.start(dbB, [job('b')], { db: dbB, log }, { cronIntervalSeconds: 1, pollingIntervalSeconds: 1 });
      let stopped = false;
      try {
        const deadline = Date.now() + 150_000;
        while (runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
        // Give the other node time to run it a second time, were it going to.
        await new Promise((r) => setTimeout(r, 5_000));
        // Stopped gracefully, a job being worked on finishes first; a later slot's job may have been
        // created and not yet fetched, and stays waiting.
        await Promise.all([a.stop(), b.stop()]);
        stopped = true;
        const counts = await a.counts('test.every-minute');
        expect(runs.length).toBeGreaterThanOrEqual(1);
        // Each job runs once, on one node.
        expect(counts.completed).toBe(runs.length);
        expect(counts.failed ?? 0).toBe(0);
        // One job per minute slot, however many nodes schedule it.
        const perSlot = (await t.db.executeSql(
          `select count(*)::int as n from pgboss.job where name = $1 group by date_trunc('minute', created_on)`,
          ['test.every-minute'],
        )) as { rows: { n: number }[] };
        expect(perSlot.rows.length).toBeGreaterThanOrEqual(1);
        expect(perSlot.rows.map((r) => Number(r.n))).toEqual(perSlot.rows.map(() => 1));
      } finally {
        if (!stopped) await Promise.all([a.stop(), b.stop()]);
      }
    },
    200_000,
  );

  it('sends an on-demand job with a validated payload', async () => {
    const seen: number[] = [];
    const job = defineJob({ name: 'test.double', payload: z.object({ n: z.number() }), handler: async (_c, p) => void seen.push(p.n * 2) });
    const q = await JobQueue.start(t.db, [job], { db: t.db, log: () => undefined }, { pollingIntervalSeconds: 1 });
    try {
      await q.send(job, { n: 21 });
      const deadline = Date.now() + 20_000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual([42]);
    } finally {
      await q.stop();
    }
  });
});
