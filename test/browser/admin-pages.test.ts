import type { Page } from 'playwright-core';
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

const confirm = (page: Page) => page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="confirm-ok"]').click();
const teamNode = (page: Page, name: string) =>
  byTestId(page, 'teams-tree').locator('[data-testid="team-node"]', { hasText: new RegExp(`^${name}\\s*\\d*$`) });

describe('journey: teams, roles, audit log and API tokens', () => {
  const journey = useJourney();

  it(
    'manages the team tree, edits a role, reads the audit trail and issues a token',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);

        // Teams: add a sub-team, rename it, give it a manager, move it, delete it.
        await byTestId(page, 'nav-teams').click();
        await page.waitForURL(/\/admin\/teams/);
        await teamNode(page, '华东大区').click();
        await expectText(byTestId(page, 'team-details'), '华东大区');
        await byTestId(page, 'team-add-child').click();
        await byTestId(page, 'team-form-name').fill('苏州组');
        await byTestId(page, 'team-form-submit').click();
        await teamNode(page, '苏州组').waitFor();
        await expectText(byTestId(page, 'team-details'), '华东大区'); // parent shown in the details

        await byTestId(page, 'team-edit').click();
        await byTestId(page, 'team-form-name').fill('苏州一组');
        await pickOption(page, byTestId(page, 'team-form-manager'), '管理员 (admin@demo.test)', { search: '管理员', shows: '管理员' });
        await pickOption(page, byTestId(page, 'team-form-parent'), '华北大区');
        await byTestId(page, 'team-form-submit').click();
        await teamNode(page, '苏州一组').waitFor();
        await expectText(byTestId(page, 'team-details'), '华北大区');
        await expectText(byTestId(page, 'team-details'), '管理员');
        await screenshot(page, 'admin', 'teams');

        // A team with members cannot be deleted: the server says why.
        await teamNode(page, '北京组').click();
        await byTestId(page, 'team-delete').click();
        await confirm(page);
        await expectText(page.locator('.ant-message-notice'), '团队下还有成员或子团队');
        await teamNode(page, '北京组').waitFor();
        await screenshot(page, 'admin', 'teams-delete-refused');

        await teamNode(page, '苏州一组').click();
        await byTestId(page, 'team-delete').click();
        await confirm(page);
        await expect.poll(() => teamNode(page, '苏州一组').count()).toBe(0);

        // Roles: the service role gets team scope and the export permission.
        await byTestId(page, 'nav-roles').click();
        await page.waitForURL(/\/admin\/roles/);
        const service = byTestId(page, 'role-card-service');
        await service.getByText('本团队', { exact: true }).click();
        await byTestId(service, 'role-permission-service-customers.export').click();
        await byTestId(page, 'role-save-service').click();
        await expectText(page.locator('.ant-message-notice').last(), '已保存角色');
        await page.reload();
        const checkedScope = byTestId(page, 'role-card-service').locator('.ant-radio-wrapper-checked');
        await expectText(checkedScope, '本团队');
        const exportBox = byTestId(page, 'role-card-service').locator('.ant-checkbox-wrapper', {
          has: byTestId(page, 'role-permission-service-customers.export'),
        });
        await expect.poll(() => exportBox.getAttribute('class')).toContain('ant-checkbox-wrapper-checked');
        await screenshot(page, 'admin', 'roles');

        // Audit log: filter by action, expand a record to see before and after.
        await byTestId(page, 'nav-audit').click();
        await page.waitForURL(/\/admin\/audit/);
        await waitForRows(byTestId(page, 'audit-table'));
        await byTestId(page, 'audit-filter-action').locator('input').fill('team.update');
        await page.keyboard.press('Escape');
        await byTestId(page, 'audit-apply').click();
        const rows = byTestId(page, 'audit-table').locator('tr.ant-table-row');
        await expect.poll(async () => (await rows.allInnerTexts()).every((text) => text.includes('team.update'))).toBe(true);
        expect(await rows.count()).toBeGreaterThan(0);
        await rows.first().locator('.ant-table-row-expand-icon').click();
        await expectText(byTestId(page, 'audit-before'), '苏州组');
        await expectText(byTestId(page, 'audit-after'), '苏州一组');
        await screenshot(page, 'admin', 'audit');

        // API tokens: create (shown once), revoke.
        await byTestId(page, 'nav-api-tokens').click();
        await page.waitForURL(/\/settings\/tokens/);
        await byTestId(page, 'tokens-create').click();
        await byTestId(page, 'token-form-name').fill('ERP 同步');
        await byTestId(page, 'token-form-submit').click();
        await expect.poll(() => byTestId(page, 'token-value').inputValue()).not.toBe('');
        const token = await byTestId(page, 'token-value').inputValue();
        await screenshot(page, 'admin', 'token-created');
        await byTestId(page, 'token-created-close').click();
        const row = byTestId(page, 'tokens-table').locator('tr.ant-table-row', { hasText: 'ERP 同步' });
        await expectText(row, '有效');
        await expect.poll(async () => (await page.content()).includes(token)).toBe(false); // shown once only
        await confirmAction(page, byTestId(row, 'token-revoke'), async () => (await row.innerText()).includes('已吊销'));
        await expectText(row, '已吊销');
        await screenshot(page, 'admin', 'tokens');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
