// Loads the benchmark's base of customers quickly: the file is read and cleaned as an import
// reads it, and written through the same batch upsert (identities, match keys, sources), but
// without fuzzy matching. The base is the precondition of the measured import, not the thing
// measured; through the full import a million-row base alone would take most of an hour.
import { upsertCustomerBatch, type IncomingCustomer } from '../../src/modules/customers/index.ts';
import { openImportFile } from '../../src/modules/imports/parsing.ts';
import type { TestDatabase } from '../../test/helpers/databases.ts';

const BATCH = 2000;

export async function loadBase(t: TestDatabase, tenantId: string, file: string, log: (done: number) => void): Promise<{ rows: number; rejected: number }> {
  const opened = await openImportFile(file, 'customers');
  let batch: IncomingCustomer[] = [];
  let rows = 0;
  let rejected = 0;
  const now = new Date('2026-01-01T00:00:00Z');
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await t.db.tenantTx(tenantId, (tx) => upsertCustomerBatch(tx, tenantId, current, { channel: 'bench-base', importId: null, now, fuzzy: false }));
    rows += current.length;
    if (rows % 100_000 < BATCH) log(rows);
  };
  for await (const r of opened.rows()) {
    if (!r.ok || !r.customer) {
      rejected++;
      continue;
    }
    batch.push({ ...r.customer, line: r.line });
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return { rows, rejected };
}
