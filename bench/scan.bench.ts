// The duplicate scan over a whole base (the "scan" button of the review queue, and the nightly
// run over what changed): `npm run bench -- scan [customers=100000] [kinds=postgres,pglite]
// [--nightly-only]`; `--nightly-only` times the nightly run alone, on a base not scanned before
// (the full scan takes ~28 minutes at 1,000,000).
// The base is the import bench's generated file (seeded, wide names) loaded without fuzzy
// matching (bench/import/load-base.ts), so its namesakes and near-duplicates are still there
// for the scan to find. Reported: time, customers scanned per second, pairs decided, merges,
// queued pairs, and the process's peak resident memory during the scans.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type DbKind } from '../src/db/client.ts';
import { scanDuplicates } from '../src/modules/customers/index.ts';
import { buildTenant } from '../test/helpers/app.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';
import setup from '../test/helpers/global-setup.ts';
import { generateCustomerCsv } from './import/generate-csv.ts';
import { loadBase } from './import/load-base.ts';

const args = process.argv.slice(3).filter((a) => !a.startsWith('--'));
const nightlyOnly = process.argv.includes('--nightly-only');
const total = Number(args[0] ?? 100_000);
const kinds = (args[1] ?? 'postgres,pglite').split(',') as DbKind[];
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const dir = path.join(os.tmpdir(), 'tide-bench-scan');
execFileSync('mkdir', ['-p', dir]);

const teardown = await setup();
const file = path.join(dir, 'base.csv');
await generateCustomerCsv(file, total, { seed: 1 });
const results: string[] = [];
for (const kind of kinds) {
  const t = await openTestDatabase(kind);
  try {
    const tenant = await buildTenant(t);
    const [admin] = await t.db.tenantTx(tenant.id, (tx) => queryRows<{ id: string }>(tx, sql`select id from users limit 1`));
    const loaded = await loadBase(t, tenant.id, file, () => undefined);
    await t.db.executeSql('analyze');
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const start = process.hrtime.bigint();
    const result = nightlyOnly ? null : await scanDuplicates(t.db, { tenantId: tenant.id, userId: admin!.id });
    const took = seconds(start);
    // The nightly run: everyone last changed two days ago but 1 % changed today.
    await t.db.executeSql(`update customers set updated_at = now() - interval '2 days' where tenant_id = '${tenant.id}'`);
    await t.db.executeSql(`update customers set updated_at = now() where tenant_id = '${tenant.id}' and random() < 0.01`);
    const nightlyStart = process.hrtime.bigint();
    const nightly = await scanDuplicates(t.db, { tenantId: tenant.id, userId: admin!.id }, { changedSince: new Date(Date.now() - 25 * 3_600_000) });
    const nightlyTook = seconds(nightlyStart);
    clearInterval(sampler);
    const full = result ? `${took.toFixed(1)} s | ${(result.scanned / took).toFixed(0)} customers/s | ${result.pairs} | ${result.merged} | ${result.queued}` : 'not run | | | |';
    const night = `${nightly.scanned} in ${nightlyTook.toFixed(1)} s (${nightly.pairs} pairs, ${nightly.merged} merged, ${nightly.queued} queued)`;
    const line = `| ${kind} | ${loaded.rows} | ${full} | ${(peak / 2 ** 20).toFixed(0)} MB | ${night} |`;
    console.log(line);
    results.push(line);
  } finally {
    await t.drop();
  }
}
await teardown?.();
console.log(`\nDuplicate scan, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log('| database | customers | full scan | rate | pairs decided | merged | queued | peak RSS | nightly (1 % changed) |\n|---|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(r);
