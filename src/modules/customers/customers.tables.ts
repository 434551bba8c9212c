import { bigint, integer, jsonb, numeric, pgTable, primaryKey, real, boolean, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const customers = pgTable(
  'customers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<'person' | 'company'>().notNull(),
    name: text('name').notNull(),
    mobile: text('mobile'),
    email: text('email'),
    nationalId: text('national_id'),
    creditCode: text('credit_code'),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    street: text('street'),
    address: text('address'),
    industry: text('industry'),
    source: text('source'),
    ownerUserId: uuid('owner_user_id'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    namePinyin: text('name_pinyin'),
    nameInitials: text('name_initials'),
    mobileStatus: text('mobile_status').$type<'valid' | 'invalid' | 'dead'>(),
    flags: text('flags').array().notNull().default([]),
    completeness: smallint('completeness').notNull().default(0),
    mergedInto: uuid('merged_into'),
    externalId: text('external_id'),
    rejectedValues: jsonb('rejected_values').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const customerIdentities = pgTable(
  'customer_identities',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').$type<'mobile' | 'national_id' | 'credit_code' | 'email' | 'external'>().notNull(),
    value: text('value').notNull(),
    customerId: uuid('customer_id').notNull(),
    source: text('source'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.value] })],
);

export const customerMatchKeys = pgTable(
  'customer_match_keys',
  { tenantId: uuid('tenant_id').notNull(), key: text('key').notNull(), customerId: uuid('customer_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.key, t.customerId] })],
);

export const customerTags = pgTable(
  'customer_tags',
  { tenantId: uuid('tenant_id').notNull(), customerId: uuid('customer_id').notNull(), tag: text('tag').notNull(), createdAt: ts('created_at').notNull().defaultNow() },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId, t.tag] })],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    name: text('name').notNull(),
    mobile: text('mobile'),
    email: text('email'),
    title: text('title'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const customerSources = pgTable(
  'customer_sources',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel').notNull(),
    importId: uuid('import_id'),
    line: integer('line'),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const orders = pgTable(
  'orders',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel').notNull(),
    orderNo: text('order_no').notNull(),
    orderedAt: ts('ordered_at').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    items: jsonb('items').$type<{ name: string; quantity?: number; price?: number }[]>().notNull().default([]),
    importId: uuid('import_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const customerMerges = pgTable(
  'customer_merges',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    score: real('score'),
    reasons: jsonb('reasons').$type<unknown[]>().notNull().default([]),
    survivorBefore: jsonb('survivor_before').$type<Record<string, unknown>>().notNull(),
    moved: jsonb('moved').$type<Record<string, unknown>>().notNull(),
    decidedBy: uuid('decided_by'),
    automatic: boolean('automatic').notNull().default(false),
    at: ts('at').notNull().defaultNow(),
    undoneAt: ts('undone_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const matchReviews = pgTable(
  'match_reviews',
  {
    tenantId: uuid('tenant_id').notNull(),
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    status: text('status').$type<'pending' | 'merged' | 'rejected'>().notNull().default('pending'),
    createdAt: ts('created_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.aId, t.bId] })],
);

export const customerSettings = pgTable('customer_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
