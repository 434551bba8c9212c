import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { deliverPendingWebhooks, emitEvent, notify, pruneNotifications, type DeliverOptions } from './index.ts';

type Received = { path: string; headers: Record<string, string | string[] | undefined>; body: string };

/** A local endpoint that records every POST and answers 200, or 500 under /fail. */
async function startReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const failing = req.url?.startsWith('/fail');
      res.writeHead(failing ? 500 : 200, { 'content-type': 'text/plain' }).end(failing ? 'upstream exploded' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const ALLOW_PRIVATE = 'TIDE_WEBHOOKS_ALLOW_PRIVATE';

/** Runs `fn` as a default install, where webhooks may not reach this host or the private network. */
async function refusingPrivate<T>(fn: () => Promise<T>): Promise<T> {
  vi.stubEnv(ALLOW_PRIVATE, undefined);
  try {
    return await fn();
  } finally {
    vi.stubEnv(ALLOW_PRIVATE, '1');
  }
}

describe.each(DB_KINDS)('notifications and webhooks on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (method: Method, url: string, cookie: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie } });
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => h.t.db.tenantTx(tenant.id, fn);
  const deliver = (now?: Date, more: DeliverOptions = {}) => deliverPendingWebhooks(h.t.db, { tenantIds: [tenant.id], now, ...more });
  const deliveries = async (webhookId: string) => (await call('GET', `/api/v1/webhooks/${webhookId}/deliveries`, admin)).json().items;
  const count = (table: 'webhooks' | 'webhook_deliveries' | 'notifications') =>
    inTenant(async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);

  beforeAll(async () => {
    // The receiver listens on 127.0.0.1: most tests run as a self-hosted install whose receivers
    // are on its own network; `refusingPrivate` runs the rest as a default install.
    vi.stubEnv(ALLOW_PRIVATE, '1');
    [h, receiver] = await Promise.all([startTestApp(kind), startReceiver()]);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    for (const key of ['sales1', 'sales2']) {
      const res = await call('POST', '/api/v1/users', admin, { name: key, email: `${key}@n.test`, password: 'password-1', roleKey: 'sales' });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      cookies[key] = await h.login(`${key}@n.test`, 'password-1');
    }
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver?.close();
    await h?.close();
  });

  it('notify writes many rows at once; each user lists, counts and reads only their own', async () => {
    await inTenant((tx) =>
      notify(tx, tenant.id, [
        { userId: ids.sales1!, kind: 'pool.warning', data: { count: 3, poolName: '华东公海', deadline: '2030-01-03', firstTitle: '杭州云帆' }, link: '/leads' },
        { userId: ids.sales1!, kind: 'pool.fell', data: { count: 2, poolName: '华东公海' } },
        { userId: ids.sales2!, kind: 'pool.handover', data: { count: 5, fromName: 'sales1' }, link: null },
      ]),
    );
    const mine = (await call('GET', '/api/v1/notifications', cookies.sales1!)).json();
    expect(mine.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['pool.fell', 'pool.warning']);
    const warning = mine.items.find((n: { kind: string }) => n.kind === 'pool.warning');
    expect(warning).toMatchObject({ data: { count: 3, poolName: '华东公海' }, link: '/leads', readAt: null });
    expect((await call('GET', '/api/v1/notifications', cookies.sales2!)).json().items).toMatchObject([{ kind: 'pool.handover', link: null }]);
    expect((await call('GET', '/api/v1/notifications', admin)).json().items).toEqual([]);

    expect((await call('GET', '/api/v1/notifications/unread-count', cookies.sales1!)).json()).toEqual({ count: 2 });
    const read = await call('POST', `/api/v1/notifications/${warning.id}/read`, cookies.sales1!);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await call('GET', '/api/v1/notifications/unread-count', cookies.sales1!)).json()).toEqual({ count: 1 });
    const unread = (await call('GET', '/api/v1/notifications?unread=true', cookies.sales1!)).json().items;
    expect(unread.map((n: { kind: string }) => n.kind)).toEqual(['pool.fell']);

    // Paging follows the cursor.
    const first = (await call('GET', '/api/v1/notifications?limit=1', cookies.sales1!)).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await call('GET', `/api/v1/notifications?limit=1&cursor=${first.nextCursor}`, cookies.sales1!)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();

    expect((await call('POST', '/api/v1/notifications/read-all', cookies.sales1!)).json()).toEqual({ updated: 1 });
    expect((await call('GET', '/api/v1/notifications/unread-count', cookies.sales1!)).json()).toEqual({ count: 0 });
    // sales2's notification is untouched by sales1's "read all".
    expect((await call('GET', '/api/v1/notifications/unread-count', cookies.sales2!)).json()).toEqual({ count: 1 });
  });

  it('a user cannot read another user’s notification: 404, and it stays unread', async () => {
    const theirs = (await call('GET', '/api/v1/notifications', cookies.sales2!)).json().items[0];
    const res = await call('POST', `/api/v1/notifications/${theirs.id}/read`, cookies.sales1!);
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await call('GET', '/api/v1/notifications/unread-count', cookies.sales2!)).json()).toEqual({ count: 1 });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('notify refuses a link that leaves the app', async () => {
    await expect(inTenant((tx) => notify(tx, tenant.id, [{ userId: ids.sales1!, kind: 'x', link: 'https://evil.example/' }]))).rejects.toThrow(/link/);
    await expect(inTenant((tx) => notify(tx, tenant.id, [{ userId: ids.sales1!, kind: 'x', link: '//evil.example/' }]))).rejects.toThrow(/link/);
  });

  it('a subscribed webhook receives a signed delivery; others and the secret stay out of it', async () => {
    const created = await call('POST', '/api/v1/webhooks', admin, { name: '钉钉机器人', url: `${receiver.url}/hook`, events: ['pool.fell', 'pool.collusion'] });
    expect(created.statusCode, created.body).toBe(201);
    const hook = created.json();
    expect(hook.secret).toMatch(/^whsec_/);
    const other = (await call('POST', '/api/v1/webhooks', admin, { name: 'warnings only', url: `${receiver.url}/other`, events: ['pool.warning'] })).json();
    const list = await call('GET', '/api/v1/webhooks', admin);
    expect(list.json().items.map((w: { name: string }) => w.name)).toEqual(['钉钉机器人', 'warnings only']);
    expect(list.body).not.toContain(hook.secret);
    expect(list.body).not.toContain('secret');

    await inTenant((tx) => emitEvent(tx, tenant.id, 'pool.fell', { count: 2, poolName: '华东公海' }));
    expect(await deliver()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook']);
    const got = receiver.received[0]!;
    const expected = `sha256=${createHmac('sha256', hook.secret).update(Buffer.from(got.body, 'utf8')).digest('hex')}`;
    expect(got.headers['x-tide-signature']).toBe(expected);
    expect(got.headers['x-tide-event']).toBe('pool.fell');
    expect(got.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(got.body);
    expect(body).toEqual({ id: expect.any(String), event: 'pool.fell', tenant: tenant.id, at: expect.any(String), data: { count: 2, poolName: '华东公海' } });
    expect(got.headers['x-tide-delivery']).toBe(body.id);

    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ id: body.id, event: 'pool.fell', status: 'delivered', attempts: 1, lastStatus: 200, lastError: null, nextAttemptAt: null });
    expect(delivery.deliveredAt).toEqual(expect.any(String));
    expect(await deliveries(other.id)).toEqual([]);
    // Nothing is sent twice.
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);

    // A rotated secret is answered once and signs the next delivery.
    const rotated = (await call('PATCH', `/api/v1/webhooks/${hook.id}`, admin, { rotateSecret: true })).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    expect((await call('POST', `/api/v1/webhooks/${hook.id}/test`, admin)).statusCode).toBe(202);
    await deliver();
    const test = receiver.received[1]!;
    expect(JSON.parse(test.body).event).toBe('test');
    expect(test.headers['x-tide-signature']).toBe(`sha256=${createHmac('sha256', rotated.secret).update(test.body).digest('hex')}`);

    for (const id of [hook.id, other.id]) expect((await call('DELETE', `/api/v1/webhooks/${id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/webhooks', admin)).json().items).toEqual([]);
  });

  it('a failing endpoint is retried after 1, 5, 30, 120 and 720 minutes, then marked failed', async () => {
    receiver.received.length = 0;
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'flaky', url: `${receiver.url}/fail`, events: ['*'] })).json();
    await inTenant((tx) => emitEvent(tx, tenant.id, 'pool.collusion', { fromName: 'sales1', toName: 'sales2', records: 4 }));
    let now = new Date(Date.now() + 1000);
    expect(await deliver(now)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500: upstream exploded' });
    expect(new Date(delivery.nextAttemptAt).getTime() - now.getTime()).toBe(60_000);

    // Not due yet: nothing goes out.
    expect(await deliver(new Date(now.getTime() + 30_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);

    for (const [i, wait] of [1, 5, 30, 120, 720].entries()) {
      now = new Date(now.getTime() + wait * 60_000);
      const last = i === 4;
      expect(await deliver(now)).toEqual({ delivered: 0, retrying: last ? 0 : 1, failed: last ? 1 : 0 });
    }
    [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 6, lastStatus: 500, nextAttemptAt: null, deliveredAt: null });
    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1); // every retry sends the same bytes
    expect(await deliver(new Date(now.getTime() + 365 * 86_400_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(6);
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
  });

  it('an unreachable endpoint records the network error and is retried', async () => {
    const closed = await startReceiver();
    await closed.close();
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'gone', url: `${closed.url}/x`, events: ['*'] })).json();
    await call('POST', `/api/v1/webhooks/${hook.id}/test`, admin);
    expect(await deliver(new Date(Date.now() + 1000))).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatus: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Deleting the webhook drops what was waiting.
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
    expect(await inTenant((tx) => queryRows<{ status: string; last_error: string }>(tx, sql`select status, last_error from webhook_deliveries where webhook_id = ${hook.id}`))).toEqual([{ status: 'failed', last_error: 'webhook_deleted' }]);
  });

  it('two runners at once send each delivery exactly once', async () => {
    receiver.received.length = 0;
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'busy', url: `${receiver.url}/busy`, events: ['pool.fell'] })).json();
    await inTenant(async (tx) => {
      for (let i = 0; i < 12; i++) await emitEvent(tx, tenant.id, 'pool.fell', { count: i, poolName: 'p' });
    });
    const now = new Date(Date.now() + 1000);
    const runs = await Promise.all([1, 2, 3].map(() => deliverPendingWebhooks(h.t.db, { tenantIds: [tenant.id], now, batchSize: 2 })));
    expect(runs.reduce((n, r) => n + r.delivered, 0)).toBe(12);
    const ids = receiver.received.map((r) => JSON.parse(r.body).id as string);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
  });

  it('a rolled-back transaction queues nothing and notifies no one', async () => {
    receiver.received.length = 0;
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'all', url: `${receiver.url}/all`, events: ['*'] })).json();
    const [deliveriesBefore, notificationsBefore] = [await count('webhook_deliveries'), await count('notifications')];
    await expect(
      inTenant(async (tx) => {
        await emitEvent(tx, tenant.id, 'pool.fell', { count: 1, poolName: 'x' });
        await notify(tx, tenant.id, [{ userId: ids.sales1!, kind: 'pool.fell', data: { count: 1, poolName: 'x' } }]);
        expect((await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from webhook_deliveries`))[0]!.n).toBe(deliveriesBefore + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count('webhook_deliveries')).toBe(deliveriesBefore);
    expect(await count('notifications')).toBe(notificationsBefore);
    expect(await deliver(new Date(Date.now() + 1000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(0);
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
  });

  it('a disabled webhook gets no events, and switching it off drops what was waiting', async () => {
    receiver.received.length = 0;
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'paused', url: `${receiver.url}/paused`, events: ['pool.warning'] })).json();
    await inTenant((tx) => emitEvent(tx, tenant.id, 'pool.warning', { count: 1 }));
    const off = await call('PATCH', `/api/v1/webhooks/${hook.id}`, admin, { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false });
    expect(off.json().secret).toBeUndefined();
    await inTenant((tx) => emitEvent(tx, tenant.id, 'pool.warning', { count: 2 }));
    expect(await deliver(new Date(Date.now() + 1000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliveries(hook.id)).toMatchObject([{ status: 'failed', lastError: 'webhook_disabled' }]);
    expect(receiver.received).toHaveLength(0);
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
  });

  it('only http and https addresses are accepted: 400 naming url', async () => {
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '']) {
      const res = await call('POST', '/api/v1/webhooks', admin, { name: 'bad', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['url']);
    }
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'ok', url: 'https://hooks.example.com/tide' })).json();
    expect(hook.events).toEqual(['*']);
    const res = await call('PATCH', `/api/v1/webhooks/${hook.id}`, admin, { url: 'gopher://example.com' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['url']);
    const badEvent = await call('POST', '/api/v1/webhooks', admin, { name: 'x', url: 'https://a.example', events: ['Pool Fell'] });
    expect(badEvent.statusCode).toBe(400);
    expect(Object.keys(badEvent.json().error.fields)[0]).toMatch(/^events/);
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
  });

  it('a URL naming this host or the private network is refused: 400 naming url, nothing stored', async () => {
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'public', url: 'https://hooks.example.com/tide' })).json();
    const before = await count('webhooks');
    await refusingPrivate(async () => {
      for (const url of [
        'http://169.254.169.254/latest',
        'http://127.0.0.1:5432',
        'http://localhost:3000/x',
        'http://hooks.localhost/x',
        'http://10.0.0.5/hook',
        'http://192.168.1.10/',
        'http://[::1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://0x7f000001/',
      ]) {
        const res = await call('POST', '/api/v1/webhooks', admin, { name: 'inside', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
        expect(Object.keys(res.json().error.fields)).toEqual(['url']);
      }
      const moved = await call('PATCH', `/api/v1/webhooks/${hook.id}`, admin, { url: 'http://169.254.169.254/latest' });
      expect(moved.statusCode, moved.body).toBe(400);
      expect(Object.keys(moved.json().error.fields)).toEqual(['url']);
    });
    expect(await count('webhooks')).toBe(before);
    expect((await call('GET', `/api/v1/webhooks/${hook.id}`, admin)).json().url).toBe('https://hooks.example.com/tide');

    // With TIDE_WEBHOOKS_ALLOW_PRIVATE=1 the same address is accepted.
    const inside = await call('POST', '/api/v1/webhooks', admin, { name: 'inside', url: 'http://169.254.169.254/latest' });
    expect(inside.statusCode, inside.body).toBe(201);
    for (const id of [hook.id, inside.json().id]) await call('DELETE', `/api/v1/webhooks/${id}`, admin);
  });

  it('delivery refuses, at once and without retries, a host that is or resolves to a non-public address', async () => {
    receiver.received.length = 0;
    // Saved while private addresses were allowed (or before the check existed), then delivered without.
    const named = (await call('POST', '/api/v1/webhooks', admin, { name: 'by name', url: `http://localhost:${receiver.port}/named`, events: ['pool.fell'] })).json();
    const literal = (await call('POST', '/api/v1/webhooks', admin, { name: 'by address', url: `${receiver.url}/literal`, events: ['pool.fell'] })).json();
    await inTenant((tx) => emitEvent(tx, tenant.id, 'pool.fell', { count: 1, poolName: 'p' }));
    expect(await refusingPrivate(() => deliver(new Date(Date.now() + 1000)))).toEqual({ delivered: 0, retrying: 0, failed: 2 });
    expect(receiver.received).toHaveLength(0);
    const [byName] = await deliveries(named.id);
    expect(byName).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null, nextAttemptAt: null, deliveredAt: null });
    expect(byName.lastError).toMatch(/^blocked_address: (127\.0\.0\.1|::1) is not a public address$/);
    expect(await deliveries(literal.id)).toMatchObject([{ status: 'failed', attempts: 1, lastError: 'blocked_address: 127.0.0.1 is not a public address' }]);

    // allowPrivate lets the same deliveries through to the local receiver.
    await inTenant((tx) => emitEvent(tx, tenant.id, 'pool.fell', { count: 2, poolName: 'p' }));
    expect(await refusingPrivate(() => deliver(new Date(Date.now() + 1000), { allowPrivate: true }))).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/literal', '/named']);
    for (const id of [named.id, literal.id]) await call('DELETE', `/api/v1/webhooks/${id}`, admin);
  });

  it('webhook settings need org.manage, and changes are audited without the secret', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/webhooks'],
      ['POST', '/api/v1/webhooks'],
    ] as const) {
      expect((await call(method, url, cookies.sales1!, method === 'POST' ? { name: 'x', url: 'https://a.example' } : undefined)).statusCode).toBe(403);
    }
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'audited', url: 'https://a.example/hook' })).json();
    await call('PATCH', `/api/v1/webhooks/${hook.id}`, admin, { name: 'audited 2', rotateSecret: true });
    await call('DELETE', `/api/v1/webhooks/${hook.id}`, admin);
    expect((await call('PATCH', `/api/v1/webhooks/${hook.id}`, admin, { name: 'x' })).statusCode).toBe(404);
    const audit = await call('GET', `/api/v1/audit-log?entity=webhook&entityId=${hook.id}`, admin);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['webhook.delete', 'webhook.update', 'webhook.create']);
    expect(audit.body).not.toContain(hook.secret);
    expect(audit.body).not.toContain('whsec_');
  });
  it('the nightly prune drops read notifications after 90 days, any after a year, and finished deliveries after 90 days', async () => {
    const now = new Date('2031-06-01T00:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const hook = (await call('POST', '/api/v1/webhooks', admin, { name: 'retention', url: `${receiver.url}/r` })).json();
    await inTenant((tx) =>
      tx.execute(sql`insert into notifications (tenant_id, user_id, kind, read_at, created_at) values
        (${tenant.id}, ${ids.sales1}, 'keep.read-recently', ${daysAgo(30)}, ${daysAgo(200)}),
        (${tenant.id}, ${ids.sales1}, 'drop.read-long-ago', ${daysAgo(91)}, ${daysAgo(100)}),
        (${tenant.id}, ${ids.sales1}, 'keep.unread', null, ${daysAgo(300)}),
        (${tenant.id}, ${ids.sales1}, 'drop.unread-over-a-year', null, ${daysAgo(366)})`),
    );
    await inTenant((tx) =>
      tx.execute(sql`insert into webhook_deliveries (tenant_id, webhook_id, event, status, created_at) values
        (${tenant.id}, ${hook.id}, 'keep.recent', 'delivered', ${daysAgo(10)}),
        (${tenant.id}, ${hook.id}, 'drop.delivered', 'delivered', ${daysAgo(91)}),
        (${tenant.id}, ${hook.id}, 'drop.failed', 'failed', ${daysAgo(120)}),
        (${tenant.id}, ${hook.id}, 'keep.pending', 'pending', ${daysAgo(120)})`),
    );
    const kinds = () =>
      inTenant(async (tx) => ({
        notifications: (await queryRows<{ kind: string }>(tx, sql`select kind from notifications where kind like 'keep.%' or kind like 'drop.%' order by kind`)).map((r) => r.kind),
        deliveries: (await queryRows<{ event: string }>(tx, sql`select event from webhook_deliveries where webhook_id = ${hook.id} order by event`)).map((r) => r.event),
      }));
    const pruned = await inTenant((tx) => pruneNotifications(tx, now));
    expect(pruned.notifications).toBeGreaterThanOrEqual(2); // and whatever earlier tests left behind, a year before 2031
    expect(await kinds()).toEqual({ notifications: ['keep.read-recently', 'keep.unread'], deliveries: ['keep.pending', 'keep.recent'] });
    // Another tenant's old notifications are not this tenant's to prune.
    const other = await buildTenant(h.t);
    const otherAdmin = (await h.t.db.tenantTx(other.id, (tx) => queryRows<{ id: string }>(tx, sql`select id from users limit 1`)))[0]!.id;
    await h.t.db.tenantTx(other.id, (tx) => tx.execute(sql`insert into notifications (tenant_id, user_id, kind, created_at) values (${other.id}, ${otherAdmin}, 'old', ${daysAgo(400)})`));
    await inTenant((tx) => pruneNotifications(tx, now));
    const left = await h.t.db.tenantTx(other.id, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from notifications where kind = 'old'`));
    expect(left[0]!.n).toBe(1);
  });
});
