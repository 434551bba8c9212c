import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  byTestId,
  expectText,
  horizontalOverflow,
  JOURNEY_TIMEOUT,
  login,
  newPage,
  PHONE,
  screenshot,
  useJourney,
} from './browser.ts';

async function expectNoHorizontalScroll(page: Page) {
  // Let late layout (fonts, tables measuring their columns) settle first.
  await page.waitForTimeout(300);
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `page ${page.url()} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
}

describe('journey: phone layout (390×844)', () => {
  const journey = useJourney();

  it(
    'opens the menu from the hamburger and never scrolls sideways',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url, PHONE);
      try {
        await page.goto('/login');
        await byTestId(page, 'login-card').waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, 'phone', 'login');

        await login(page, journey.server.admin);
        await page.locator('[data-testid="customers-table"] tr.ant-table-row').first().waitFor();
        // No sider on a phone: the menu hides behind the hamburger.
        expect(await byTestId(page, 'sider').count()).toBe(0);
        await expect.poll(() => byTestId(page, 'nav-customers').isVisible()).toBe(false);
        await expectNoHorizontalScroll(page);
        await screenshot(page, 'phone', 'customers');

        await byTestId(page, 'nav-toggle').click();
        const drawer = byTestId(page, 'nav-drawer');
        await drawer.waitFor({ state: 'visible' });
        await expectText(byTestId(page, 'drawer-user-name'), '管理员');
        await byTestId(drawer, 'nav-users').waitFor({ state: 'visible' });
        await screenshot(page, 'phone', 'menu');

        const pages: { nav: string; url: RegExp; name: string; ready: string }[] = [
          { nav: 'nav-users', url: /\/admin\/users/, name: 'users', ready: '[data-testid="users-table"] tr.ant-table-row' },
          { nav: 'nav-teams', url: /\/admin\/teams/, name: 'teams', ready: '[data-testid="page-title"]' },
          { nav: 'nav-roles', url: /\/admin\/roles/, name: 'roles', ready: '[data-testid="role-card-admin"]' },
          { nav: 'nav-audit', url: /\/admin\/audit/, name: 'audit', ready: '[data-testid="audit-table"] tr.ant-table-row' },
          { nav: 'nav-api-tokens', url: /\/settings\/tokens/, name: 'api-tokens', ready: '[data-testid="tokens-table"]' },
        ];
        for (const [index, target] of pages.entries()) {
          if (index > 0) await byTestId(page, 'nav-toggle').click();
          await byTestId(drawer, target.nav).click();
          await page.waitForURL(target.url);
          await drawer.waitFor({ state: 'hidden' });
          await page.locator(target.ready).first().waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'phone', target.name);
        }

        // The user dialog fits the phone as well.
        await byTestId(page, 'nav-toggle').click();
        await byTestId(drawer, 'nav-users').click();
        await page.waitForURL(/\/admin\/users/);
        await byTestId(page, 'users-create').click();
        await byTestId(page, 'user-form').waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, 'phone', 'user-form');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
