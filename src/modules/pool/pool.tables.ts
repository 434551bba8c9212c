import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Condition } from '../../lib/conditions.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export type RecordType = 'lead' | 'customer';
export type RuleKind = 'no_follow_up' | 'no_opportunity' | 'no_won';
export type MovementKind = 'enter' | 'claim' | 'assign' | 'fall' | 'release' | 'move' | 'handover' | 'close';
export type MemberRole = 'member' | 'admin';

export const pools = pgTable(
  'pools',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    isDefault: boolean('is_default').notNull().default(false),
    position: integer('position').notNull().default(0),
    entryCondition: jsonb('entry_condition').$type<Condition | null>(),
    levels: text('levels').array().notNull().default(['A', 'B', 'C']),
    dailyClaimLimit: integer('daily_claim_limit').notNull().default(20),
    privateCap: integer('private_cap').notNull().default(200),
    capCountsWon: boolean('cap_counts_won').notNull().default(false),
    claimWaitMinutes: integer('claim_wait_minutes').notNull().default(0),
    protectionDays: integer('protection_days').notNull().default(7),
    warnDays: integer('warn_days').notNull().default(2),
    exemptWon: boolean('exempt_won').notNull().default(true),
    exemptOpenProbability: smallint('exempt_open_probability'),
    exemptLiveContract: boolean('exempt_live_contract').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const poolMembers = pgTable(
  'pool_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    poolId: uuid('pool_id').notNull(),
    userId: uuid('user_id'),
    teamId: uuid('team_id'),
    role: text('role').$type<MemberRole>().notNull().default('member'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const poolLimits = pgTable(
  'pool_limits',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    poolId: uuid('pool_id').notNull(),
    subjectKind: text('subject_kind').$type<'role' | 'user'>().notNull(),
    subject: text('subject').notNull(),
    dailyClaimLimit: integer('daily_claim_limit'),
    privateCap: integer('private_cap'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const poolRules = pgTable(
  'pool_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    poolId: uuid('pool_id').notNull(),
    level: text('level'),
    kind: text('kind').$type<RuleKind>().notNull(),
    days: integer('days').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const poolRecords = pgTable(
  'pool_records',
  {
    tenantId: uuid('tenant_id').notNull(),
    recordType: text('record_type').$type<RecordType>().notNull(),
    recordId: uuid('record_id').notNull(),
    poolId: uuid('pool_id').notNull(),
    ownerUserId: uuid('owner_user_id'),
    level: text('level'),
    title: text('title').notNull(),
    province: text('province'),
    city: text('city'),
    industry: text('industry'),
    source: text('source'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    enteredAt: ts('entered_at').notNull().defaultNow(),
    claimedAt: ts('claimed_at'),
    lastFollowUpAt: ts('last_follow_up_at'),
    lastOpportunityAt: ts('last_opportunity_at'),
    openProbability: smallint('open_probability'),
    wonAt: ts('won_at'),
    contractUntil: date('contract_until', { mode: 'string' }),
    claimableAt: ts('claimable_at'),
    protectedUserId: uuid('protected_user_id'),
    protectedUntil: ts('protected_until'),
    warnedDeadline: ts('warned_deadline'),
    fallCount: integer('fall_count').notNull().default(0),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.recordType, t.recordId] })],
);

export const poolMovements = pgTable(
  'pool_movements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    recordType: text('record_type').$type<RecordType>().notNull(),
    recordId: uuid('record_id').notNull(),
    kind: text('kind').$type<MovementKind>().notNull(),
    fromUserId: uuid('from_user_id'),
    toUserId: uuid('to_user_id'),
    fromPoolId: uuid('from_pool_id'),
    toPoolId: uuid('to_pool_id'),
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown> | null>(),
    actorUserId: uuid('actor_user_id'),
    runId: uuid('run_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const poolRuns = pgTable(
  'pool_runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    trigger: text('trigger').$type<'schedule' | 'manual'>().notNull().default('schedule'),
    fell: integer('fell').notNull().default(0),
    warned: integer('warned').notNull().default(0),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const poolSettings = pgTable('pool_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  collusionGapHours: integer('collusion_gap_hours').notNull().default(72),
  collusionMinRecords: integer('collusion_min_records').notNull().default(3),
  collusionLookbackDays: integer('collusion_lookback_days').notNull().default(90),
  circulationMinMoves: integer('circulation_min_moves').notNull().default(3),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export type PoolRow = typeof pools.$inferSelect;
export type PoolRecordRow = typeof poolRecords.$inferSelect;
export type MovementRow = typeof poolMovements.$inferSelect;
