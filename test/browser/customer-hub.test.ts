import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/modules/imports/index.ts';
import {
  byTestId,
  confirmAction,
  expectText,
  horizontalOverflow,
  type Journey,
  JOURNEY_TIMEOUT,
  login,
  newPage,
  PHONE,
  pickOption,
  screenshot,
  useJourney,
  waitForRows,
} from './browser.ts';

type Server = Journey['server'];
type ApiCustomer = { id: string; kind: string; name: string; mobile: string | null; address: string | null };

/** An antd InputNumber's input, wherever the test id landed (on the input or its wrapper). */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const countOf = async (page: Page, key: string) => Number(await byTestId(page, `import-count-${key}`).getAttribute('data-value'));

/**
 * The test server runs no job queue, so a started import stays queued: the journey does the
 * worker's part (the same `runImport` the `imports.run` job calls) while the page polls.
 */
async function workQueuedImport(page: Page, server: Server): Promise<string> {
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  const importId = new URL(page.url()).pathname.split('/').pop()!;
  const me = (await (await page.request.get('/api/v1/me')).json()) as { tenant: { id: string } };
  await runImport(server.app.db, me.tenant.id, importId);
  return importId;
}

/** Steps 1 and 2 of the wizard: upload a CSV, map the 会员等级 column to 备注, start. */
async function uploadAndStart(page: Page, csv: string, fileName: string, options: { saveTemplateAs?: string } = {}) {
  await byTestId(page, 'nav-imports').click();
  await page.waitForURL(/\/imports$/);
  await byTestId(page, 'imports-new').click();
  await page.waitForURL(/\/imports\/new$/);
  await byTestId(page, 'import-channel').locator('input').fill('天猫店铺');
  await page.keyboard.press('Escape');
  await byTestId(page, 'import-upload-form')
    .locator('input[type=file]')
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await byTestId(page, 'import-upload-submit').click();
  await byTestId(page, 'import-mapping').waitFor();
}

describe('journey: customer data hub (import, customer page, duplicate review)', () => {
  const journey = useJourney();

  it(
    'imports a CSV with Chinese headers and a bad row, reports, offers the rejects and reverts',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const csv = [
          '姓名,手机号,省份,城市,地址,会员等级',
          '张小明,13912345678,浙江省,杭州市,西湖区文三路100号,金卡',
          '王丽华,13698765432,江苏省,南京市,鼓楼区中山路8号,银卡',
          '李四,13800000000,浙江', // one cell short: rejected with its line number
        ].join('\n');
        await uploadAndStart(page, csv, '天猫会员.csv');

        // Step 2: the Chinese headers were recognised; the unknown one is ignored until mapped.
        await expectText(byTestId(page, 'import-encoding'), /utf-8/i);
        const select = (header: string) => page.locator(`[data-testid="import-mapping-select"][data-header="${header}"]`);
        await expect.poll(() => select('姓名').getAttribute('data-value')).toBe('name');
        await expect.poll(() => select('手机号').getAttribute('data-value')).toBe('mobile');
        await expect.poll(() => select('会员等级').getAttribute('data-value')).toBe('ignore');
        await expectText(byTestId(page, 'import-unmapped'), '会员等级');
        await expectText(byTestId(page, 'import-sample-table'), '张小明');
        await pickOption(page, select('会员等级'), '备注');
        await expect.poll(() => select('会员等级').getAttribute('data-value')).toBe('note');
        await byTestId(page, 'import-save-template').fill('天猫店铺');
        await screenshot(page, 'import', 'mapping');
        await byTestId(page, 'import-start').click();

        // Step 3: the import page polls; the worker runs it; the report appears.
        await workQueuedImport(page, journey.server);
        await expect.poll(() => byTestId(page, 'import-page').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
        await expect.poll(() => countOf(page, 'read')).toBe(3);
        expect(await countOf(page, 'created')).toBe(2);
        expect(await countOf(page, 'rejected')).toBe(1);
        const download = byTestId(page, 'import-rejects-download');
        await download.waitFor();
        const href = await download.getAttribute('href');
        expect(href).toMatch(/\/api\/v1\/imports\/[0-9a-f-]{36}\/rejects\.csv$/);
        const rejects = await page.request.get(href!);
        expect(rejects.status()).toBe(200);
        const rejectsText = await rejects.text();
        expect(rejectsText).toContain('李四');
        expect(rejectsText).toMatch(/^\uFEFF?line,/);
        await expectText(byTestId(page, 'import-details'), '会员等级 → 备注');
        await screenshot(page, 'import', 'report');

        // The imported customers are there, searchable, and the template was saved for next time.
        const found = await (await page.request.get('/api/v1/customers?q=13912345678')).json();
        expect(found.items.map((c: ApiCustomer) => c.name)).toEqual(['张小明']);
        const templates = await (await page.request.get('/api/v1/import-templates')).json();
        expect(templates.items.map((t: { name: string }) => t.name)).toContain('天猫店铺');

        // Revert the whole import.
        await confirmAction(page, byTestId(page, 'import-revert'), () => page.locator('[data-testid="import-status"][data-status="reverted"]').isVisible());
        await byTestId(page, 'import-reverted').waitFor();
        const afterRevert = await (await page.request.get('/api/v1/customers?q=13912345678')).json();
        expect(afterRevert.items).toEqual([]);
        await screenshot(page, 'import', 'reverted');

        // History lists it with its state.
        await byTestId(page, 'import-history-link').click();
        await page.waitForURL(/\/imports$/);
        await waitForRows(byTestId(page, 'imports-table'));
        const row = page.locator('[data-testid="import-row"]', { hasText: '天猫会员.csv' });
        await expect.poll(() => byTestId(row, 'import-row-status').getAttribute('data-status')).toBe('reverted');
        await screenshot(page, 'import', 'history');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'creates a customer, tags it, is stopped from creating it twice, and finds it by initials',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      const name = '欧阳娜娜';
      const tag = '展会客户';
      try {
        await login(page, journey.server.admin);
        await waitForRows(byTestId(page, 'customers-table'));

        // New customer.
        await byTestId(page, 'customers-create').click();
        await byTestId(page, 'customer-form').waitFor();
        await byTestId(page, 'customer-form-name').fill(name);
        await byTestId(page, 'customer-form-mobile').fill('137 0000 1234');
        await byTestId(page, 'customer-form-address').fill('浙江省杭州市西湖区文三路 90 号');
        await byTestId(page, 'customer-form-submit').click();
        await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
        const customerUrl = page.url();
        await expectText(byTestId(page, 'page-title'), name);
        await expectText(byTestId(page, 'customer-profile'), '西湖区');

        // Add a tag: it shows, and it is still there after a reload.
        await byTestId(page, 'customer-tag-add').click();
        await byTestId(page, 'customer-tag-input').fill(tag);
        await byTestId(page, 'customer-tag-input').press('Enter');
        await expectText(byTestId(page, 'customer-tags-editor'), tag);
        await page.reload();
        await expectText(byTestId(page, 'customer-tags-editor'), tag);
        await byTestId(page, 'customer-tab-sources').click();
        await screenshot(page, 'customer', 'page');


        // The same mobile again: "already a customer", with a link to the one that exists.
        await page.goto('/customers');
        await waitForRows(byTestId(page, 'customers-table'));
        await byTestId(page, 'customers-create').click();
        await byTestId(page, 'customer-form-name').fill('欧阳娜');
        await byTestId(page, 'customer-form-mobile').fill('13700001234');
        await byTestId(page, 'customer-form-submit').click();
        await byTestId(page, 'customer-duplicate').waitFor();
        await screenshot(page, 'customer', 'duplicate');
        await byTestId(page, 'customer-duplicate-link').click();
        await page.waitForURL(customerUrl);
        await expectText(byTestId(page, 'page-title'), name);

        // Edit in the drawer: a malformed e-mail is not stored; the record is flagged, with the explanation on the profile.
        await byTestId(page, 'customer-edit-open').click();
        await byTestId(page, 'customer-edit-email').fill('ouyang@@example');
        await byTestId(page, 'customer-edit-submit').click();
        await expectText(page.locator('.ant-message-notice').last(), '已保存客户资料');
        await byTestId(page, 'customer-tab-profile').click();
        await page.locator('[data-testid="customer-flag-alert"][data-flag="email_invalid"]').waitFor();

        // The number turns out dead after a call (after the duplicate check: a dead number no longer identifies anyone).
        await confirmAction(page, byTestId(page, 'customer-mobile-dead'), () => byTestId(byTestId(page, 'customer-profile'), 'customer-mobile-status').filter({ hasText: '空号' }).isVisible());
        await expectText(byTestId(byTestId(page, 'customer-profile'), 'customer-mobile-status'), '空号');
        expect(await byTestId(page, 'customer-mobile-dead').count()).toBe(0);
        await screenshot(page, 'customer', 'edited');

        // Search by initials (oynn → 欧阳娜娜); the row opens the customer page.
        await page.goto('/customers');
        await byTestId(page, 'customers-search').locator('input').fill('oynn');
        await byTestId(page, 'customers-search').locator('input').press('Enter');
        await page.waitForURL(/q=oynn/);
        const rows = page.locator('[data-testid="customer-row"]');
        // Every row now answers the query (the unfiltered list, newest first, would show others too).
        await expect
          .poll(async () => {
            const texts = await rows.allInnerTexts();
            return texts.length > 0 && texts.every((text) => text.includes('欧阳')) && texts.some((text) => text.includes(name));
          })
          .toBe(true);
        await screenshot(page, 'customer', 'search-initials');

        // Filter by the tag: only that customer.
        await page.goto(`/customers?tag=${encodeURIComponent(tag)}`);
        await expect.poll(async () => (await rows.allInnerTexts()).length).toBe(1);
        await expectText(rows.first(), name);
        // Export with the current filter: the file holds that customer.
        const exportHref = await byTestId(page, 'customers-export-csv').getAttribute('href');
        expect(exportHref).toContain(`tag=${encodeURIComponent(tag)}`);
        const exported = await page.request.get(exportHref!);
        expect(exported.status()).toBe(200);
        expect(await exported.text()).toContain(name);

        await rows.first().click();
        await page.waitForURL(customerUrl);

        // Delete (soft): back on the list, and gone from it.
        await confirmAction(page, byTestId(page, 'customer-delete'), async () => /\/customers$/.test(page.url()));
        await page.goto(`/customers?tag=${encodeURIComponent(tag)}`);
        await page.locator('[data-testid="customers-table"] .ant-empty').waitFor();
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'puts a near-duplicate from an import in the review queue, merges it and undoes the merge',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        // A seeded person, imported again with the same name and address but another mobile.
        const list = await (await page.request.get('/api/v1/customers?kind=person&limit=100')).json();
        const people = list.items as ApiCustomer[];
        const original = people.find((c) => c.mobile && c.address && people.filter((other) => other.name === c.name).length === 1);
        expect(original).toBeDefined();
        const csv = ['姓名,手机号,地址', `${original!.name},13500009999,${original!.address}`].join('\n');
        await uploadAndStart(page, csv, '经销商名单.csv');
        await byTestId(page, 'import-start').click();
        await workQueuedImport(page, journey.server);
        await expect.poll(() => byTestId(page, 'import-page').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');

        // The pair waits for review: side by side, the differing mobile highlighted, reasons translated.
        await byTestId(page, 'nav-duplicates').click();
        await page.waitForURL(/\/customers\/duplicates$/);
        const pair = page.locator('[data-testid="dedupe-pair"]', { hasText: original!.name }).first();
        await pair.waitFor();
        await expectText(byTestId(pair, 'dedupe-score'), /相似度 \d+%/);
        await expectText(byTestId(pair, 'dedupe-reasons'), '名称相同');
        await expect.poll(() => pair.locator('[data-testid="dedupe-row"][data-field="mobile"]').getAttribute('data-differs')).toBe('yes');
        await expect.poll(() => pair.locator('[data-testid="dedupe-row"][data-field="name"]').getAttribute('data-differs')).toBe('no');
        await screenshot(page, 'dedupe', 'queue');

        // Merge, keeping the original record.
        const keepOriginal = (await byTestId(pair, 'dedupe-a').getAttribute('href'))?.endsWith(original!.id) ? 'A' : 'B';
        await byTestId(pair, 'dedupe-survivor').getByText(keepOriginal, { exact: true }).click();
        await byTestId(pair, 'dedupe-merge').click();
        // The confirmation links to the survivor.
        const open = page.locator('.ant-message a', { hasText: '查看合并后的客户' });
        await open.waitFor();
        expect(await open.getAttribute('href')).toBe(`/customers/${original!.id}`);
        await expect.poll(() => page.locator('[data-testid="dedupe-pair"]', { hasText: original!.name }).count()).toBe(0);

        // The survivor's merge history shows the merge; undo it.
        await page.goto(`/customers/${original!.id}`);
        await byTestId(page, 'customer-tab-merges').click();
        const merge = byTestId(page, 'customer-merge').first();
        await merge.waitFor();
        await expectText(merge, '人工合并');
        await screenshot(page, 'dedupe', 'merge-history');
        await confirmAction(page, byTestId(merge, 'customer-merge-undo'), () => byTestId(page, 'customer-merge-undone').isVisible());
        expect(await byTestId(page, 'customer-merge-undo').count()).toBe(0);
        await screenshot(page, 'dedupe', 'merge-undone');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'changes the duplicate thresholds and the source trust order',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await byTestId(page, 'nav-data-settings').click();
        await page.waitForURL(/\/settings\/data$/);
        await numberInput(page, 'settings-review').fill('75');
        const trust = page.locator('[data-testid="settings-trust-item"]');
        const firstTwo = async () => (await trust.allInnerTexts()).slice(0, 2).map((text) => text.replace(/\s+/g, ''));
        const before = await firstTwo();
        await trust.nth(1).getByRole('button', { name: '上移' }).click();
        await byTestId(page, 'settings-trust-input').fill('经销商门店');
        await byTestId(page, 'settings-trust-add').click();
        await pickOption(page, byTestId(page, 'settings-survivorship-mobile'), '最可信来源');
        await byTestId(page, 'settings-save').click();
        await expectText(page.locator('.ant-message-notice').last(), '已保存客户数据设置');

        await page.reload();
        await expect.poll(() => numberInput(page, 'settings-review').inputValue()).toBe('75');
        const after = await firstTwo();
        expect(after.map((text) => text.slice(1))).toEqual([before[1]!.slice(1), before[0]!.slice(1)]);
        await expectText(byTestId(page, 'settings-trust'), '经销商门店');
        const saved = await (await page.request.get('/api/v1/customer-settings')).json();
        expect(saved.thresholds.reviewAt).toBe(0.75);
        expect(saved.survivorship.mobile).toBe('most_trusted_source');
        await screenshot(page, 'settings', 'data');

        // Review above auto-merge is refused before it reaches the server.
        await numberInput(page, 'settings-review').fill('95');
        await byTestId(page, 'settings-save').click();
        await expectText(page.locator('.ant-form-item', { has: byTestId(page, 'settings-review') }).locator('.ant-form-item-explain-error'), '审核线不能高于自动合并线');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'fits every customer-data page on a phone',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url, PHONE);
      try {
        await login(page, journey.server.admin);
        await waitForRows(byTestId(page, 'customers-table'));
        const first = await page.locator('[data-testid="customer-row"]').first().getAttribute('data-customer-id');
        const pages: { path: string; name: string; ready: string }[] = [
          { path: '/customers', name: 'customers', ready: '[data-testid="customers-table"] tr.ant-table-row' },
          { path: `/customers/${first}`, name: 'customer', ready: '[data-testid="customer-profile"]' },
          { path: '/customers/duplicates', name: 'duplicates', ready: '[data-testid="dedupe-list"]' },
          { path: '/customers/cleanup', name: 'cleanup', ready: '[data-testid="cleanup-table"] tr.ant-table-row' },
          { path: '/imports', name: 'imports', ready: '[data-testid="imports-table"]' },
          { path: '/imports/new', name: 'import-new', ready: '[data-testid="import-upload-form"]' },
          { path: '/settings/data', name: 'data-settings', ready: '[data-testid="settings-form"]' },
        ];
        for (const target of pages) {
          await page.goto(target.path);
          await page.locator(target.ready).first().waitFor();
          await page.waitForTimeout(300);
          const { scrollWidth } = await horizontalOverflow(page);
          expect(scrollWidth, `page ${target.path} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
          await screenshot(page, 'phone', target.name);
        }

        // Clean-up: the least complete customer first, fixed in the drawer.
        await page.goto('/customers/cleanup');
        const row = page.locator('[data-testid="cleanup-row"]').first();
        await row.waitFor();
        const scores = await byTestId(page, 'customer-completeness').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))));
        expect(scores.length).toBeGreaterThan(1);
        expect(scores).toEqual([...scores].sort((a, b) => a - b));
        await byTestId(row, 'cleanup-fix').click();
        await byTestId(page, 'customer-edit').waitFor();
        const { scrollWidth } = await horizontalOverflow(page);
        expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'phone', 'cleanup-drawer');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
