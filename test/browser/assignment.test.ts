import { describe, expect, it } from 'vitest';
import { byTestId, expectText, JOURNEY_TIMEOUT, login, newPage, pickOption, useJourney, waitForRows } from './browser.ts';

describe('journey: lead assignment rules and availability', () => {
  const journey = useJourney();

  it(
    'adds a round-robin rule with a condition, tries it, then a salesperson absence makes the tester skip them',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        for (const name of ['欧阳芳', '司马强']) {
          const res = await page.request.post('/api/v1/users', { data: { name, email: `${name === '欧阳芳' ? 'wangfang' : 'liqiang'}@assign.test`, password: 'password-1', roleKey: 'sales' } });
          expect(res.status()).toBe(201);
        }

        await byTestId(page, 'nav-assignment').click();
        await page.waitForURL(/\/settings\/assignment$/);
        await expectText(byTestId(page, 'page-title'), '线索分配规则');
        await byTestId(page, 'assignment-add-rule').click();
        await byTestId(page, 'assignment-rule-name').fill('华东轮流');
        await byTestId(page, 'assignment-add-clause').click();
        await byTestId(page, 'assignment-clause-value-0').fill('华东');
        // The demo tenant has many users: type to narrow the list, then pick.
        const users = byTestId(page, 'assignment-rule-users');
        for (const [name, label] of [['欧阳芳', '欧阳芳 (wangfang@assign.test)'], ['司马强', '司马强 (liqiang@assign.test)']] as const) {
          await pickOption(page, users, label, { search: name, shows: name });
        }
        await page.keyboard.press('Escape');
        await byTestId(page, 'assignment-rule-save').click();
        const table = byTestId(page, 'assignment-rules');
        await waitForRows(table);
        await expectText(table, '华东轮流');
        await expectText(table, '轮流分配');
        await expectText(table, '欧阳芳、司马强');

        // The tester: a lead from 浙江 matches the rule; the first in turn is 欧阳芳.
        await byTestId(page, 'preview-province').fill('浙江省');
        await byTestId(page, 'preview-run').click();
        await expectText(byTestId(page, 'preview-assignee'), '欧阳芳');
        // A lead from 广东 matches no rule.
        await byTestId(page, 'preview-province').fill('广东省');
        await byTestId(page, 'preview-run').click();
        await expectText(byTestId(page, 'preview-miss'), '没有规则匹配');

        // 欧阳芳 is on leave from today: the tester passes her over and says why.
        await byTestId(page, 'nav-availability').click();
        await page.waitForURL(/\/assignment\/availability$/);
        await waitForRows(byTestId(page, 'availability-table'));
        await byTestId(page, 'availability-edit-欧阳芳').click();
        const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
        const dialog = page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();
        await dialog.getByPlaceholder('开始日期').click();
        await dialog.getByPlaceholder('开始日期').fill(today);
        await dialog.getByPlaceholder('开始日期').press('Enter');
        await dialog.getByPlaceholder('结束日期').fill(today);
        await dialog.getByPlaceholder('结束日期').press('Enter');
        await byTestId(page, 'availability-save').click();
        await expectText(byTestId(page, 'availability-table'), '请假中');

        await byTestId(page, 'nav-assignment').click();
        await byTestId(page, 'preview-province').fill('浙江省');
        await byTestId(page, 'preview-run').click();
        await expectText(byTestId(page, 'preview-assignee'), '司马强');
        await expectText(byTestId(page, 'preview-result'), '欧阳芳（请假中）');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
