// Customer search latency at scale: p50/p95 of name, pinyin, initials and phone searches over a
// base of N customers, on PostgreSQL and PGlite.
//   npm run bench -- search [customers=1000000] [kinds=postgres,pglite] [--keep]
// Then the list itself: pages after pages, per sort and with the usual filters (search/paging.ts).
// --keep leaves the PostgreSQL database in place (its name and the tenant are printed), to look at plans.
// The base is loaded straight through the cleaning rules and the bulk insert (not the import with
// its dedupe), since only the searched columns and their indexes matter here.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type DbKind } from '../src/db/client.ts';
import { cleanedValues } from '../src/modules/customers/index.ts';
import { bulkInsertCustomers } from '../src/modules/customers/customer-bulk.repo.ts';
import { generateDemoData } from '../src/modules/demo/index.ts';
import { buildTenant } from '../test/helpers/app.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';
import setup from '../test/helpers/global-setup.ts';
import { searchLatencies } from './search/latency.ts';
import { pagingLatencies, tagSome } from './search/paging.ts';

const total = Number(process.argv[3] ?? 1_000_000);
const kinds = (process.argv[4] ?? 'postgres,pglite').split(',') as DbKind[];
const keep = process.argv.includes('--keep');
const CHUNK = 20_000;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const teardown = await setup();
console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${total} customers`);
const results: string[] = [];
const pagingResults: string[] = [];
for (const kind of kinds) {
  const t = await openTestDatabase(kind);
  try {
    const tenant = await buildTenant(t);
    const [admin] = await t.db.tenantTx(tenant.id, (tx) => queryRows<{ id: string }>(tx, sql`select id from users limit 1`));
    const start = process.hrtime.bigint();
    const now = new Date('2026-01-01T00:00:00Z');
    for (let done = 0, serial = 0; done < total; done += CHUNK) {
      const n = Math.min(CHUNK, total - done);
      const data = generateDemoData({ seed: 1000 + done, customers: n, teams: 1, users: 1, now });
      const rows = data.customers.map((c) => {
        serial++;
        // Unique mobiles across the whole base from a running number.
        const mobile = c.mobile ? `1${['39', '58', '86', '37'][serial % 4]}${String(serial).padStart(8, '0')}` : null;
        const { values } = cleanedValues({ kind: c.kind, name: c.name, mobile, email: c.email, creditCode: c.creditCode, province: c.province, city: c.city, district: c.district, street: c.street, address: c.address, industry: c.industry, source: c.source }, now);
        return { ...values, id: randomUUID(), ownerUserId: null };
      });
      await t.db.tenantTx(tenant.id, (tx) => bulkInsertCustomers(tx, tenant.id, rows));
      if ((done / CHUNK) % 10 === 0) console.log(`${kind}: ${done + n} loaded, ${seconds(start).toFixed(0)} s`);
    }
    const loaded = seconds(start);
    // Fresh statistics, as autovacuum would have them on a live base: without them the planner
    // misjudges the name/pinyin search and walks the whole tenant (seconds instead of milliseconds).
    await t.db.executeSql('analyze customers');
    const search = await searchLatencies(t, tenant.id, admin!.id);
    const line = `| ${kind} | ${total} | ${loaded.toFixed(0)} s | ${Object.entries(search).map(([k, v]) => `${k}: p50 ${v.p50.toFixed(1)}, p95 ${v.p95.toFixed(1)} ms`).join('; ')} |`;
    console.log(line);
    results.push(line);
    await tagSome(t, tenant.id);
    const paging = await pagingLatencies(t, tenant.id, admin!.id);
    const pagingLine = `| ${kind} | ${total} | ${Object.entries(paging).map(([k, v]) => `${k}: p50 ${v.p50.toFixed(1)}, p95 ${v.p95.toFixed(1)} ms (${v.n} pages)`).join('; ')} |`;
    console.log(pagingLine);
    pagingResults.push(pagingLine);
  } finally {
    if (keep && t.url) {
      console.log(`kept: ${t.url}`);
      await t.db.close();
    } else await t.drop();
  }
}
await teardown?.();
console.log('\n| database | customers | load | search latency (100 random queries each) |\n|---|---|---|---|');
for (const r of results) console.log(r);
console.log('\n| database | customers | list pages of 20 (30 pages each, keyset cursors) |\n|---|---|---|');
for (const r of pagingResults) console.log(r);
