import { z } from 'zod';
import { scoringSettingsSchema } from './scoring-settings.service.ts';

export const targetSchema = z.enum(['lead', 'opportunity']);
export const targetQuery = z.object({ target: targetSchema });

/** Checked against the target's fact fields in the service, so a bad clause is named by its path. */
const conditionBody = z
  .record(z.string(), z.unknown())
  .describe('A condition: `{ "all" | "any": [ { field, op, value } | condition ] }` over the target’s facts (see LEAD_FACT_FIELDS / OPPORTUNITY_FACT_FIELDS)');

const ruleFields = {
  name: z.string().trim().min(1).max(100),
  condition: conditionBody,
  points: z.number().int().min(-100).max(100),
  enabled: z.boolean().optional(),
};
export const ruleCreateBody = z.strictObject({ target: targetSchema, ...ruleFields });
export const ruleUpdateBody = z.strictObject({
  name: ruleFields.name.optional(),
  condition: conditionBody.optional(),
  points: ruleFields.points.optional(),
  enabled: z.boolean().optional(),
});
export const reorderBody = z.strictObject({ target: targetSchema, ids: z.array(z.uuid()).max(200) });

export const ruleSchema = z.object({
  id: z.uuid(),
  target: targetSchema,
  name: z.string(),
  condition: z.record(z.string(), z.unknown()),
  points: z.number(),
  enabled: z.boolean(),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ruleList = z.object({ items: z.array(ruleSchema) });

export const reasonSchema = z.object({
  kind: z.enum(['rule', 'model']),
  label: z.string(),
  weight: z.number(),
  ruleId: z.string().optional(),
  field: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  field2: z.string().optional(),
  value2: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  from: z.number().optional(),
  to: z.number().nullable().optional(),
});

export const modelSummarySchema = z.object({
  id: z.uuid(),
  target: targetSchema,
  status: z.enum(['active', 'insufficient', 'retired']),
  algorithm: z.string(),
  samples: z.number(),
  positives: z.number(),
  negatives: z.number(),
  auc: z.number().nullable(),
  ruleAuc: z.number().nullable(),
  blendAuc: z.number().nullable(),
  trainRows: z.number(),
  heldOutRows: z.number(),
  minHistory: z.number(),
  minPerClass: z.number(),
  trainedAt: z.string(),
  topWeights: z.array(reasonSchema),
});
export const modelStatusList = z.object({
  items: z.array(z.object({ target: targetSchema, modelActive: z.boolean(), registered: z.boolean(), latest: modelSummarySchema.nullable() })),
});

export const retrainBody = z.strictObject({ target: targetSchema.optional() });
export const retrainResponse = z.object({
  results: z.array(z.object({ target: targetSchema, model: modelSummarySchema, rescored: z.number().nullable() })),
});

const factValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);
export const previewBody = z.strictObject({ target: targetSchema, facts: z.record(z.string().max(50), factValue) });
export const previewResponse = z.object({
  score: z.number(),
  ruleScore: z.number(),
  probability: z.number().nullable(),
  modelActive: z.boolean(),
  reasons: z.array(reasonSchema),
});

export { scoringSettingsSchema };
