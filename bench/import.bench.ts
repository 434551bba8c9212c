// Import throughput and search latency, on PostgreSQL and PGlite.
//   npm run bench -- import [rows=1000000] [base=1000000] [kinds=postgres,pglite]
// Per database: a base of `base` customers is loaded (cleaned and identified, no fuzzy matching:
// bench/import/load-base.ts), then a file of
// `rows` rows (~10% duplicates of the base and the file, ~3% dirty) is imported, cleaned and
// deduped into it. In the same run the same file is loaded with a raw COPY into a plain table:
// the ratio between the two is the figure to compare. Then p95 latencies of name, pinyin and
// phone searches over the resulting base. TIDE_BENCH_PROFILE=<folder> adds a CPU profile of the import.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbKind } from '../src/db/client.ts';
import { queryRows } from '../src/db/client.ts';
import { runImport, startImport, uploadImport } from '../src/modules/imports/index.ts';
import { buildTenant } from '../test/helpers/app.ts';
import { openTestDatabase, type TestDatabase } from '../test/helpers/databases.ts';
import setup from '../test/helpers/global-setup.ts';
import { generateCustomerCsv } from './import/generate-csv.ts';
import { loadBase } from './import/load-base.ts';
import { searchLatencies } from './search/latency.ts';

const rows = Number(process.argv[3] ?? 1_000_000);
const baseRows = Number(process.argv[4] ?? 1_000_000);
const kinds = (process.argv[5] ?? 'postgres,pglite').split(',') as DbKind[];
const dir = path.join(os.tmpdir(), 'tide-bench-import');
rmSync(dir, { recursive: true, force: true });
execFileSync('mkdir', ['-p', dir]);

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function importInto(t: TestDatabase, tenantId: string, file: string, log: (line: string) => void) {
  const actor = { tenantId, userId: null };
  const preview = await uploadImport(t.db, actor, { type: 'customers', channel: 'bench', fileName: path.basename(file), body: createReadStream(file) });
  await t.db.tenantTx(tenantId, (tx) => startImport(tx, actor, preview.importId, {}));
  const start = process.hrtime.bigint();
  // Progress every 50,000 rows, so that a run stopped early still says how fast it went.
  let next = 50_000;
  const result = await runImport(t.db, tenantId, preview.importId, ({ counts }) => {
    if (counts.read < next) return;
    next += 50_000;
    log(`${counts.read} rows read, ${seconds(start).toFixed(0)} s, ${(counts.read / seconds(start)).toFixed(0)} rows/s`);
  });
  return { seconds: seconds(start), counts: result.counts };
}

/** Raw PostgreSQL COPY of the same file into a plain table: the yardstick. */
async function rawCopy(): Promise<number> {
  const { createPgDatabase } = await import('../test/helpers/databases.ts');
  const pg = await createPgDatabase();
  try {
    const start = process.hrtime.bigint();
    execFileSync('psql', [pg.url, '-q', '-c', 'create table raw_copy (name text, mobile text, email text, credit_code text, province text, city text, district text, address text, source text)', '-c', `\\copy raw_copy from '${importFile}' with (format csv, header true)`]);
    return seconds(start);
  } finally {
    await pg.drop();
  }
}

/**
 * The least any import into this schema pays: the rows the import wrote, copied with plain
 * INSERT … SELECT into fresh tables with the same indexes (the customers' search indexes, the
 * match keys' two b-trees). No parsing, cleaning or matching: only the writes.
 */
async function writeFloor(t: TestDatabase, newRows: number): Promise<{ customers: number; keys: number; seconds: number }> {
  const count = async (table: string) => Number(((await t.db.executeSql(`select count(*)::int as n from ${table}`)) as { rows: { n: number }[] }).rows[0]!.n);
  const total = await count('customers');
  const keysTotal = await count('customer_match_keys');
  // The newest `newRows` customers and their share of the keys: what the measured import wrote.
  const start = process.hrtime.bigint();
  await t.db.executeSql('create table floor_customers (like customers including defaults including indexes)');
  await t.db.executeSql(`insert into floor_customers select * from customers order by created_at desc limit ${newRows}`);
  await t.db.executeSql('create table floor_keys (like customer_match_keys including indexes)');
  await t.db.executeSql(`insert into floor_keys select * from customer_match_keys limit ${Math.round((keysTotal * newRows) / total)}`);
  const took = seconds(start);
  const keys = await count('floor_keys');
  await t.db.executeSql('drop table floor_customers, floor_keys');
  return { customers: newRows, keys, seconds: took };
}

/**
 * With TIDE_BENCH_PROFILE=<folder>, a CPU profile of this process over the measured import only
 * (open the .cpuprofile in Chrome's DevTools): where the JavaScript side of a batch goes.
 */
async function startProfile() {
  const folder = process.env.TIDE_BENCH_PROFILE;
  if (!folder) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name: string) {
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
      console.log(`profile: ${path.join(folder, `${name}.cpuprofile`)}`);
    },
  };
}

const teardown = await setup();
const baseFile = path.join(dir, 'base.csv');
const importFile = path.join(dir, 'import.csv');
const base = await generateCustomerCsv(baseFile, baseRows, { seed: 1 });
const file = await generateCustomerCsv(importFile, rows, { seed: 2, offset: Math.floor(baseRows * 0.9) });
console.log(`files: base ${base.rows} rows; import ${file.rows} rows (${(statSync(importFile).size / 1e6).toFixed(0)} MB, ${file.duplicates} repeats, ${file.dirty} dirty), overlapping the base by ~10%`);
const copy = await rawCopy();
console.log(`raw COPY of the import file into PostgreSQL: ${copy.toFixed(1)} s`);
const results: string[] = [];
for (const kind of kinds) {
  const t = await openTestDatabase(kind);
  const tenant = await buildTenant(t);
  const admin = await t.db.tenantTx(tenant.id, (tx) => queryRows<{ id: string }>(tx, sql`select id from users limit 1`));
  const baseStart = process.hrtime.bigint();
  const loaded = await loadBase(t, tenant.id, baseFile, (done) => console.log(`${kind}: base ${done} rows, ${seconds(baseStart).toFixed(0)} s`));
  await t.db.executeSql('analyze');
  console.log(`${kind}: base loaded in ${seconds(baseStart).toFixed(1)} s`, loaded);
  const profiler = await startProfile();
  const ours = await importInto(t, tenant.id, importFile, (line) => console.log(`${kind}: import ${line}`));
  await profiler?.stop(`${kind}-import`);
  console.log(`${kind}: import ${ours.seconds.toFixed(1)} s`, ours.counts);
  const floor = await writeFloor(t, ours.counts.created);
  console.log(`${kind}: the same writes alone (${floor.customers} customers, ${floor.keys} match keys, INSERT … SELECT with the same indexes): ${floor.seconds.toFixed(1)} s`);
  const search = await searchLatencies(t, tenant.id, admin[0]!.id);
  results.push(
    `| ${kind} | ${rows} into ${baseRows} | ${ours.seconds.toFixed(1)} s | ${(rows / ours.seconds).toFixed(0)} rows/s | ${copy.toFixed(1)} s (${(rows / copy).toFixed(0)} rows/s) | ${(copy / ours.seconds).toFixed(3)} | ${floor.seconds.toFixed(1)} s (${(copy / floor.seconds).toFixed(3)}) | ${Object.entries(search).map(([k, v]) => `${k} p50 ${v.p50.toFixed(1)}, p95 ${v.p95.toFixed(1)} ms`).join('; ')} |`,
  );
  await t.drop();
}
teardown();
console.log(`\nImport and search, ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log('| database | rows | our import | throughput | raw COPY | COPY time / ours | writes alone (COPY time / that) | search latency (100 random queries each) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(r);
