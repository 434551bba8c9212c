import { describe, expect, it } from 'vitest';
import {
  byTestId,
  confirmAction,
  expectText,
  JOURNEY_TIMEOUT,
  login,
  newPage,
  pickOption,
  screenshot,
  useJourney,
  waitForRows,
} from './browser.ts';

describe('journey: user administration', () => {
  const journey = useJourney();

  it(
    'creates a user, changes their role, deactivates and reactivates them',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      const email = `zhang.wei.${Date.now().toString(36)}@demo.test`;
      const name = '张伟测试';
      try {
        await login(page, journey.server.admin);
        await byTestId(page, 'nav-users').click();
        await page.waitForURL(/\/admin\/users/);
        await expectText(byTestId(page, 'page-title'), '用户');
        await waitForRows(byTestId(page, 'users-table'));
        await screenshot(page, 'users', 'list');

        // Create.
        await byTestId(page, 'users-create').click();
        const form = byTestId(page, 'user-form');
        await form.waitFor();
        await byTestId(page, 'user-form-name').fill(name);
        await byTestId(page, 'user-form-email').fill(email);
        await byTestId(page, 'user-form-password').fill('Secret-pass-123');
        await pickOption(page, byTestId(page, 'user-form-role'), '销售');
        await screenshot(page, 'users', 'create-form');
        await byTestId(page, 'user-form-submit').click();
        await form.waitFor({ state: 'hidden' });

        const row = page.locator('[data-testid="user-row"]', { hasText: email });
        await row.waitFor();
        await expectText(byTestId(row, 'user-role'), /^销售$/);
        await expectText(byTestId(row, 'user-status'), '启用');

        // The same e-mail again: the server's field message lands on the e-mail item.
        await byTestId(page, 'users-create').click();
        await form.waitFor();
        await byTestId(page, 'user-form-name').fill('重复邮箱');
        await byTestId(page, 'user-form-email').fill(email);
        await byTestId(page, 'user-form-password').fill('Secret-pass-123');
        await byTestId(page, 'user-form-submit').click();
        const emailItem = page.locator('.ant-form-item', { has: byTestId(page, 'user-form-email') });
        await emailItem.locator('.ant-form-item-explain-error').first().waitFor();
        expect(await emailItem.locator('.ant-form-item-explain-error').first().innerText()).not.toBe('');
        await screenshot(page, 'users', 'duplicate-email');
        await byTestId(page, 'user-form-cancel').click();
        await form.waitFor({ state: 'hidden' });

        // Edit the role.
        await byTestId(row, 'user-edit').click();
        await form.waitFor();
        await expect.poll(() => byTestId(page, 'user-form-email').inputValue()).toBe(email);
        await pickOption(page, byTestId(page, 'user-form-role'), '销售主管');
        await byTestId(page, 'user-form-submit').click();
        await form.waitFor({ state: 'hidden' });
        await expectText(byTestId(row, 'user-role'), '销售主管');

        // Deactivate.
        await confirmAction(page, byTestId(row, 'user-deactivate'), async () => (await byTestId(row, 'user-status').getAttribute('data-status')) === 'inactive');
        await expectText(byTestId(row, 'user-status'), '已停用');
        await screenshot(page, 'users', 'deactivated');

        // It sticks: reload and filter by status.
        await page.reload();
        await waitForRows(byTestId(page, 'users-table'));
        await expect.poll(() => byTestId(row, 'user-status').getAttribute('data-status')).toBe('inactive');
        await expectText(byTestId(row, 'user-role'), '销售主管');

        // Reactivate.
        await confirmAction(page, byTestId(row, 'user-reactivate'), async () => (await byTestId(row, 'user-status').getAttribute('data-status')) === 'active');
        await screenshot(page, 'users', 'reactivated');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
