import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from '../../src/db/client.ts';

const dialect = new PgDialect();

/** A statement's first words, enough to tell the recycle run's statements apart. */
export function labelOf(query: SQL): string {
  const text = dialect.sqlToQuery(query).sql.replace(/\s+/g, ' ').trim();
  return text.slice(0, 70);
}

export type StatementTime = { label: string; ms: number };

/** Statements worth an EXPLAIN ANALYZE: the set-based ones that touch every due record. */
const HEAVY = /^(INSERT INTO pool_due|CREATE TEMP TABLE pool_due|WITH fell|UPDATE leads|UPDATE customers|WITH warned)/;

/**
 * Times every `tx.execute` the code under test makes, without touching that code. With `explain`,
 * each heavy statement first runs under EXPLAIN ANALYZE in a savepoint that is rolled back, so the
 * plan is printed and the real statement still runs once (its timing is then not representative:
 * the rolled-back run left dead tuples behind).
 */
export function instrument(tx: Tx, options: { explain: boolean }): StatementTime[] {
  const times: StatementTime[] = [];
  const original = tx.execute.bind(tx) as (q: SQL) => Promise<unknown>;
  const wrapped = async (query: SQL) => {
    const label = labelOf(query);
    if (options.explain && HEAVY.test(label)) {
      await original(sql`SAVEPOINT bench_explain`);
      const plan = ((await original(sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`)) as { rows: { 'QUERY PLAN': string }[] }).rows;
      await original(sql`ROLLBACK TO SAVEPOINT bench_explain`);
      console.log(`\n--- ${label}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
    }
    const start = process.hrtime.bigint();
    try {
      return await original(query);
    } finally {
      times.push({ label, ms: Number(process.hrtime.bigint() - start) / 1e6 });
    }
  };
  (tx as unknown as { execute: typeof wrapped }).execute = wrapped;
  return times;
}
