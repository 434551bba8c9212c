import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, clickUntil, confirmAction, expectText, horizontalOverflow, JOURNEY_TIMEOUT, login, newPage, PHONE, pickOption, screenshot, useJourney, waitForRows, type Journey, type Viewport } from './browser.ts';

type Json = Record<string, unknown>;

async function createUser(page: Page, name: string, email: string, roleKey = 'sales'): Promise<string> {
  const res = await page.request.post('/api/v1/users', { data: { name, email, password: 'password-1', roleKey } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A lead nobody owns goes to the public pool; one with an owner sits in that person's private pool. */
async function createLead(page: Page, data: Json): Promise<string> {
  const res = await page.request.post('/api/v1/leads', { data: { source: 'event', ...data } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { lead: { id: string } }).lead.id;
}

/** A salesperson created by the test, in their own browser context. */
async function signIn(journey: Journey, email: string, viewport?: Viewport) {
  const session = await newPage(journey.browser, journey.server.url, viewport);
  await login(session.page, { login: email, password: 'password-1' });
  return session;
}

const row = (page: Page, testId: string, text: string) => page.locator(`[data-testid="${testId}"]`, { hasText: text });
const tick = (page: Page, text: string) => row(page, 'pool-row', text).locator('.ant-table-selection-column .ant-checkbox').click();

describe('journey: public and private pool (claim, release, manage)', () => {
  const journey = useJourney();

  it(
    'a salesperson claims two records in one go, a colleague who was too late is told so, the claimer sees them in 我的私海 with the deadline and releases one with a reason',
    async () => {
      const admin = await newPage(journey.browser, journey.server.url);
      await login(admin.page, journey.server.admin);
      await createUser(admin.page, '公海甲', 'jia@pool.test');
      await createUser(admin.page, '公海乙', 'yi@pool.test');
      await createLead(admin.page, { name: '周海', mobile: '13912345601', company: '宁波海曙精工有限公司', province: '浙江省' });
      await createLead(admin.page, { name: '吴江', mobile: '13912345602', company: '苏州吴江纺织有限公司', province: '江苏省' });
      const first = await signIn(journey, 'jia@pool.test');
      const second = await signIn(journey, 'yi@pool.test');
      try {
        // The colleague opens the public pool first: both records are there to claim.
        await second.page.goto('/pool');
        await waitForRows(byTestId(second.page, 'pool-table'));
        await row(second.page, 'pool-row', '宁波海曙精工').waitFor();

        // The salesperson finds them from the menu, ticks both and claims them at once.
        await byTestId(first.page, 'nav-pool').click();
        await first.page.waitForURL(/\/pool$/);
        await waitForRows(byTestId(first.page, 'pool-table'));
        await expectText(byTestId(first.page, 'page-title'), '公海');
        await tick(first.page, '宁波海曙精工');
        await tick(first.page, '苏州吴江纺织');
        await expectText(byTestId(first.page, 'pool-bulk-bar'), '已选 2 条');
        await byTestId(first.page, 'pool-claim-selected').click();
        const result = byTestId(first.page, 'pool-claim-result');
        await expectText(result, '认领成功 2 条');
        expect(await result.locator('[data-testid="pool-claim-outcome"][data-outcome="claimed"]').count()).toBe(2);
        await expectText(byTestId(first.page, 'pool-usage'), '今日已领 2/20，私海 2/200');
        await expect.poll(() => row(first.page, 'pool-row', '宁波海曙精工').count()).toBe(0);
        await screenshot(first.page, 'pool', 'claimed');

        // The colleague's list is stale: claiming now says who was faster, record by record.
        await byTestId(row(second.page, 'pool-row', '宁波海曙精工'), 'pool-claim-one').click();
        const outcome = byTestId(second.page, 'pool-claim-result').locator('[data-testid="pool-claim-outcome"]');
        await expectText(outcome, '已被他人认领');
        expect(await outcome.getAttribute('data-outcome')).toBe('already_claimed');
        await expectText(byTestId(second.page, 'pool-usage'), '今日已领 0/20');

        // 我的私海: both, each with its countdown and the rule behind it (the default pool: 7 days without follow-up).
        await byTestId(first.page, 'nav-pool-mine').click();
        await first.page.waitForURL(/\/pool\/mine$/);
        await waitForRows(byTestId(first.page, 'pool-mine-table'));
        const mine = row(first.page, 'pool-mine-row', '宁波海曙精工');
        await expectText(byTestId(mine, 'pool-record-deadline'), /还剩 [67] 天 · 7 天未跟进/);
        await expectText(row(first.page, 'pool-mine-row', '苏州吴江纺织'), '7 天未跟进');
        // Nothing is due within the warning window yet.
        await byTestId(first.page, 'pool-mine-due').click();
        await first.page.waitForURL(/due=/);
        await expect.poll(() => first.page.locator('[data-testid="pool-mine-row"]').count()).toBe(0);
        await byTestId(first.page, 'pool-mine-all').click();
        await waitForRows(byTestId(first.page, 'pool-mine-table'));
        await screenshot(first.page, 'pool', 'mine');

        // A better level for one of them.
        await byTestId(row(first.page, 'pool-mine-row', '苏州吴江纺织'), 'pool-edit').click();
        await pickOption(first.page, byTestId(first.page, 'pool-edit-level'), 'A 级');
        await byTestId(first.page, 'pool-edit-submit').click();
        await expectText(byTestId(row(first.page, 'pool-mine-row', '苏州吴江纺织'), 'pool-record-level'), 'A');

        // Release one, with a reason and a note.
        await byTestId(row(first.page, 'pool-mine-row', '宁波海曙精工'), 'pool-release').click();
        const dialog = first.page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();
        await clickUntil(byTestId(first.page, 'pool-release-submit'), () => dialog.locator('.ant-form-item-explain-error').first().isVisible());
        await expectText(dialog.locator('.ant-form-item-explain-error'), '请选择放弃原因');
        await dialog.getByText('联系不上', { exact: true }).click();
        await byTestId(first.page, 'pool-release-note').fill('空号，打了三次');
        await clickUntil(byTestId(first.page, 'pool-release-submit'), async () => (await row(first.page, 'pool-mine-row', '宁波海曙精工').count()) === 0);
        await row(first.page, 'pool-mine-row', '苏州吴江纺织').waitFor();

        // Back in the public pool, but the one who let it go is kept off it for the protection period.
        await first.page.goto('/pool');
        const back = row(first.page, 'pool-row', '宁波海曙精工');
        await expectText(byTestId(back, 'pool-record-protected'), '保护期内');
        expect(await byTestId(back, 'pool-claim-one').isDisabled()).toBe(true);

        // The lead's page tells the whole story: entered, claimed, released and why.
        await admin.page.goto('/leads?q=周海');
        await row(admin.page, 'lead-row', '周海').click();
        await admin.page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
        const history = byTestId(admin.page, 'pool-history');
        await expectText(history.locator('[data-testid="pool-movement"][data-kind="release"]'), '联系不上 · 空号，打了三次');
        await expectText(history.locator('[data-testid="pool-movement"][data-kind="release"]'), '公海甲 → 公海');
        await expectText(history.locator('[data-testid="pool-movement"][data-kind="claim"]'), '公海 → 公海甲');
        await screenshot(admin.page, 'pool', 'lead-history');

        // On a phone, 我的私海 fits the screen.
        const phone = await signIn(journey, 'jia@pool.test', PHONE);
        try {
          await phone.page.goto('/pool/mine');
          await waitForRows(byTestId(phone.page, 'pool-mine-table'));
          await phone.page.waitForTimeout(300);
          expect((await horizontalOverflow(phone.page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
          await screenshot(phone.page, 'pool', 'phone-mine');
          await phone.page.goto('/pool');
          await waitForRows(byTestId(phone.page, 'pool-table'));
          await phone.page.waitForTimeout(300);
          expect((await horizontalOverflow(phone.page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
          await screenshot(phone.page, 'pool', 'phone-public');
        } finally {
          await phone.context.close();
        }
      } finally {
        await second.context.close();
        await first.context.close();
        await admin.context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a manager sees everyone’s private records, filters by owner, hands one to a colleague and runs recycling',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const owner = await createUser(page, '私海丙', 'bing@pool.test');
        const colleague = await createUser(page, '私海丁', 'ding@pool.test');
        const leadId = await createLead(page, { name: '郑杭', mobile: '13912345611', company: '杭州西溪科技有限公司', province: '浙江省', ownerUserId: owner });
        await createLead(page, { name: '何粤', mobile: '13912345612', company: '广州天河贸易有限公司', province: '广东省' });
        await createLead(page, { name: '沈甬', mobile: '13912345613', company: '宁波北仑港务有限公司', province: '浙江省' });

        // Nearby first, from Hangzhou: the record in 浙江 comes before the one in 广东, with its distance.
        await context.grantPermissions(['geolocation']);
        await context.setGeolocation({ latitude: 30.27, longitude: 120.16 });
        await page.goto('/pool');
        await waitForRows(byTestId(page, 'pool-table'));
        await byTestId(page, 'pool-nearby').click();
        await page.waitForURL(/nearby=1/);
        await expectText(byTestId(page, 'pool-table').locator('[data-testid="pool-row"]').first(), '宁波北仑港务');
        await expectText(byTestId(row(page, 'pool-row', '宁波北仑港务'), 'pool-record-distance'), /\d+ (k?m)/);
        const order = await page.locator('[data-testid="pool-row"] [data-testid="pool-record-title"]').allInnerTexts();
        expect(order.findIndex((t) => t.includes('宁波北仑港务'))).toBeLessThan(order.findIndex((t) => t.includes('广州天河贸易')));
        await byTestId(page, 'pool-nearby').click();
        await byTestId(page, 'pool-view-private').click();
        await page.waitForURL(/view=private/);
        await pickOption(page, byTestId(page, 'pool-owner-filter'), '私海丙', { search: true });
        await page.waitForURL(/owner=/);
        const record = row(page, 'pool-row', '杭州西溪科技');
        await expectText(byTestId(record, 'pool-record-owner'), '私海丙');
        await expectText(byTestId(record, 'pool-record-deadline'), '7 天未跟进');
        await screenshot(page, 'pool', 'manager-private');

        await tick(page, '杭州西溪科技');
        await byTestId(page, 'pool-assign-selected').click();
        await pickOption(page, byTestId(page, 'pool-manage-user'), '私海丁', { search: true });
        await byTestId(page, 'pool-manage-note').fill('客户要求换人');
        await byTestId(page, 'pool-manage-submit').click();
        // Filtered to the former owner, the record leaves the list.
        await expect.poll(() => row(page, 'pool-row', '杭州西溪科技').count()).toBe(0);
        const lead = (await (await page.request.get(`/api/v1/leads/${leadId}`)).json()) as { ownerUserId: string };
        expect(lead.ownerUserId).toBe(colleague);

        // Recycling on demand, listed with the nightly runs.
        await byTestId(page, 'pool-runs-open').click();
        await byTestId(page, 'pool-runs-drawer').waitFor();
        await confirmAction(page, byTestId(page, 'pool-run-recycle'), async () => (await byTestId(page, 'pool-runs').locator('tr.ant-table-row').count()) > 0);
        await expectText(byTestId(page, 'pool-runs').locator('tr.ant-table-row').first(), '手动');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the collusion check shows a pair where one lets records go and the other picks them up, with the evidence',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      const dropper = await newPage(journey.browser, journey.server.url);
      const picker = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await createUser(page, '放手庚', 'geng@pool.test');
        await createUser(page, '接手辛', 'xin@pool.test');
        const ids: string[] = [];
        for (const [n, company] of ['台州椒江阀门有限公司', '温州鹿城鞋业有限公司', '嘉兴南湖电子有限公司'].entries()) {
          ids.push(await createLead(page, { name: `串通${n}`, mobile: `1391234563${n}`, company }));
        }
        // Seeded through the API as the two people would do it: one claims and lets go, the other claims right after.
        for (const [session, email] of [[dropper, 'geng@pool.test'], [picker, 'xin@pool.test']] as const) {
          expect((await session.page.request.post('/api/v1/auth/login', { data: { login: email, password: 'password-1' } })).status()).toBe(200);
        }
        const records = ids.map((id) => ({ type: 'lead', id }));
        expect(((await (await dropper.page.request.post('/api/v1/pool/claim', { data: { records } })).json()) as { claimed: number }).claimed).toBe(3);
        for (const id of ids) {
          expect((await dropper.page.request.post(`/api/v1/pool/records/lead/${id}/release`, { data: { reason: 'no_time' } })).status()).toBe(204);
        }
        expect(((await (await picker.page.request.post('/api/v1/pool/claim', { data: { records } })).json()) as { claimed: number }).claimed).toBe(3);

        await byTestId(page, 'nav-pool-collusion').click();
        await page.waitForURL(/\/pool\/collusion$/);
        const pair = page.locator('[data-testid="pool-collusion-pair"]', { hasText: '放手庚 → 接手辛' });
        await expectText(pair, '3');
        await pair.locator('.ant-table-row-expand-icon').click();
        const evidence = byTestId(page, 'pool-collusion-evidence');
        await expectText(evidence, '台州椒江阀门');
        await expectText(evidence, '放弃');
        await screenshot(page, 'pool', 'collusion');
      } finally {
        await picker.context.close();
        await dropper.context.close();
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'deactivating a leaver offers the handover; the wizard previews the move and hands the book to a colleague',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const leaver = await createUser(page, '离职戊', 'wu@pool.test');
        const heir = await createUser(page, '接手己', 'ji@pool.test');
        const leads = [
          await createLead(page, { name: '钱塘', mobile: '13912345621', company: '钱塘精密仪器有限公司', ownerUserId: leaver }),
          await createLead(page, { name: '孙越', mobile: '13912345622', company: '越城丝绸有限公司', ownerUserId: leaver }),
        ];

        // The admin deactivates the leaver and is offered the handover straight away.
        await byTestId(page, 'nav-users').click();
        await page.waitForURL(/\/admin\/users$/);
        await byTestId(page, 'users-search').locator('input').fill('离职戊');
        await byTestId(page, 'users-search').locator('input').press('Enter');
        const userRow = row(page, 'user-row', '离职戊');
        await confirmAction(page, byTestId(userRow, 'user-deactivate'), async () => byTestId(page, 'user-handover-go').isVisible());
        await byTestId(page, 'user-handover-go').click();
        await page.waitForURL(new RegExp(`/pool/handover\\?from=${leaver}$`));
        await expectText(byTestId(page, 'handover-from'), '离职戊');

        await pickOption(page, byTestId(page, 'handover-to-user'), '接手己', { search: true });
        await byTestId(page, 'handover-preview').click();
        await expectText(byTestId(page, 'handover-total-leads'), '2');
        await expectText(byTestId(page, 'handover-recipients'), '接手己');
        await expectText(byTestId(page, 'handover-sample'), '钱塘精密仪器');
        await screenshot(page, 'pool', 'handover-preview');

        await confirmAction(page, byTestId(page, 'handover-run'), async () => byTestId(page, 'handover-result').isVisible());
        await expectText(byTestId(page, 'handover-result'), '离职戊');
        await screenshot(page, 'pool', 'handover-done');
        for (const id of leads) {
          const lead = (await (await page.request.get(`/api/v1/leads/${id}`)).json()) as { ownerUserId: string };
          expect(lead.ownerUserId).toBe(heir);
        }

        // The lead remembers the handover.
        await page.goto(`/leads/${leads[0]}`);
        await expectText(byTestId(page, 'pool-history').locator('[data-testid="pool-movement"][data-kind="handover"]'), '离职戊 → 接手己');

        // A customer's page has the same history in a tab (or says there is none yet).
        const customers = (await (await page.request.get('/api/v1/customers?limit=1')).json()) as { items: { id: string }[] };
        await page.goto(`/customers/${customers.items[0]!.id}`);
        await byTestId(page, 'customer-tab-pool').click();
        await page.locator('[data-testid="pool-history"], [data-testid="pool-history-empty"]').first().waitFor();

        // A manager puts the customer into the public pool from its page; its history says so.
        await byTestId(page, 'record-move-to-pool').click();
        await pickOption(page, byTestId(page, 'pool-manage-pool'), '公海');
        await byTestId(page, 'pool-manage-submit').click();
        await page.getByText(/已移动 1 条/).waitFor();
        const record = (await (await page.request.get('/api/v1/pool/records?view=mine')).json()) as { items: { id: string }[] };
        expect(record.items.some((i) => i.id === customers.items[0]!.id)).toBe(false);
        const history = (await (await page.request.get(`/api/v1/pool/records/customer/${customers.items[0]!.id}/history`)).json()) as { kind: string }[];
        expect(['move', 'enter']).toContain(history[0]!.kind);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
