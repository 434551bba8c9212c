import { rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { PG_ADMIN_URL, PGLITE_TEMPLATE } from './databases.ts';

/**
 * Once per test run: a migrated PGlite folder to copy (initdb takes seconds), and the cluster-wide
 * roles created up front so that parallel test files do not race to create them.
 */
export default async function setup() {
  rmSync(PGLITE_TEMPLATE, { recursive: true, force: true });
  const db = await openDatabase({ dataDir: PGLITE_TEMPLATE });
  await db.close();
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  for (const role of ['tide_app', 'tide_auth']) {
    await admin.query(
      `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
  }
  await admin.end();
}
