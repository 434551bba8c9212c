import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { name: string; sql: string };

export type MigrationTarget = {
  kind: 'pglite' | 'postgres';
  /** Runs text that may hold several statements. */
  exec(text: string): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
};

export async function listMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (name) => ({ name, sql: await readFile(path.join(MIGRATIONS_DIR, name), 'utf8') })),
  );
}

/**
 * Applies the SQL files in migrations/ that have not been applied, each in its own transaction.
 * An advisory lock makes concurrent starts (several app nodes) apply each file once.
 */
export async function migrate(target: MigrationTarget): Promise<string[]> {
  const applied: string[] = [];
  await target.exec(`select pg_advisory_lock(7460001)`);
  try {
    await target.exec(
      `create table if not exists tide_migrations (name text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      ((await target.query('select name from tide_migrations')).rows as { name: string }[]).map((r) => r.name),
    );
    for (const migration of await listMigrations()) {
      if (done.has(migration.name)) continue;
      await target.exec('begin');
      try {
        await target.exec(migration.sql);
        await target.query('insert into tide_migrations (name) values ($1)', [migration.name]);
        await target.exec('commit');
      } catch (error) {
        await target.exec('rollback');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
  } finally {
    await target.exec(`select pg_advisory_unlock(7460001)`);
  }
  return applied;
}
