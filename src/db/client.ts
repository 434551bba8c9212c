import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { listMigrations, migrate } from './migrate.ts';
import { Mutex } from './mutex.ts';

type Drizzle = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; every repository function takes one. */
export type Tx = Parameters<Parameters<Drizzle['transaction']>[0]>[0];
export type SqlResult = { rows: Record<string, unknown>[] };
export type DbKind = 'pglite' | 'postgres';

/** The role the application works as: neither superuser nor BYPASSRLS, so row-level security holds. */
export const APP_ROLE = 'tide_app';

export type Database = {
  kind: DbKind;
  /** Runs fn in one transaction in which row-level security admits only this tenant's rows. */
  tenantTx<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction with no tenant: tenant tables show no rows; for system tables and definer functions. */
  systemTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Raw SQL for libraries that bring their own (the job queue). A call without values may hold several statements. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult | SqlResult[]>;
  ping(): Promise<void>;
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
};

export type OpenOptions = { databaseUrl?: string; dataDir: string; migrate?: boolean };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.migrate ?? true)
    : openPglite(options.dataDir, options.migrate ?? true);
}

/**
 * Every transaction first drops to the app role (transaction-local, so a pooled connection can
 * never leak a tenant or the owner's rights to the next borrower), then names its tenant.
 */
function enterTenant(tx: Tx, tenantId: string) {
  return tx.execute(
    sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`,
  );
}

function enterSystem(tx: Tx) {
  return tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
}

async function openPglite(dataDir: string, runMigrations: boolean): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
  } catch (error) {
    unlock();
    throw error;
  }
  const mutex = new Mutex();
  const exec = async (text: string) => client.exec(text);
  try {
    if (runMigrations) await migrate({ kind: 'pglite', exec, query: (t, v) => client.query(t, v) });
  } catch (error) {
    await client.close();
    unlock();
    throw error;
  }
  const db = drizzlePglite({ client }) as unknown as Drizzle;
  let closed = false;
  return {
    kind: 'pglite',
    tenantTx: (tenantId, fn) =>
      mutex.run(() =>
        db.transaction(async (tx) => {
          await enterTenant(tx, tenantId);
          return fn(tx);
        }),
      ),
    systemTx: (fn) =>
      mutex.run(() =>
        db.transaction(async (tx) => {
          await enterSystem(tx);
          return fn(tx);
        }),
      ),
    executeSql: (text, values) =>
      mutex.run(async () => {
        if (values && values.length > 0) return client.query(text, values) as Promise<SqlResult>;
        const results = (await client.exec(text)) as SqlResult[];
        return results.length === 1 ? results[0]! : results;
      }),
    ping: () => mutex.run(async () => void (await client.query('select 1'))),
    migrationsApplied: () => mutex.run(() => pendingMigrations(client.query.bind(client)).then((n) => n === 0)),
    close: async () => {
      if (closed) return;
      closed = true;
      await mutex.run(() => client.close());
      unlock();
    },
  };
}

async function openPostgres(databaseUrl: string, runMigrations: boolean): Promise<Database> {
  if (runMigrations) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await migrate({
        kind: 'postgres',
        exec: (text) => admin.query(text),
        query: (text, values) => admin.query(text, values as unknown[]),
      });
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.TIDE_DB_POOL ?? 10) });
  // An idle connection the server ends (restart, failover, admin) is dropped by the pool and
  // replaced on next use; without a listener the error would end the process.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  const db = drizzlePg({ client: pool }) as unknown as Drizzle;
  return {
    kind: 'postgres',
    tenantTx: (tenantId, fn) =>
      db.transaction(async (tx) => {
        await enterTenant(tx, tenantId);
        return fn(tx);
      }),
    systemTx: (fn) =>
      db.transaction(async (tx) => {
        await enterSystem(tx);
        return fn(tx);
      }),
    executeSql: (text, values) => pool.query(text, values) as unknown as Promise<SqlResult>,
    ping: async () => void (await pool.query('select 1')),
    migrationsApplied: async () => (await pendingMigrations((t, v) => pool.query(t, v))) === 0,
    close: () => pool.end(),
  };
}

async function pendingMigrations(query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>) {
  const applied = await query('select name from tide_migrations').catch(() => ({ rows: [] }));
  const names = new Set((applied.rows as { name: string }[]).map((r) => r.name));
  return (await listMigrations()).filter((m) => !names.has(m.name)).length;
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}
