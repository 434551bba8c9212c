import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deliveryBody, describeFailure, MAX_ATTEMPTS, nextStep, signature } from './webhook-delivery.ts';

const now = new Date('2030-01-01T00:00:00.000Z');
const minutesLater = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

describe('webhook delivery rules', () => {
  it('a success is delivered on any attempt', () => {
    expect(nextStep(1, { ok: true }, now)).toEqual({ status: 'delivered' });
    expect(nextStep(MAX_ATTEMPTS, { ok: true }, now)).toEqual({ status: 'delivered' });
  });

  it('failures wait 1, 5, 30, 120 and 720 minutes, and the sixth failure is final', () => {
    const waits = [1, 2, 3, 4, 5].map((n) => {
      const step = nextStep(n, { ok: false }, now);
      if (step.status !== 'pending') throw new Error(`attempt ${n}: ${step.status}`);
      return minutesLater(step.nextAttemptAt);
    });
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextStep(6, { ok: false }, now)).toEqual({ status: 'failed' });
    expect(nextStep(9, { ok: false }, now)).toEqual({ status: 'failed' });
  });

  it('the body is the same bytes for the same delivery, and the signature is the HMAC of those bytes', () => {
    const envelope = { id: 'd1', event: 'pool.fell', tenant: 't1', at: now, data: { count: 3, poolName: '华东公海' } };
    const body = deliveryBody(envelope);
    expect(deliveryBody({ ...envelope })).toBe(body);
    expect(JSON.parse(body)).toEqual({ id: 'd1', event: 'pool.fell', tenant: 't1', at: '2030-01-01T00:00:00.000Z', data: { count: 3, poolName: '华东公海' } });
    const expected = createHmac('sha256', 'shh').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signature('shh', body)).toBe(`sha256=${expected}`);
    expect(signature('other', body)).not.toBe(signature('shh', body));
  });

  it('failure texts are one short line', () => {
    expect(describeFailure(500, 'Internal\n  Server   Error')).toBe('HTTP 500: Internal Server Error');
    expect(describeFailure(404, '')).toBe('HTTP 404');
    expect(describeFailure(null, 'connect ECONNREFUSED')).toBe('connect ECONNREFUSED');
    expect(describeFailure(502, 'x'.repeat(1000)).length).toBeLessThan(320);
  });
});
