import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationPage = page(notificationSchema);

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: listQuery.limit,
  cursor: listQuery.cursor,
});

/** Event names such as `pool.warning`; `*` subscribes to every event. */
const eventName = z.union([z.literal('*'), z.string().trim().regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/).max(100)]);
/** Only http and https: a webhook must never make the server read a file or speak another protocol. */
const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const webhookBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  url: webhookUrl,
  events: z.array(eventName).min(1).max(50).default(['*']),
  enabled: z.boolean().default(true),
});
export type WebhookInput = z.infer<typeof webhookBody>;

export const webhookPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: webhookUrl.optional(),
  events: z.array(eventName).min(1).max(50).optional(),
  enabled: z.boolean().optional(),
  /** Replaces the signing secret; the new one is in the answer, once. */
  rotateSecret: z.literal(true).optional(),
});
export type WebhookPatch = z.infer<typeof webhookPatchBody>;

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);

export const webhookSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastDelivery: z.object({ status: deliveryStatus, at: z.string() }).nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;
export const webhookWithSecret = webhookSchema.extend({ secret: z.string().describe('The signing secret, shown only in this answer') });

export const deliverySchema = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  event: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: deliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryPage = page(deliverySchema);
export const deliveryListQuery = z.strictObject({ limit: listQuery.limit, cursor: listQuery.cursor });
