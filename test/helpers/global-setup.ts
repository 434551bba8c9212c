import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { buildWeb, webBuildIsStale } from '../../src/server/web-build.ts';
import { PG_ADMIN_URL } from './databases.ts';

/**
 * Once per test run: a migrated PGlite folder to copy (initdb takes seconds), and the cluster-wide
 * roles created up front so that parallel test files do not race to create them.
 */
export default async function setup() {
  // The browser journeys drive the built app, as users get it from `npm start`.
  if (webBuildIsStale()) await buildWeb();
  // Per run, so that two test runs on one machine do not share it; workers find it in the env.
  const template = mkdtempSync(path.join(os.tmpdir(), 'tide-test-template-'));
  process.env.TIDE_TEST_PGLITE_TEMPLATE = template;
  const db = await openDatabase({ dataDir: template });
  await db.close();
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  for (const role of ['tide_app', 'tide_auth']) {
    await admin.query(
      `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
  }
  await admin.end();
  return () => rmSync(template, { recursive: true, force: true });
}
