import { z } from 'zod';
import { conditionSchema } from '../../lib/conditions.ts';
import { LEAD_FACT_FIELDS } from '../../lib/sales-facts.ts';
import { METHODS } from './rules/choose.ts';

export const leadCondition = conditionSchema(LEAD_FACT_FIELDS);

const settings = z.strictObject({
  alpha: z.number().min(0).max(10).optional(),
  softCap: z.number().int().min(1).max(100_000).optional(),
  basePrior: z.number().min(0).max(10_000).optional(),
  featurePrior: z.number().min(0).max(10_000).optional(),
});

export const ruleBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  condition: leadCondition.default({ all: [] }),
  method: z.enum(METHODS),
  userIds: z.array(z.uuid()).max(500).default([]),
  teamId: z.uuid().nullable().default(null),
  cap: z.number().int().min(1).max(100_000).nullable().default(null),
  settings: settings.default({}),
});
export type RuleInput = z.infer<typeof ruleBody>;

export const rulePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  condition: leadCondition.optional(),
  method: z.enum(METHODS).optional(),
  userIds: z.array(z.uuid()).max(500).optional(),
  teamId: z.uuid().nullable().optional(),
  cap: z.number().int().min(1).max(100_000).nullable().optional(),
  settings: settings.optional(),
});
export type RulePatch = z.infer<typeof rulePatchBody>;

export const ruleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number(),
  enabled: z.boolean(),
  condition: z.unknown(),
  method: z.enum(METHODS),
  userIds: z.array(z.string()),
  teamId: z.string().nullable(),
  cap: z.number().nullable(),
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const orderBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });

const factsInput = z.strictObject({
  source: z.string().max(100).default('api'),
  channel: z.string().max(100).nullable().default(null),
  industry: z.string().max(100).nullable().default(null),
  province: z.string().max(100).nullable().default(null),
  region: z.string().max(100).nullable().optional(),
  companySize: z.string().max(100).nullable().default(null),
  ageBand: z.string().max(20).nullable().default(null),
  hasCompany: z.boolean().default(false),
  hasCreditCode: z.boolean().default(false),
  hasMobile: z.boolean().default(true),
  hasEmail: z.boolean().default(false),
  completeness: z.number().min(0).max(100).default(0),
  daysSinceCreated: z.number().min(0).default(0),
  daysSinceActivity: z.number().min(0).nullable().default(null),
  activityCount: z.number().int().min(0).default(0),
  score: z.number().min(0).max(100).nullable().default(null),
});
export const previewBody = z.strictObject({ facts: factsInput });

const anyReason = z.record(z.string(), z.unknown());
export const previewSchema = z.object({
  decision: z
    .object({ ruleId: z.string(), ruleName: z.string(), method: z.enum(METHODS), userId: z.string().nullable(), userName: z.string().nullable(), teamId: z.string().nullable(), reason: anyReason })
    .nullable(),
  miss: anyReason.nullable(),
});

export const availabilitySchema = z.object({
  userId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  absentFrom: z.string().nullable(),
  absentUntil: z.string().nullable(),
  leadCap: z.number().nullable(),
  absentToday: z.boolean(),
});

const day = z.iso.date();
export const availabilityBody = z
  .strictObject({
    absentFrom: day.nullable().default(null),
    absentUntil: day.nullable().default(null),
    leadCap: z.number().int().min(1).max(100_000).nullable().default(null),
  })
  .refine((a) => !a.absentFrom || !a.absentUntil || a.absentFrom <= a.absentUntil, { path: ['absentUntil'], message: 'before absentFrom' });

export const userParams = z.object({ userId: z.uuid() });

export const sellerStatsSchema = z.object({
  userId: z.string(),
  tenantRate: z.number(),
  base: z.object({ trials: z.number(), wins: z.number(), rate: z.number() }),
  features: z.array(z.object({ feature: z.string(), trials: z.number(), wins: z.number(), rate: z.number() })),
});

export const historySchema = z.array(
  z.object({
    id: z.string(),
    at: z.string(),
    method: z.string(),
    ruleId: z.string().nullable(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
    teamId: z.string().nullable(),
    byUserId: z.string().nullable(),
    byUserName: z.string().nullable(),
    reason: z.unknown(),
  }),
);
