import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';

const stageKind = z.enum(['open', 'won', 'lost']);
const status = z.enum(['open', 'won', 'lost']);
const name = z.string().trim().min(1).max(100);
const probability = z.number().int().min(0).max(100);

export const stageSchema = z.object({ id: z.uuid(), name: z.string(), position: z.number().int(), probability: z.number().int(), kind: stageKind });
export const pipelineSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  isDefault: z.boolean(),
  stages: z.array(stageSchema),
});

export const stageInput = z.strictObject({ name, probability, kind: stageKind.default('open') });
export const pipelineCreateBody = z.strictObject({ name, isDefault: z.boolean().optional(), stages: z.array(stageInput).min(1).max(30).optional() });
export const pipelineUpdateBody = z.strictObject({ name: name.optional(), isDefault: z.literal(true).optional(), position: z.number().int().min(0).max(1000).optional() });
export const stageCreateBody = z.strictObject({ ...stageInput.shape, position: z.number().int().min(0).max(1000).optional() });
export const stageUpdateBody = z.strictObject({ name: name.optional(), probability: probability.optional(), kind: stageKind.optional() });
export const stageOrderBody = z.strictObject({ stageIds: z.array(z.uuid()).min(1).max(30) });
export const stageParams = z.object({ id: z.uuid(), stageId: z.uuid() });

export const productSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  quantity: z.number().positive().max(1e9),
  unitPrice: z.number().min(0).max(1e12),
});
const amount = z.number().min(0).max(999_999_999_999.99);
const closeDate = z.iso.date();

export const opportunityCreateBody = z.strictObject({
  customerId: z.uuid(),
  leadId: z.uuid().nullish(),
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  amount: amount.nullish(),
  currency: z.string().trim().regex(/^[A-Z]{3}$/).default('CNY'),
  expectedCloseDate: closeDate.nullish(),
  products: z.array(productSchema).max(200).default([]),
  ownerUserId: z.uuid().optional(),
});
export const opportunityUpdateBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  amount: amount.nullish(),
  currency: z.string().trim().regex(/^[A-Z]{3}$/).optional(),
  expectedCloseDate: closeDate.nullish(),
  products: z.array(productSchema).max(200).optional(),
  ownerUserId: z.uuid().optional(),
  version: z.number().int().positive().optional(),
});

export const opportunitySchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  leadId: z.uuid().nullable(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  stageName: z.string().nullable(),
  stageProbability: z.number().nullable(),
  name: z.string(),
  amount: z.string(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  products: z.array(z.object({ name: z.string(), quantity: z.number(), unitPrice: z.number() })),
  status,
  lostReason: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  winProbability: z.number().nullable(),
  scoreReasons: z.array(z.record(z.string(), z.unknown())),
  stageEnteredAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const opportunityPage = page(opportunitySchema);

export const opportunityListQuery = z.strictObject({
  ...listQuery,
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  ownerUserId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  status: status.optional(),
});

export const boardQuery = z.strictObject({ ownerUserId: z.uuid().optional(), recentDays: z.coerce.number().int().min(1).max(365).default(30) });
export const boardSchema = z.object({
  pipeline: pipelineSchema,
  columns: z.array(z.object({ stage: stageSchema, count: z.number().int(), amount: z.string(), items: z.array(opportunitySchema) })),
});

export const moveBody = z.strictObject({ stageId: z.uuid(), version: z.number().int().positive().optional() });
export const closeBody = z.strictObject({ version: z.number().int().positive().optional() }).optional();
export const lostBody = z.strictObject({ reason: z.string().trim().min(1).max(500), version: z.number().int().positive().optional() });

export const historySchema = z.array(
  z.object({
    id: z.uuid(),
    stageId: z.uuid(),
    stageName: z.string().nullable(),
    fromStageId: z.uuid().nullable(),
    enteredAt: z.string(),
    leftAt: z.string().nullable(),
    /** Seconds spent in the stage; for the current stay of an open opportunity, until now. */
    durationSeconds: z.number().nullable(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
  }),
);
