import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, expectText, JOURNEY_TIMEOUT, login, newPage, pickOption, screenshot, useJourney, waitForRows } from './browser.ts';

type Pool = { id: string; name: string; protectionDays: number; entryCondition: unknown };

/** An antd InputNumber: the test id sits on the input or on its wrapper depending on the version. */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const fieldError = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.locator(`[data-testid="${testId}"]`) }).locator('.ant-form-item-explain-error');
const closeDrawer = async (page: Page) => {
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await byTestId(page, 'pool-drawer').waitFor({ state: 'hidden' });
};
const listPools = async (page: Page) => (await (await page.request.get('/api/v1/pools')).json()) as Pool[];

describe('journey: pool settings', () => {
  const journey = useJourney();

  it(
    'an admin creates a pool (a nonsense protection period is refused on the field), then sets a recycle rule and a limit; a duplicate name is refused by the server on the name field',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await byTestId(page, 'nav-pool-settings').click();
        await page.waitForURL(/\/settings\/pools$/);
        await waitForRows(byTestId(page, 'pool-settings-table'));
        await expectText(byTestId(page, 'pool-settings-table'), '默认');

        await byTestId(page, 'pool-settings-create').click();
        await byTestId(page, 'pool-form-name').fill('华东公海');
        await numberInput(page, 'pool-form-protection-days').fill('-1');
        await byTestId(page, 'pool-form-submit').click();
        await expectText(fieldError(page, 'pool-form-protection-days'), '请输入 0 到 365 之间的整数');
        expect((await listPools(page)).some((p) => p.name === '华东公海')).toBe(false);

        await numberInput(page, 'pool-form-protection-days').fill('3');
        const provinces = byTestId(page, 'pool-form-entry-provinces');
        await provinces.click();
        await page.keyboard.type('浙江省');
        await page.keyboard.press('Enter');
        await expectText(provinces, '浙江省');
        await screenshot(page, 'pool-settings', 'form');
        await byTestId(page, 'pool-form-submit').click();

        // Created: the drawer stays open on the new pool's members, and the other tabs are there now.
        await byTestId(page, 'pool-members').waitFor();
        const pool = (await listPools(page)).find((p) => p.name === '华东公海');
        expect(pool).toMatchObject({ protectionDays: 3, entryCondition: { all: [{ field: 'province', op: 'in', value: ['浙江省'] }] } });

        // A recycle rule for level A: 0 days is refused on the row, 5 is saved.
        await byTestId(page, 'pool-tab-rules').click();
        await byTestId(page, 'pool-rules').waitFor();
        await byTestId(page, 'pool-rule-add').click();
        const rule = page.locator('[data-testid="pool-rule-row"]').last();
        await pickOption(page, byTestId(rule, 'pool-rule-level'), 'A 级');
        await pickOption(page, byTestId(rule, 'pool-rule-kind'), '未建商机');
        await numberInput(page, 'pool-rule-days').fill('0');
        await byTestId(page, 'pool-rules-save').click();
        await expectText(rule.locator('.ant-form-item-explain-error'), '请输入 1 到 3650 之间的整数');
        await numberInput(page, 'pool-rule-days').fill('5');
        await byTestId(page, 'pool-rules-save').click();
        await expect
          .poll(async () => (await (await page.request.get(`/api/v1/pools/${pool!.id}/rules`)).json()) as unknown[])
          .toEqual([expect.objectContaining({ level: 'A', kind: 'no_opportunity', days: 5, enabled: true })]);

        // Salespeople may claim 5 a day here.
        await byTestId(page, 'pool-tab-limits').click();
        await byTestId(page, 'pool-limits').waitFor();
        await byTestId(page, 'pool-limit-add').click();
        await expectText(byTestId(page, 'pool-limit-subject'), '销售');
        await numberInput(page, 'pool-limit-daily').fill('5');
        await byTestId(page, 'pool-limits-save').click();
        await expect
          .poll(async () => (await (await page.request.get(`/api/v1/pools/${pool!.id}/limits`)).json()) as unknown[])
          .toEqual([{ subjectKind: 'role', subject: 'sales', dailyClaimLimit: 5, privateCap: null }]);
        await screenshot(page, 'pool-settings', 'limits');

        // Closed and reopened from the list, the pool shows what was saved.
        await closeDrawer(page);
        const poolRow = page.locator('[data-testid="pool-settings-row"]', { hasText: '华东公海' });
        await expectText(poolRow, '每天 20 条');
        await byTestId(poolRow, 'pool-settings-edit').click();
        await expect.poll(() => numberInput(page, 'pool-form-protection-days').inputValue()).toBe('3');
        await byTestId(page, 'pool-tab-rules').click();
        await expect.poll(() => numberInput(page, 'pool-rule-days').inputValue()).toBe('5');
        await closeDrawer(page);

        // The server refuses a second pool of the same name, and the form shows it on the name.
        await byTestId(page, 'pool-settings-create').click();
        await byTestId(page, 'pool-form-name').fill('华东公海');
        await byTestId(page, 'pool-form-submit').click();
        await expectText(fieldError(page, 'pool-form-name'), '该值已被使用');
        expect((await listPools(page)).filter((p) => p.name === '华东公海')).toHaveLength(1);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
