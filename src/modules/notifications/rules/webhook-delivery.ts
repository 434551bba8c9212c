import { createHmac } from 'node:crypto';

/** Minutes to wait after the 1st, 2nd, … failed attempt; the attempt after the last gap is the last one. */
export const RETRY_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export type AttemptResult = { ok: true } | { ok: false };
export type NextStep = { status: 'delivered' } | { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What becomes of a delivery after its `attempts`-th attempt (counted from 1). */
export function nextStep(attempts: number, result: AttemptResult, now: Date): NextStep {
  if (result.ok) return { status: 'delivered' };
  const wait = RETRY_MINUTES[attempts - 1];
  if (attempts >= MAX_ATTEMPTS || wait === undefined) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + wait * 60_000) };
}

export type DeliveryEnvelope = { id: string; event: string; tenant: string; at: Date; data: Record<string, unknown> };

/**
 * The body is built from stored fields only, so every retry of a delivery sends the same bytes;
 * `id` lets a receiver drop a repeat (delivery is at least once).
 */
export function deliveryBody(envelope: DeliveryEnvelope): string {
  return JSON.stringify({ id: envelope.id, event: envelope.event, tenant: envelope.tenant, at: envelope.at.toISOString(), data: envelope.data });
}

/** `X-Tide-Signature` value: HMAC-SHA256 of the raw body with the webhook's secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** A short, single-line error for the delivery list: never the whole response of a chatty endpoint. */
export function describeFailure(status: number | null, text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (status === null) return flat || 'request failed';
  return flat ? `HTTP ${status}: ${flat}` : `HTTP ${status}`;
}
