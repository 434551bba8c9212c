// API overhead: authenticated GET /api/v1/me against a bare Fastify hello world, same run.
// npm run bench -- api [seconds=10]
import autocannon from 'autocannon';
import Fastify from 'fastify';
import os from 'node:os';
import type { DbKind } from '../src/db/client.ts';
import { createApiToken } from '../src/modules/auth/index.ts';
import { listUsers } from '../src/modules/org/index.ts';
import { buildApp } from '../src/server/app.ts';
import { buildTenant, testConfig } from '../test/helpers/app.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';
import setup from '../test/helpers/global-setup.ts';

const seconds = Number(process.argv[3] ?? 10);

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 20, duration: seconds, headers });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function hello() {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const r = await load(url);
  await app.close();
  return r;
}

async function tide(kind: DbKind) {
  const t = await openTestDatabase(kind);
  const tenant = await buildTenant(t);
  const token = await t.db.tenantTx(tenant.id, async (tx) => {
    const admin = (await listUsers(tx, { limit: 1 })).items[0]!;
    return createApiToken(tx, { tenantId: tenant.id, userId: admin.id }, 'bench');
  });
  const app = await buildApp({ config: testConfig(), db: t.db, logger: false, webDist: '/nonexistent' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const r = await load(`${url}/api/v1/me`, { authorization: `Bearer ${token.token}` });
  await app.close();
  await t.drop();
  return r;
}

const teardown = await setup();
const base = await hello();
const rows: [string, { rps: number; p99: number }][] = [['bare Fastify hello world', base]];
for (const kind of ['pglite', 'postgres'] as const) rows.push([`Tide GET /api/v1/me (${kind})`, await tide(kind)]);
teardown();

console.log(`\nAPI overhead, ${seconds} s per run, 20 connections, ${os.cpus().length} cores (${os.cpus()[0]?.model})`);
console.log('| server | requests/s | p99 latency ms | share of hello world |');
console.log('|---|---|---|---|');
for (const [name, r] of rows) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p99} | ${((r.rps / base.rps) * 100).toFixed(1)} % |`);
