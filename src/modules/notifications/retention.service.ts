import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { notifications, webhookDeliveries } from './notifications.tables.ts';

const DAY = 86_400_000;

/** How long the bell and the delivery log keep what is done with: a notice, not a record (the audit log is that). */
export const RETENTION = {
  /** A read notification, from when it was read. */
  readNotificationDays: 90,
  /** Any notification, read or not, from when it was sent. */
  notificationDays: 365,
  /** A webhook delivery that was delivered or gave up, from when it was created. */
  finishedDeliveryDays: 90,
} as const;

export type Pruned = { notifications: number; deliveries: number };

/** Deletes the tenant's notifications and finished webhook deliveries past their retention. */
export async function pruneNotifications(tx: Tx, now: Date): Promise<Pruned> {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const gone = await tx
    .delete(notifications)
    .where(or(and(isNotNull(notifications.readAt), lt(notifications.readAt, before(RETENTION.readNotificationDays))), lt(notifications.createdAt, before(RETENTION.notificationDays))))
    .returning({ id: notifications.id });
  const delivered = await tx
    .delete(webhookDeliveries)
    .where(and(sql`${webhookDeliveries.status} <> 'pending'`, lt(webhookDeliveries.createdAt, before(RETENTION.finishedDeliveryDays))))
    .returning({ id: webhookDeliveries.id });
  return { notifications: gone.length, deliveries: delivered.length };
}
