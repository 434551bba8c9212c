import { sql } from 'drizzle-orm';
import { webhooksAllowPrivate } from '../../config.ts';
import type { Database, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { allTenantIds } from '../tenants/index.ts';
import { deliveryBody, describeFailure, nextStep, signature } from './rules/webhook-delivery.ts';
import { blockedAddress, postWebhook } from './webhook-http.ts';

export type DeliverOptions = {
  /** The clock, for tests; each claim and each result otherwise reads the real time. */
  now?: Date;
  /** Only these tenants (default: all). */
  tenantIds?: readonly string[];
  /** Deliveries claimed and sent at once. */
  batchSize?: number;
  /** Bound on one run per tenant, so one busy tenant cannot hold the job for long; the rest waits a minute. */
  maxPerTenant?: number;
  timeoutMs?: number;
  /** Post to loopback and private-network addresses too (default: `TIDE_WEBHOOKS_ALLOW_PRIVATE`). */
  allowPrivate?: boolean;
};

export type DeliveryRun = { delivered: number; retrying: number; failed: number };

type Claimed = {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: string | Date;
  url: string;
  secret: string;
  webhook_deleted: boolean;
};

/** `final`: failed without retries, whatever the attempt count. */
type Outcome = { id: string; ok: boolean; httpStatus: number | null; error: string | null; final?: boolean };

/**
 * How long a claimed delivery stays out of other nodes' sight while it is being sent. The claim
 * commits before the request goes out: holding the row lock through a 10 s request would hold a
 * connection, and on the embedded database every other query, for as long.
 */
const LEASE_MS = 5 * 60_000;

async function claimDue(tx: Tx, tenantId: string, now: Date, limit: number): Promise<Claimed[]> {
  // SKIP LOCKED: two nodes claiming at once take different rows; the lease keeps them apart after commit.
  return queryRows<Claimed>(
    tx,
    sql`
    UPDATE webhook_deliveries d
    SET attempts = d.attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
    FROM (
      SELECT tenant_id, id FROM webhook_deliveries
      WHERE tenant_id = ${tenantId}::uuid AND status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) due, webhooks w
    WHERE d.tenant_id = due.tenant_id AND d.id = due.id AND w.tenant_id = d.tenant_id AND w.id = d.webhook_id
    RETURNING d.id, d.event, d.payload, d.attempts, d.created_at, w.url, w.secret, (w.deleted_at IS NOT NULL) AS webhook_deleted`,
  );
}

async function record(tx: Tx, tenantId: string, claimed: readonly Claimed[], outcomes: readonly Outcome[], now: Date): Promise<DeliveryRun> {
  const run: DeliveryRun = { delivered: 0, retrying: 0, failed: 0 };
  const rows = outcomes.map((o, i) => {
    const step = o.final ? ({ status: 'failed' } as const) : nextStep(claimed[i]!.attempts, { ok: o.ok }, now);
    switch (step.status) {
      case 'delivered':
        run.delivered++;
        return { id: o.id, status: step.status, nextAt: null, deliveredAt: now.toISOString() };
      case 'pending':
        run.retrying++;
        return { id: o.id, status: step.status, nextAt: step.nextAttemptAt.toISOString(), deliveredAt: null };
      case 'failed':
        run.failed++;
        return { id: o.id, status: step.status, nextAt: null, deliveredAt: null };
    }
  });
  const col = <T>(pick: (i: number) => T) => sql.param(rows.map((_, i) => pick(i)));
  await tx.execute(sql`
    UPDATE webhook_deliveries d
    SET status = u.status, next_attempt_at = coalesce(u.next_at, d.next_attempt_at), last_error = u.error,
        last_status = u.http_status, delivered_at = u.delivered_at
    FROM unnest(
      ${col((i) => rows[i]!.id)}::uuid[], ${col((i) => rows[i]!.status)}::text[], ${col((i) => rows[i]!.nextAt)}::timestamptz[],
      ${col((i) => outcomes[i]!.error)}::text[], ${col((i) => outcomes[i]!.httpStatus)}::int[], ${col((i) => rows[i]!.deliveredAt)}::timestamptz[]
    ) AS u(id, status, next_at, error, http_status, delivered_at)
    WHERE d.tenant_id = ${tenantId}::uuid AND d.id = u.id`);
  return run;
}

function failureText(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timeout after ${timeoutMs / 1000} s`;
  const e = error as { message?: string; cause?: { message?: string; code?: string } };
  return describeFailure(null, e.cause?.message ?? e.cause?.code ?? e.message ?? String(error));
}

async function send(tenantId: string, d: Claimed, options: { allowPrivate: boolean; timeoutMs: number }): Promise<Outcome> {
  if (d.webhook_deleted) return { id: d.id, ok: false, httpStatus: null, error: 'webhook_deleted', final: true };
  const body = deliveryBody({ id: d.id, event: d.event, tenant: tenantId, at: new Date(d.created_at), data: d.payload });
  try {
    const response = await postWebhook(d.url, options.allowPrivate, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Tide-Webhooks/1',
        'x-tide-event': d.event,
        'x-tide-delivery': d.id,
        'x-tide-signature': signature(d.secret, body),
      },
      body,
      // A redirect is not followed: the admin named this address, not wherever it points next.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text().catch(() => '');
    const ok = response.status >= 200 && response.status < 300;
    return { id: d.id, ok, httpStatus: response.status, error: ok ? null : describeFailure(response.status, text) };
  } catch (error) {
    // A refused destination fails at once, without retries: it is a setting to fix, not an outage
    // to wait out, and every retry would only knock on the same refused address.
    const blocked = blockedAddress(error);
    if (blocked) return { id: d.id, ok: false, httpStatus: null, error: blocked.message, final: true };
    return { id: d.id, ok: false, httpStatus: null, error: failureText(error, options.timeoutMs) };
  }
}

/**
 * Sends what is due: claims a batch in a short transaction, posts outside any transaction, then
 * records each result (delivered, retry later with backoff, or failed after the last attempt or
 * at once when the destination is not a public address).
 */
export async function deliverPendingWebhooks(db: Database, options: DeliverOptions = {}): Promise<DeliveryRun> {
  const total: DeliveryRun = { delivered: 0, retrying: 0, failed: 0 };
  const batchSize = options.batchSize ?? 20;
  const maxPerTenant = options.maxPerTenant ?? 500;
  const http = { allowPrivate: options.allowPrivate ?? webhooksAllowPrivate(), timeoutMs: options.timeoutMs ?? 10_000 };
  const clock = () => options.now ?? new Date();
  for (const tenantId of options.tenantIds ?? (await allTenantIds(db))) {
    for (let done = 0; done < maxPerTenant; ) {
      const claimed = await db.tenantTx(tenantId, (tx) => claimDue(tx, tenantId, clock(), Math.min(batchSize, maxPerTenant - done)));
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((d) => send(tenantId, d, http)));
      const run = await db.tenantTx(tenantId, (tx) => record(tx, tenantId, claimed, outcomes, clock()));
      total.delivered += run.delivered;
      total.retrying += run.retrying;
      total.failed += run.failed;
      done += claimed.length;
      if (claimed.length < batchSize) break;
    }
  }
  return total;
}
