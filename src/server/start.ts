import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { ALL_JOBS } from '../jobs/jobs.ts';
import { JobQueue } from '../jobs/queue.ts';
import { fillDemoTenant } from '../modules/demo/index.ts';
import { runImportJob, unfinishedImports } from '../modules/imports/index.ts';
import { allTenantIds, provisionTenant } from '../modules/tenants/index.ts';
import { buildApp } from './app.ts';
import { buildWeb, webBuildIsStale } from './web-build.ts';

export type Running = { app: FastifyInstance; db: Database; jobs: JobQueue; url: string; stop(): Promise<void> };

/**
 * Starts Tide: database (migrated), first-run demo tenant, job workers, HTTP server.
 * `stop()` closes in order: stop accepting and finish requests, stop jobs, close the database.
 */
export async function startTide(config: Config, options: { buildWebIfStale?: boolean; print?: (line: string) => void } = {}): Promise<Running> {
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  if (options.buildWebIfStale !== false && webBuildIsStale()) {
    print('Building the web app (first start, or its sources changed)…');
    await buildWeb();
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if ((await allTenantIds(db)).length === 0) {
      const password = randomBytes(9).toString('base64url');
      const { tenant } = await provisionTenant(db, {
        slug: 'demo',
        name: '示例公司 Demo Co.',
        admin: { name: '管理员', email: 'admin@demo.tide', password },
      });
      await fillDemoTenant(db, tenant.id, { seed: 1, customers: 300 });
      print('');
      print('  First start: created the demo tenant "demo" with demo data.');
      print('  Log in as   admin@demo.tide');
      print(`  password    ${password}`);
      print('  (shown once; change it under your name, top right)');
      print('');
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  let app: FastifyInstance | undefined;
  const log = (msg: string, data?: Record<string, unknown>) => app?.log.info(data ?? {}, msg);
  const jobs = await JobQueue.start(db, ALL_JOBS, { db, log });
  // Imports that a stop interrupted go on where their last whole batch ended.
  for (const tenantId of await allTenantIds(db)) {
    for (const importId of await db.tenantTx(tenantId, unfinishedImports)) await jobs.send(runImportJob, { tenantId, importId });
  }
  app = await buildApp({ config, db, jobs });
  const url = await app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await jobs.stop();
      await db.close();
    })());
  return { app, db, jobs, url, stop };
}
