import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliverPendingWebhooks, notify } from '../../src/modules/notifications/index.ts';
import { actUntil, byTestId, clickUntil, expectText, horizontalOverflow, JOURNEY_TIMEOUT, login, newPage, PHONE, screenshot, useJourney } from './browser.ts';

type Received = { signature: string | undefined; body: string };

/** The endpoint the admin registers: records what it is sent. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = req.headers['x-tide-signature'];
      received.push({ signature: typeof signature === 'string' ? signature : undefined, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Me = { tenant: { id: string }; user: { id: string } };

describe('journey: notifications (the bell) and webhooks', () => {
  const journey = useJourney();
  // The receiver listens on 127.0.0.1, as on a self-hosted install whose receivers are on its own network.
  beforeAll(() => vi.stubEnv('TIDE_WEBHOOKS_ALLOW_PRIVATE', '1'));
  afterAll(() => vi.unstubAllEnvs());

  it(
    'an admin adds a webhook and sends a signed test; a notification shows in the bell and reading it drops the count',
    async () => {
      const receiver = await startReceiver();
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const me = (await (await page.request.get('/api/v1/me')).json()) as Me;
        await expect.poll(async () => byTestId(page, 'notifications-bell').getAttribute('data-count')).toBe('0');

        // Settings → Webhook: a wrong address is refused on the url field, then the right one is saved.
        await byTestId(page, 'nav-webhooks').click();
        await page.waitForURL(/\/settings\/webhooks$/);
        await expectText(byTestId(page, 'page-title'), 'Webhook 推送');
        await byTestId(page, 'webhooks-create').click();
        await byTestId(page, 'webhook-form-name').fill('钉钉群机器人');
        await byTestId(page, 'webhook-form-url').fill('ftp://example.com/hook');
        await clickUntil(byTestId(page, 'webhook-form-submit'), () => page.locator('.ant-form-item-explain-error').first().isVisible());
        await expectText(page.locator('.ant-form-item-explain-error'), '请填写以 http:// 或 https:// 开头的地址');
        await byTestId(page, 'webhook-form-url').fill(`${receiver.url}/hook`);

        // The secret is shown once.
        const secretBox = byTestId(page, 'webhook-secret');
        await clickUntil(byTestId(page, 'webhook-form-submit'), () => secretBox.isVisible());
        const secret = await secretBox.inputValue();
        expect(secret).toMatch(/^whsec_/);
        await screenshot(page, 'notifications', 'webhook-secret');
        await clickUntil(byTestId(page, 'webhook-secret-close'), () => secretBox.isHidden());
        await expectText(byTestId(page, 'webhooks-table'), '钉钉群机器人');
        await expectText(byTestId(page, 'webhooks-table'), '尚未推送');

        // Send a test. The test server runs no job queue: the journey does the job's part.
        const queued = page.locator('.ant-message').getByText('已向「钉钉群机器人」排队发送测试事件');
        await clickUntil(byTestId(page, 'webhook-test'), () => queued.isVisible());
        const run = await deliverPendingWebhooks(journey.server.app.db, { tenantIds: [me.tenant.id] });
        expect(run).toEqual({ delivered: 1, retrying: 0, failed: 0 });
        expect(receiver.received).toHaveLength(1);
        const [got] = receiver.received;
        expect(got!.signature).toBe(`sha256=${createHmac('sha256', secret).update(got!.body).digest('hex')}`);
        expect(JSON.parse(got!.body)).toMatchObject({ event: 'test', tenant: me.tenant.id, data: { webhook: '钉钉群机器人' } });

        const delivery = byTestId(page, 'webhook-delivery').first();
        await clickUntil(byTestId(page, 'webhook-deliveries-open'), () => delivery.isVisible());
        await expectText(delivery, '测试');
        await expectText(delivery, '已送达');
        await expectText(delivery, 'HTTP 204');
        await screenshot(page, 'notifications', 'webhook-deliveries');
        await page.keyboard.press('Escape');
        await expectText(byTestId(page, 'webhook-last-delivery'), '已送达');
        await screenshot(page, 'notifications', 'webhooks');

        // Two notifications from the service (as the pool module sends them) show in the bell.
        await journey.server.app.db.tenantTx(me.tenant.id, (tx) =>
          notify(tx, me.tenant.id, [
            { userId: me.user.id, kind: 'pool.fell', data: { count: 2, poolName: '华南公海' } },
            { userId: me.user.id, kind: 'pool.warning', data: { count: 3, poolName: '华东公海', deadline: '2030-01-03', firstTitle: '杭州云帆' }, link: '/leads' },
          ]),
        );
        await page.reload();
        await expect.poll(async () => byTestId(page, 'notifications-bell').getAttribute('data-count')).toBe('2');
        const bell = byTestId(page, 'notifications-bell');
        const warning = byTestId(page, 'notification-item').filter({ hasText: '华东公海' });
        await clickUntil(bell, () => warning.isVisible());
        await expectText(warning, '3 条记录将于 2030-01-03 掉入公海「华东公海」');
        await expect.poll(() => warning.getAttribute('data-read')).toBe('false');
        await screenshot(page, 'notifications', 'bell');

        // Clicking it marks it read and follows its link.
        // The panel may still be animating in: click until the link is followed.
        await actUntil(
          () => warning.click({ timeout: 5_000 }),
          async () => /\/leads$/.test(page.url()),
        );
        await expect.poll(async () => byTestId(page, 'notifications-bell').getAttribute('data-count')).toBe('1');

        // "Mark all read" clears the rest.
        const readAll = byTestId(page, 'notifications-read-all');
        await clickUntil(bell, () => readAll.isVisible());
        await expect.poll(() => byTestId(page, 'notification-item').filter({ hasText: '华东公海' }).getAttribute('data-read')).toBe('true');
        await clickUntil(readAll, async () => (await bell.getAttribute('data-count')) === '0');
        await expect.poll(() => byTestId(page, 'notification-item').filter({ hasText: '华南公海' }).getAttribute('data-read')).toBe('true');
        await page.reload();
        await expect.poll(async () => byTestId(page, 'notifications-bell').getAttribute('data-count')).toBe('0');
      } finally {
        await context.close();
        await receiver.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the bell and the webhook settings work at phone width',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url, PHONE);
      try {
        await login(page, journey.server.admin);
        const me = (await (await page.request.get('/api/v1/me')).json()) as Me;
        await journey.server.app.db.tenantTx(me.tenant.id, (tx) =>
          notify(tx, me.tenant.id, [{ userId: me.user.id, kind: 'pool.collusion', data: { fromName: '张三', toName: '李四', records: 4 } }]),
        );
        await page.reload();
        await expect.poll(async () => byTestId(page, 'notifications-bell').getAttribute('data-count')).toBe('1');
        expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
        const bell = byTestId(page, 'notifications-bell');
        const item = byTestId(page, 'notification-item').first();
        await clickUntil(bell, () => item.isVisible());
        await expectText(byTestId(page, 'notifications-panel'), '张三 释放的 4 条记录很快被 李四 领取');
        await screenshot(page, 'notifications', 'phone-bell');
        await clickUntil(item, async () => (await bell.getAttribute('data-count')) === '0');

        await page.goto('/settings/webhooks');
        await expectText(byTestId(page, 'webhooks-table'), '钉钉群机器人');
        expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'notifications', 'phone-webhooks');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
