import { z } from 'zod';

export const HANDOVER_INCLUDES = ['leads', 'customers', 'opportunities', 'tasks'] as const;
export const HANDOVER_METHODS = ['round_robin', 'least_loaded'] as const;
export const HANDOVER_ITEM_TYPES = ['lead', 'customer', 'opportunity', 'task'] as const;

/** A person's book to one colleague, or spread over a team's active members. */
export const handoverBody = z
  .strictObject({
    fromUserId: z.uuid(),
    toUserId: z.uuid().optional(),
    toTeamId: z.uuid().optional(),
    method: z.enum(HANDOVER_METHODS).optional(),
    include: z.array(z.enum(HANDOVER_INCLUDES)).min(1).max(HANDOVER_INCLUDES.length).optional(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((b) => !(b.toUserId && b.toTeamId), { path: ['toTeamId'], message: 'exactly_one' })
  .refine((b) => Boolean(b.toUserId || b.toTeamId), { path: ['toUserId'], message: 'required' })
  .refine((b) => !b.toTeamId || Boolean(b.method), { path: ['method'], message: 'required' });
export type HandoverBody = z.infer<typeof handoverBody>;

/** Open follow-up tasks (`tasks`) go with their record, or are spread like the rest of the book. */
const counts = { leads: z.number().int(), customers: z.number().int(), opportunities: z.number().int(), tasks: z.number().int() };

export const handoverPreview = z.object({
  fromUserId: z.uuid(),
  fromName: z.string(),
  totals: z.object(counts),
  recipients: z.array(z.object({ userId: z.uuid(), name: z.string(), ...counts })),
  /** The first items of the plan, at most 50: records first, then tasks (`title` is the task's). */
  sample: z.array(z.object({ type: z.enum(HANDOVER_ITEM_TYPES), id: z.uuid(), title: z.string(), toUserId: z.uuid() })),
});
export type HandoverPreview = z.infer<typeof handoverPreview>;

/** What moved: the preview's figures as they came out, and the id the movements and audit entry carry. */
export const handoverResult = handoverPreview.extend({ handoverId: z.uuid() });
export type HandoverResult = z.infer<typeof handoverResult>;
