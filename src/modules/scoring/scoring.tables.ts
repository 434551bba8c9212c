import { boolean, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Condition } from '../../lib/conditions.ts';
import type { ScoringTarget } from './rules/rule-score.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const scoringRules = pgTable(
  'scoring_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    target: text('target').$type<ScoringTarget>().notNull(),
    name: text('name').notNull(),
    condition: jsonb('condition').$type<Condition>().notNull(),
    points: smallint('points').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type ModelStatus = 'active' | 'insufficient' | 'retired';

export const scoringModels = pgTable(
  'scoring_models',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    target: text('target').$type<ScoringTarget>().notNull(),
    algorithm: text('algorithm').notNull(),
    status: text('status').$type<ModelStatus>().notNull(),
    samples: integer('samples').notNull(),
    positives: integer('positives').notNull(),
    auc: real('auc'),
    ruleAuc: real('rule_auc'),
    model: jsonb('model').$type<Record<string, unknown>>().notNull().default({}),
    trainedAt: ts('trained_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const scoringSettings = pgTable('scoring_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
