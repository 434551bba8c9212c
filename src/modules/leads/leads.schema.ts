import { z } from 'zod';
import { COMPANY_SIZES } from '../../lib/sales-facts.ts';
import { listQuery, page } from '../../server/pagination.ts';

const text = (max: number) => z.string().trim().max(max).nullish();

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified'] as const;
export const DISQUALIFY_REASONS = ['no_need', 'no_budget', 'unreachable', 'competitor', 'duplicate', 'spam', 'other'] as const;
export const ACTIVITY_KINDS = ['call', 'visit', 'wechat', 'email', 'note'] as const;

const factValue = z.union([z.string(), z.number(), z.boolean()]).nullable().optional();
/** A reason as scoring writes it: a label plus the data behind it, so the web can translate it. */
export const scoreReasonSchema = z.object({
  kind: z.enum(['rule', 'model']),
  label: z.string(),
  weight: z.number(),
  ruleId: z.string().optional(),
  field: z.string().optional(),
  value: factValue,
  field2: z.string().optional(),
  value2: factValue,
  from: z.number().optional(),
  to: z.number().nullable().optional(),
});

export const leadSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  creditCode: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  companySize: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  source: z.string(),
  channel: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  disqualifyReason: z.string().nullable(),
  customerId: z.uuid().nullable(),
  linkedExisting: z.boolean(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  queueTeamId: z.uuid().nullable(),
  assignedAt: z.string().nullable(),
  score: z.number().int().nullable(),
  scoreReasons: z.array(scoreReasonSchema),
  completeness: z.number().int(),
  lastActivityAt: z.string().nullable(),
  activityCount: z.number().int(),
  qualifiedAt: z.string().nullable(),
  disqualifiedAt: z.string().nullable(),
  notes: z.string().nullable(),
  flags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;
export const leadPage = page(leadSchema);

/** Fields a person may type into a lead; shared by the API, web forms and imports. */
export const leadFieldsBody = {
  name: text(100),
  company: text(200),
  title: text(100),
  mobile: text(40),
  email: text(200),
  creditCode: text(40),
  province: text(50),
  city: text(50),
  district: text(50),
  address: text(300),
  industry: text(100),
  companySize: text(40),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  notes: text(2000),
};

export const leadCreateBody = z.strictObject({
  ...leadFieldsBody,
  source: z.string().trim().min(1).max(50).default('api'),
  channel: text(100),
  ownerUserId: z.uuid().nullish(),
});

export const leadBatchBody = z.strictObject({
  source: z.string().trim().min(1).max(50).default('api'),
  channel: text(100),
  leads: z.array(z.strictObject(leadFieldsBody)).min(1).max(1000),
});

export const leadUpdateBody = z.strictObject({ ...leadFieldsBody, companySize: z.enum(COMPANY_SIZES).nullish(), channel: text(100) });

export const leadListQuery = z.object({
  ...listQuery,
  status: z.enum(LEAD_STATUSES).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  owner: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  queueTeamId: z.uuid().optional(),
  source: z.string().max(50).optional(),
  channel: z.string().max(100).optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(['-createdAt', '-score', 'score']).default('-createdAt'),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;

export const qualifyBody = z.strictObject({
  kind: z.enum(['person', 'company']).optional(),
  opportunity: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      amount: z.number().min(0).max(1e12).optional(),
      pipelineId: z.uuid().optional(),
      expectedCloseDate: z.iso.date().optional(),
    })
    .optional(),
});

export const disqualifyBody = z.strictObject({ reason: z.enum(DISQUALIFY_REASONS), note: text(500) });

export const activityBody = z.strictObject({ kind: z.enum(ACTIVITY_KINDS), note: text(2000), at: z.iso.datetime({ offset: true }).optional() });
export const activitySchema = z.object({ id: z.uuid(), kind: z.enum(ACTIVITY_KINDS), note: z.string().nullable(), userId: z.uuid().nullable(), userName: z.string().nullable(), at: z.string() });

export const assignBody = z
  .strictObject({ leadIds: z.array(z.uuid()).min(1).max(1000), userId: z.uuid().optional(), teamId: z.uuid().optional(), note: text(500) })
  .refine((b) => Boolean(b.userId) !== Boolean(b.teamId), { path: ['userId'], message: 'exactly one of userId or teamId' });

export const intakeSummary = z.object({
  read: z.number().int(),
  created: z.number().int(),
  linked: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  assigned: z.number().int(),
});

export const rejectSchema = z.object({ id: z.uuid(), source: z.string(), channel: z.string().nullable(), payload: z.record(z.string(), z.unknown()), reasons: z.array(z.string()), createdAt: z.string() });
