import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Condition } from '../../lib/conditions.ts';
import type { Method, RuleSettings } from './rules/choose.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const assignmentRules = pgTable(
  'assignment_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    condition: jsonb('condition').$type<Condition>().notNull(),
    method: text('method').$type<Method>().notNull(),
    userIds: uuid('user_ids').array().notNull().default([]),
    teamId: uuid('team_id'),
    cap: integer('cap'),
    settings: jsonb('settings').$type<RuleSettings>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const assignmentCursors = pgTable(
  'assignment_cursors',
  {
    tenantId: uuid('tenant_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    lastUserId: uuid('last_user_id'),
    turns: bigint('turns', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.ruleId] })],
);

export const sellerAvailability = pgTable(
  'seller_availability',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    absentFrom: date('absent_from', { mode: 'string' }),
    absentUntil: date('absent_until', { mode: 'string' }),
    leadCap: integer('lead_cap'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

export const sellerStats = pgTable(
  'seller_stats',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    feature: text('feature').notNull(),
    trials: integer('trials').notNull().default(0),
    wins: integer('wins').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.feature] })],
);

export const assignmentLog = pgTable(
  'assignment_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    leadId: uuid('lead_id').notNull(),
    ruleId: uuid('rule_id'),
    method: text('method').notNull(),
    userId: uuid('user_id'),
    teamId: uuid('team_id'),
    byUserId: uuid('by_user_id'),
    reason: jsonb('reason').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
