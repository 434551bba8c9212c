import { boolean, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export type LeadStatus = 'new' | 'working' | 'qualified' | 'disqualified';
export type ScoreReason = { kind: 'rule' | 'model'; label: string; weight: number };

export const leads = pgTable(
  'leads',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    mobile: text('mobile'),
    email: text('email'),
    creditCode: text('credit_code'),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    address: text('address'),
    industry: text('industry'),
    companySize: text('company_size'),
    birthYear: smallint('birth_year'),
    source: text('source').notNull(),
    channel: text('channel'),
    status: text('status').$type<LeadStatus>().notNull().default('new'),
    disqualifyReason: text('disqualify_reason'),
    customerId: uuid('customer_id'),
    linkedExisting: boolean('linked_existing').notNull().default(false),
    ownerUserId: uuid('owner_user_id'),
    queueTeamId: uuid('queue_team_id'),
    assignedAt: ts('assigned_at'),
    score: smallint('score'),
    scoreReasons: jsonb('score_reasons').$type<unknown[]>().notNull().default([]),
    scoredAt: ts('scored_at'),
    completeness: smallint('completeness').notNull().default(0),
    lastActivityAt: ts('last_activity_at'),
    activityCount: integer('activity_count').notNull().default(0),
    qualifiedAt: ts('qualified_at'),
    disqualifiedAt: ts('disqualified_at'),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    flags: text('flags').array().notNull().default([]),
    importId: uuid('import_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const leadRejects = pgTable(
  'lead_rejects',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    source: text('source').notNull(),
    channel: text('channel'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    reasons: text('reasons').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type ActivityKind = 'call' | 'visit' | 'wechat' | 'email' | 'note';

export const leadActivities = pgTable(
  'lead_activities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    leadId: uuid('lead_id').notNull(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    note: text('note'),
    userId: uuid('user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const webForms = pgTable(
  'web_forms',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    channel: text('channel'),
    fields: text('fields').array().notNull(),
    thankYou: text('thank_you'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const webFormSubmissions = pgTable(
  'web_form_submissions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    formId: uuid('form_id').notNull(),
    ip: text('ip'),
    outcome: text('outcome').$type<'created' | 'duplicate' | 'rejected' | 'spam'>().notNull(),
    leadId: uuid('lead_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
