import { bigint, customType, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export type ImportType = 'customers' | 'orders' | 'leads';
export type ImportStatus = 'draft' | 'queued' | 'running' | 'done' | 'failed' | 'reverted';
export type ImportCounts = { read: number; created: number; updated: number; merged: number; rejected: number };

export const importTemplates = pgTable(
  'import_templates',
  {
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<ImportType>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

export const imports = pgTable(
  'imports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').$type<ImportType>().notNull(),
    channel: text('channel').notNull(),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    encoding: text('encoding'),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('draft'),
    doneLine: integer('done_line').notNull().default(0),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const importChunks = pgTable(
  'import_chunks',
  { tenantId: uuid('tenant_id').notNull(), importId: uuid('import_id').notNull(), seq: integer('seq').notNull(), data: bytea('data').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.seq] })],
);

export const importRejects = pgTable(
  'import_rejects',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    reasons: jsonb('reasons').$type<{ field: string | null; code: string }[]>().notNull(),
    raw: text('raw').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.line] })],
);

export const importChanges = pgTable(
  'import_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    entity: text('entity').$type<'customer' | 'order' | 'lead'>().notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').$type<'created' | 'updated'>().notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.seq] })],
);
