import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { refreshStaleStatistics } from '../../db/statistics.ts';
import type { Actor } from '../../server/caller.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { csvLine, customerChangeRecord, deleteOrders, getCustomerSettings, prepareCustomerRows, revertCustomerChange, upsertCustomerBatch, upsertOrderBatch, type IncomingCustomer, type PreparedCustomerRow } from '../customers/index.ts';
import { revertImportedLeads } from '../leads/index.ts';
import { discardFile, materializeFile, storeFile } from './import-files.service.ts';
import { recordChanges, type ImportChange } from './import-changes.repo.ts';
import { applyLeadRows } from './import-leads.service.ts';
import { importChanges, importRejects, imports, importTemplates, type ImportCounts, type ImportStatus, type ImportType } from './imports.tables.ts';
import { openImportFile, type FieldMapping, type RowResult } from './parsing.ts';
import { isFieldOf } from './rules/fields.ts';
import { checkMapping } from './rules/header-mapping.ts';

export const BATCH_ROWS = 1000;
const EMPTY_COUNTS: ImportCounts = { read: 0, created: 0, updated: 0, merged: 0, rejected: 0 };

export type ImportView = {
  id: string;
  type: ImportType;
  channel: string;
  fileName: string;
  fileSize: number;
  encoding: string | null;
  mapping: FieldMapping;
  status: ImportStatus;
  doneLine: number;
  counts: ImportCounts;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

type ImportRow = typeof imports.$inferSelect;
const view = (r: ImportRow): ImportView => ({
  id: r.id,
  type: r.type,
  channel: r.channel,
  fileName: r.fileName,
  fileSize: r.fileSize,
  encoding: r.encoding,
  mapping: r.mapping as FieldMapping,
  status: r.status,
  doneLine: r.doneLine,
  counts: r.counts,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

async function findImport(tx: Tx, id: string): Promise<ImportRow> {
  const [row] = await tx.select().from(imports).where(eq(imports.id, id));
  if (!row) throw notFound();
  return row;
}

export const getImport = async (tx: Tx, id: string) => view(await findImport(tx, id));

export async function listImports(tx: Tx, filter: { limit: number; cursor?: string }): Promise<Page<ImportView>> {
  const { where, orderBy } = keyset({ column: imports.createdAt, direction: 'desc' }, imports.id, filter.cursor);
  const rows = await tx.select().from(imports).where(where).orderBy(...orderBy).limit(filter.limit + 1);
  return toPage(rows, filter.limit, view, (r) => [r.createdAt.toISOString(), r.id]);
}

export type Preview = { importId: string; lineCount: number | null; encoding: string; headers: string[]; mapping: FieldMapping; unmappedHeaders: string[]; sample: string[][]; template: string | null };

/**
 * Step one of an import: keep the file, read its header, guess the mapping (or apply a saved
 * template) and show a few rows. Nothing is imported until `startImport`.
 */
export async function uploadImport(
  db: Database,
  actor: Actor,
  input: { type: ImportType; channel: string; fileName: string; body: Buffer | NodeJS.ReadableStream; template?: string },
): Promise<Preview> {
  const id = randomUUID();
  const template = input.template
    ? await db.tenantTx(actor.tenantId, async (tx) => {
        const [t] = await tx.select().from(importTemplates).where(eq(importTemplates.name, input.template!));
        if (!t) throw new AppError(400, 'validation_failed', { template: 'invalid_reference' });
        return t;
      })
    : undefined;
  await db.tenantTx(actor.tenantId, (tx) =>
    tx.insert(imports).values({ tenantId: actor.tenantId, id, type: input.type, channel: input.channel, fileName: input.fileName, fileSize: 0, fileSha256: '', mapping: {}, counts: EMPTY_COUNTS, createdBy: actor.userId }),
  );
  const stored = await storeFile(db, actor.tenantId, id, input.body as Buffer).catch(async (error: unknown) => {
    // Refused or cut off half-way (too large, connection lost): keep no pieces of it.
    await discardFile(db, actor.tenantId, id);
    await db.tenantTx(actor.tenantId, (tx) => tx.update(imports).set({ status: 'failed', error: (error as Error).message, finishedAt: new Date() }).where(eq(imports.id, id)));
    throw error;
  });
  const { file, cleanup } = await materializeFile(db, actor.tenantId, id, input.fileName);
  try {
    const opened = await openImportFile(file, input.type, template?.mapping as FieldMapping | undefined);
    await db.tenantTx(actor.tenantId, (tx) =>
      tx.update(imports).set({ fileSize: stored.size, fileSha256: stored.sha256, encoding: opened.encoding, mapping: opened.mapping }).where(eq(imports.id, id)),
    );
    return { importId: id, lineCount: opened.lineCount, encoding: opened.encoding, headers: opened.headers, mapping: opened.mapping, unmappedHeaders: opened.unmappedHeaders, sample: opened.sample, template: template?.name ?? null };
  } catch (error) {
    await db.tenantTx(actor.tenantId, (tx) => tx.update(imports).set({ status: 'failed', error: (error as Error).message, fileSize: stored.size, fileSha256: stored.sha256 }).where(eq(imports.id, id)));
    throw error;
  } finally {
    await cleanup();
  }
}

/** Step two: confirm (or edit) the mapping, optionally save it as the channel's template, and queue the import. */
export async function startImport(tx: Tx, actor: Actor, id: string, input: { mapping?: FieldMapping; saveTemplateAs?: string }): Promise<ImportView> {
  const row = await findImport(tx, id);
  if (row.status !== 'draft') throw conflict('conflict');
  const mapping = input.mapping ?? (row.mapping as FieldMapping);
  const wrongType = Object.entries(mapping).filter(([, f]) => f !== 'ignore' && !isFieldOf(row.type, f));
  if (wrongType.length) throw new AppError(400, 'validation_failed', Object.fromEntries(wrongType.map(([h]) => [`mapping.${h}`, 'invalid_value'])));
  const columns = Object.entries(mapping).map(([header, field], index) => ({ index, header, field: field === 'ignore' ? null : field, confidence: 1 }));
  const check = checkMapping({ columns, unmapped: [] }, row.type);
  if (!check.ok) throw new AppError(400, 'validation_failed', { mapping: check.code }, {}, { reason: check.code, fields: 'fields' in check ? check.fields : [] });
  if (input.saveTemplateAs) {
    await tx
      .insert(importTemplates)
      .values({ tenantId: actor.tenantId, name: input.saveTemplateAs, type: row.type, mapping })
      .onConflictDoUpdate({ target: [importTemplates.tenantId, importTemplates.name], set: { mapping, type: row.type, updatedAt: new Date() } });
  }
  const [updated] = await tx.update(imports).set({ mapping, status: 'queued' }).where(eq(imports.id, id)).returning();
  await recordAudit(tx, actor, { action: 'import.start', entity: 'import', entityId: id, after: { fileName: row.fileName, channel: row.channel, mapping } });
  return view(updated!);
}

export type Progress = (state: { counts: ImportCounts; doneLine: number }) => void;

/**
 * A large import changes the tables' shape faster than autovacuum notices (and the embedded
 * database has no autovacuum): without fresh statistics the planner walks a whole tenant for a
 * name search (seconds instead of milliseconds at a million customers). Best effort.
 */
async function refreshStatistics(db: Database, rows: number) {
  if (rows < 10_000) return;
  await refreshStaleStatistics(db).catch(() => undefined);
}

/**
 * Runs a queued (or interrupted) import to the end, batch by batch. Each batch commits together
 * with the import's progress, so a killed import resumes after its last whole batch and never
 * applies a row twice; a second runner of the same import waits on the row lock and skips
 * what is done.
 */
export async function runImport(db: Database, tenantId: string, id: string, onProgress?: Progress): Promise<ImportView> {
  const start = await db.tenantTx(tenantId, async (tx) => {
    const row = await findImport(tx, id);
    if (row.status === 'queued') await tx.update(imports).set({ status: 'running' }).where(eq(imports.id, id));
    return row;
  });
  if (start.status !== 'queued' && start.status !== 'running') return view(start);
  const { file, cleanup } = await materializeFile(db, tenantId, id, start.fileName);
  let inFlight: Promise<void> = Promise.resolve();
  try {
    const opened = await openImportFile(file, start.type, start.mapping as FieldMapping);
    let batch: RowResult[] = [];
    // One batch in the database while the next is read, cleaned and made ready for matching:
    // the file and the database each get a core. Batches still apply one after another, in file
    // order. The field template (for completeness) is the one in force when the import started.
    const templates = start.type === 'customers' ? (await db.tenantTx(tenantId, (tx) => getCustomerSettings(tx))).fieldTemplates : null;
    const flush = async () => {
      if (batch.length === 0) return await inFlight;
      const rows = batch;
      batch = [];
      const prepared = templates ? prepareCustomerRows(incomingCustomers(rows, start), { channel: start.channel, now: new Date(), templates }) : undefined;
      await inFlight;
      inFlight = db.tenantTx(tenantId, (tx) => applyBatch(tx, tenantId, id, rows, prepared)).then((state) => onProgress?.(state));
      // Surfaces a failed batch at the next await without an unhandled rejection meanwhile.
      inFlight.catch(() => undefined);
    };
    for await (const row of opened.rows()) {
      if (row.line <= start.doneLine) continue;
      batch.push(row);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
    await inFlight;
    const finished = await db.tenantTx(tenantId, async (tx) => {
      const [done] = await tx.update(imports).set({ status: 'done', finishedAt: new Date() }).where(and(eq(imports.id, id), eq(imports.status, 'running'))).returning();
      return view(done ?? (await findImport(tx, id)));
    });
    await refreshStatistics(db, finished.counts.read);
    return finished;
  } catch (error) {
    await inFlight.catch(() => undefined);
    await db.tenantTx(tenantId, (tx) => tx.update(imports).set({ status: 'failed', error: (error as Error).message, finishedAt: new Date() }).where(eq(imports.id, id)));
    throw error;
  } finally {
    await cleanup();
  }
}

/** The customers of a batch's good rows, as the customer base takes them. */
function incomingCustomers(rows: RowResult[], row: Pick<ImportRow, 'channel' | 'fileSha256'>): IncomingCustomer[] {
  return rows
    .filter((r): r is Extract<RowResult, { ok: true }> => r.ok)
    .map((r) => ({ ...r.customer!, source: r.customer!.source || row.channel, line: r.line, rowKey: `${row.fileSha256}:${r.line}` }));
}

async function applyBatch(tx: Tx, tenantId: string, id: string, rows: RowResult[], prepared?: Map<number, PreparedCustomerRow>): Promise<{ counts: ImportCounts; doneLine: number }> {
  // Row lock on the import: concurrent runners of one import take turns and skip done lines.
  const [current] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
  const todo = rows.filter((r) => r.line > current!.doneLine);
  const counts = { ...current!.counts };
  const lastLine = rows[rows.length - 1]!.line;
  if (todo.length === 0 || current!.status !== 'running') return { counts, doneLine: current!.doneLine };
  const now = new Date();
  const options = { channel: current!.channel, importId: id, now };
  const rejects = todo.filter((r) => !r.ok);
  const accepted = todo.filter((r): r is Extract<RowResult, { ok: true }> => r.ok);
  counts.read += todo.length;
  counts.rejected += rejects.length;
  if (rejects.length) {
    await tx.insert(importRejects).values(rejects.map((r) => ({ tenantId, importId: id, line: r.line, reasons: r.reasons, raw: r.raw }))).onConflictDoNothing();
  }
  switch (current!.type) {
    case 'customers': {
      const outcomes = await upsertCustomerBatch(tx, tenantId, incomingCustomers(accepted, current!), { ...options, prepared });
      const changes: ImportChange[] = [];
      for (const o of outcomes) {
        if (o.action === 'created') counts.created++;
        else if (o.before === null) counts.merged++;
        else counts.updated++;
        if (o.action === 'created' || o.before) changes.push({ entity: 'customer', entityId: o.customerId, action: o.action, before: customerChangeRecord(o) });
      }
      await recordChanges(tx, tenantId, id, changes);
      break;
    }
    case 'orders': {
      const outcomes = await upsertOrderBatch(tx, tenantId, accepted.map((r) => ({ ...r.order!, line: r.line })), options);
      const changes: ImportChange[] = [];
      for (const o of outcomes) {
        if (o.action === 'created') counts.created++;
        else counts.merged++;
        if (o.orderId) changes.push({ entity: 'order', entityId: o.orderId, action: 'created', before: null });
        if (o.customerCreated) changes.push({ entity: 'customer', entityId: o.customerId, action: 'created', before: null });
      }
      await recordChanges(tx, tenantId, id, changes);
      break;
    }
    case 'leads': {
      const actor = { tenantId, userId: current!.createdBy };
      await applyLeadRows(tx, actor, { importId: id, channel: current!.channel, now }, accepted.map((r) => ({ line: r.line, lead: r.lead! })), counts);
      break;
    }
  }
  await tx.update(imports).set({ counts, doneLine: lastLine }).where(eq(imports.id, id));
  return { counts, doneLine: lastLine };
}

/** Undoes a finished import as a whole, newest change first; the import is marked reverted. */
export async function revertImport(tx: Tx, actor: Actor, id: string): Promise<ImportView> {
  const row = await findImport(tx, id);
  if (row.status !== 'done' && row.status !== 'failed') throw conflict('conflict');
  const changes = await tx.select().from(importChanges).where(eq(importChanges.importId, id)).orderBy(desc(importChanges.seq));
  const now = new Date();
  const orderIds = changes.filter((c) => c.entity === 'order').map((c) => c.entityId);
  for (let i = 0; i < orderIds.length; i += 1000) await deleteOrders(tx, actor.tenantId, orderIds.slice(i, i + 1000));
  for (const change of changes) if (change.entity === 'customer') await revertCustomerChange(tx, actor.tenantId, change, now);
  // Leads the import created go unless someone has worked them (qualified or disqualified).
  if (row.type === 'leads') await revertImportedLeads(tx, actor, id);
  const [updated] = await tx.update(imports).set({ status: 'reverted' }).where(eq(imports.id, id)).returning();
  await recordAudit(tx, actor, { action: 'import.revert', entity: 'import', entityId: id, before: { status: row.status, counts: row.counts } });
  return view(updated!);
}

/** The rejected rows as CSV: line, reasons, and the row as it was in the file. */
export async function rejectsCsv(tx: Tx, id: string): Promise<string> {
  await findImport(tx, id);
  const rows = await tx.select().from(importRejects).where(eq(importRejects.importId, id)).orderBy(asc(importRejects.line));
  return '\uFEFF' + csvLine(['line', 'reasons', 'row']) + rows.map((r) => csvLine([r.line, r.reasons.map((x) => (x.field ? `${x.field}: ${x.code}` : x.code)).join('; '), r.raw])).join('');
}

export async function listTemplates(tx: Tx) {
  const rows = await tx.select().from(importTemplates).orderBy(asc(importTemplates.name));
  return rows.map((r) => ({ name: r.name, type: r.type, mapping: r.mapping as FieldMapping, updatedAt: r.updatedAt.toISOString() }));
}

export async function deleteTemplate(tx: Tx, name: string) {
  const [row] = await tx.delete(importTemplates).where(eq(importTemplates.name, name)).returning();
  if (!row) throw notFound();
}

/** Imports a restart must pick up again: queued, or running when the process stopped. */
export async function unfinishedImports(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ id: imports.id }).from(imports).where(inArray(imports.status, ['queued', 'running']));
  return rows.map((r) => r.id);
}

