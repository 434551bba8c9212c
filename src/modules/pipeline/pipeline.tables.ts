import { boolean, date, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export type StageKind = 'open' | 'won' | 'lost';
export type OpportunityStatus = 'open' | 'won' | 'lost';
export type ProductItem = { name: string; quantity: number; unitPrice: number };
/** As the scoring module gives them: `{ kind, label, weight, … }`; kept loose so its additions pass through. */
export type ScoreReason = { label?: string; weight?: number; [key: string]: unknown };

export const pipelines = pgTable(
  'pipelines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: smallint('probability').notNull(),
    kind: text('kind').$type<StageKind>().notNull().default('open'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const opportunities = pgTable(
  'opportunities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    leadId: uuid('lead_id'),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    name: text('name').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull().default('0'),
    currency: text('currency').notNull().default('CNY'),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    products: jsonb('products').$type<ProductItem[]>().notNull().default([]),
    status: text('status').$type<OpportunityStatus>().notNull().default('open'),
    lostReason: text('lost_reason'),
    ownerUserId: uuid('owner_user_id'),
    winProbability: smallint('win_probability'),
    scoreReasons: jsonb('score_reasons').$type<ScoreReason[]>().notNull().default([]),
    scoredAt: ts('scored_at'),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    lastActivityAt: ts('last_activity_at'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    opportunityId: uuid('opportunity_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    userId: uuid('user_id'),
    enteredAt: ts('entered_at').notNull().defaultNow(),
    leftAt: ts('left_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;
export type OpportunityRow = typeof opportunities.$inferSelect;
