import { z } from 'zod';
import { MOVEMENT_KINDS, RECORD_TYPES } from './pool.schema.ts';

export const collusionEvidence = z.object({
  type: z.enum(RECORD_TYPES),
  id: z.uuid(),
  /** The record's title in the pool; null if the pool no longer knows it. */
  title: z.string().nullable(),
  leftKind: z.enum(['fall', 'release']),
  leftAt: z.string(),
  claimedAt: z.string(),
  gapHours: z.number(),
});

export const collusionPair = z.object({
  fromUserId: z.uuid(),
  fromName: z.string().nullable(),
  toUserId: z.uuid(),
  toName: z.string().nullable(),
  /** Distinct records the first let go and the second claimed within the gap. */
  records: z.number().int(),
  medianGapHours: z.number(),
  evidence: z.array(collusionEvidence),
});

export const circulatingRecord = z.object({
  type: z.enum(RECORD_TYPES),
  id: z.uuid(),
  title: z.string().nullable(),
  /** Times it changed hands among the same people. */
  moves: z.number().int(),
  users: z.array(z.object({ userId: z.uuid(), name: z.string().nullable() })),
  history: z.array(z.object({ kind: z.enum(MOVEMENT_KINDS), fromUserId: z.uuid().nullable(), toUserId: z.uuid().nullable(), at: z.string() })),
});

export const collusionReportSchema = z.object({
  pairs: z.array(collusionPair),
  circulating: z.array(circulatingRecord),
});

export type CollusionReport = z.infer<typeof collusionReportSchema>;
