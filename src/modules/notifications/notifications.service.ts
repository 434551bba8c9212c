import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import type { Notification } from './notifications.schema.ts';
import { notifications } from './notifications.tables.ts';

export type NotificationItem = { userId: string; kind: string; data?: Record<string, unknown>; link?: string | null };

type Row = typeof notifications.$inferSelect;
const present = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  data: r.data,
  link: r.link,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** A path inside the web app; anything else would let a notification send the user off-site. */
const isAppPath = (link: string) => link.startsWith('/') && !link.startsWith('//') && !link.includes('\\');

/**
 * Tells users something, in the caller's transaction: one statement however many rows, and
 * nothing is shown if the transaction rolls back.
 */
export async function notify(tx: Tx, tenantId: string, items: readonly NotificationItem[]): Promise<void> {
  if (items.length === 0) return;
  for (const item of items) {
    if (!item.kind) throw new Error('notify: kind is empty');
    if (item.link && !isAppPath(item.link)) throw new Error(`notify: link must be a path inside the app, got ${item.link}`);
  }
  const col = <T>(pick: (item: NotificationItem) => T) => sql.param(items.map(pick));
  await tx.execute(sql`
    INSERT INTO notifications (tenant_id, user_id, kind, data, link)
    SELECT ${tenantId}::uuid, u.* FROM unnest(
      ${col((i) => i.userId)}::uuid[], ${col((i) => i.kind)}::text[],
      ${col((i) => JSON.stringify(i.data ?? {}))}::jsonb[], ${col((i) => i.link ?? null)}::text[]
    ) AS u`);
}

export type NotificationFilter = { unread: boolean; limit: number; cursor?: string };

/** The caller's own notifications, newest first. */
export async function listNotifications(tx: Tx, caller: Caller, filter: NotificationFilter): Promise<Page<Notification>> {
  const { where: after, orderBy } = keyset({ column: notifications.createdAt, direction: 'desc' }, notifications.id, filter.cursor);
  const rows = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, caller.userId), filter.unread ? isNull(notifications.readAt) : undefined, after))
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, present, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function unreadCount(tx: Tx, caller: Caller): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, caller.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Someone else's notification answers 404, like a record outside one's data scope. */
export async function markRead(tx: Tx, caller: Caller, id: string): Promise<Notification> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, caller.userId)))
    .returning();
  if (!row) throw notFound();
  return present(row);
}

export async function markAllRead(tx: Tx, caller: Caller): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, caller.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
