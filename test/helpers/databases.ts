import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DbKind } from '../../src/db/client.ts';

export const DB_KINDS: readonly DbKind[] = ['pglite', 'postgres'];

/** The PostgreSQL server tests create their databases on (CI: the local server). */
export const PG_ADMIN_URL = process.env.TIDE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A migrated, closed PGlite folder made once per run by global setup, copied per test file. */
export const pgliteTemplate = () => process.env.TIDE_TEST_PGLITE_TEMPLATE ?? '';

export type TestDatabase = { kind: DbKind; db: Database; url?: string; dataDir?: string; drop(): Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database with a UTF-8 ctype: with C, pg_trgm would ignore Chinese characters. */
export async function createPgDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `tide_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  return {
    name,
    url: withDatabase(PG_ADMIN_URL, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function copyPgliteTemplate(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tide-test-'));
  const template = pgliteTemplate();
  if (template && existsSync(template)) cpSync(template, dir, { recursive: true });
  rmSync(path.join(dir, 'tide.lock'), { force: true });
  return dir;
}

export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = copyPgliteTemplate();
    const db = await openDatabase({ dataDir });
    return {
      kind,
      db,
      dataDir,
      drop: async () => {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const created = await createPgDatabase();
  const db = await openDatabase({ databaseUrl: created.url, dataDir: '' });
  return {
    kind,
    db,
    url: created.url,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}
