import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { webhooksAllowPrivate } from '../../config.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { invalid, notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import type { Delivery, Webhook, WebhookInput, WebhookPatch } from './notifications.schema.ts';
import { webhookDeliveries, webhooks, type DeliveryStatus } from './notifications.tables.ts';
import { isAllowedWebhookHost } from './rules/webhook-address.ts';

type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

const present = (r: WebhookRow, last?: { status: DeliveryStatus; at: Date } | null): Webhook => ({
  id: r.id,
  name: r.name,
  url: r.url,
  events: r.events,
  enabled: r.enabled,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  lastDelivery: last ? { status: last.status, at: last.at.toISOString() } : null,
});

/** What the audit log keeps of a webhook: never its secret. */
const audited = ({ secret: _secret, tenantId: _tenant, ...rest }: WebhookRow) => rest;

export const presentDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  webhookId: r.webhookId,
  event: r.event,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
  lastError: r.lastError,
  lastStatus: r.lastStatus,
  createdAt: r.createdAt.toISOString(),
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
});

export async function listWebhooks(tx: Tx): Promise<Webhook[]> {
  const rows = await tx.select().from(webhooks).where(isNull(webhooks.deletedAt)).orderBy(webhooks.createdAt, webhooks.id);
  if (rows.length === 0) return [];
  // The newest delivery of each webhook, for an at-a-glance health column.
  const last = await queryRows<{ webhook_id: string; status: DeliveryStatus; at: string }>(
    tx,
    sql`select distinct on (webhook_id) webhook_id, status, coalesce(delivered_at, created_at) as at
        from webhook_deliveries where webhook_id = any(${sql.param(rows.map((r) => r.id))}::uuid[])
        order by webhook_id, created_at desc, id desc`,
  );
  const byHook = new Map(last.map((l) => [l.webhook_id, { status: l.status, at: new Date(l.at) }]));
  return rows.map((r) => present(r, byHook.get(r.id)));
}

async function findWebhook(tx: Tx, id: string): Promise<WebhookRow> {
  const [row] = await tx.select().from(webhooks).where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt)));
  if (!row) throw notFound();
  return row;
}

export async function getWebhook(tx: Tx, id: string): Promise<Webhook> {
  return present(await findWebhook(tx, id));
}

/**
 * Refuses a URL that plainly names this host or the private network, so the admin hears it now
 * rather than from a failed delivery; names that resolve there are refused when delivering.
 */
function checkDestination(url: string) {
  if (!webhooksAllowPrivate() && !isAllowedWebhookHost(new URL(url).hostname)) throw invalid({ url: 'private_address' });
}

/** The secret is in this answer only; later reads never show it. */
export async function createWebhook(tx: Tx, caller: Caller, input: WebhookInput): Promise<Webhook & { secret: string }> {
  checkDestination(input.url);
  const [row] = await tx
    .insert(webhooks)
    .values({ tenantId: caller.tenantId, name: input.name, url: input.url, events: [...new Set(input.events)], enabled: input.enabled, secret: newSecret() })
    .returning();
  await recordAudit(tx, caller, { action: 'webhook.create', entity: 'webhook', entityId: row!.id, after: audited(row!) });
  return { ...present(row!), secret: row!.secret };
}

export async function updateWebhook(tx: Tx, caller: Caller, id: string, patch: WebhookPatch): Promise<Webhook & { secret?: string }> {
  const before = await findWebhook(tx, id);
  if (patch.url !== undefined) checkDestination(patch.url);
  const { rotateSecret, events, ...fields } = patch;
  const [row] = await tx
    .update(webhooks)
    .set({ ...fields, ...(events ? { events: [...new Set(events)] } : {}), ...(rotateSecret ? { secret: newSecret() } : {}), updatedAt: new Date() })
    .where(eq(webhooks.id, id))
    .returning();
  // Switched off means nothing more goes out, including what was already waiting.
  if (before.enabled && row!.enabled === false) await dropPending(tx, id, 'webhook_disabled');
  await recordAudit(tx, caller, {
    action: 'webhook.update',
    entity: 'webhook',
    entityId: id,
    before: audited(before),
    after: { ...audited(row!), ...(rotateSecret ? { secretRotated: true } : {}) },
  });
  return rotateSecret ? { ...present(row!), secret: row!.secret } : present(row!);
}

export async function deleteWebhook(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findWebhook(tx, id);
  await tx.update(webhooks).set({ deletedAt: new Date(), enabled: false, updatedAt: new Date() }).where(eq(webhooks.id, id));
  await dropPending(tx, id, 'webhook_deleted');
  await recordAudit(tx, caller, { action: 'webhook.delete', entity: 'webhook', entityId: id, before: audited(before) });
}

async function dropPending(tx: Tx, webhookId: string, reason: string) {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed', lastError: reason })
    .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'pending')));
}

/**
 * Queues the event for every enabled webhook subscribed to it (or to `*`), in the caller's
 * transaction: the outbox. The job sends after commit; a rollback takes the deliveries with it.
 */
export async function emitEvent(tx: Tx, tenantId: string, event: string, payload: Record<string, unknown>): Promise<void> {
  if (!event || event === '*') throw new Error(`emitEvent: not an event name: ${event}`);
  await tx.execute(sql`
    INSERT INTO webhook_deliveries (tenant_id, webhook_id, event, payload)
    SELECT tenant_id, id, ${event}, ${JSON.stringify(payload)}::jsonb FROM webhooks
    WHERE tenant_id = ${tenantId}::uuid AND deleted_at IS NULL AND enabled
      AND (${event} = ANY(events) OR '*' = ANY(events))`);
}

/** Queues a `test` event for one webhook, whatever it subscribes to and even while switched off. */
export async function sendTestEvent(tx: Tx, caller: Caller, id: string): Promise<Delivery> {
  const hook = await findWebhook(tx, id);
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ tenantId: caller.tenantId, webhookId: hook.id, event: 'test', payload: { message: 'Tide webhook test', webhook: hook.name, by: caller.name } })
    .returning();
  return presentDelivery(row!);
}

export async function listDeliveries(tx: Tx, webhookId: string, query: { limit: number; cursor?: string }): Promise<Page<Delivery>> {
  await findWebhook(tx, webhookId);
  const { where: after, orderBy } = keyset({ column: webhookDeliveries.createdAt, direction: 'desc' }, webhookDeliveries.id, query.cursor);
  const rows = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), after))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, presentDelivery, (r) => [r.createdAt.toISOString(), r.id]);
}
