import { describe, expect, it } from 'vitest';
import {
  byTestId,
  expectText,
  fillLogin,
  type Journey,
  JOURNEY_TIMEOUT,
  login,
  newPage,
  screenshot,
  useJourney,
} from './browser.ts';

type Server = Journey['server'];

describe('journey: language switch', () => {
  const journey = useJourney();

  it(
    'switches zh-CN → en-US → zh-CN, and the choice survives a reload',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await expectText(byTestId(page, 'nav-customers'), '客户');
        await expectText(byTestId(page, 'page-title'), '客户');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        await screenshot(page, 'language', 'customers-zh');

        await byTestId(page, 'lang-en-US').click();
        await expectText(byTestId(page, 'nav-customers'), 'Customers');
        await expectText(byTestId(page, 'page-title'), 'Customers');
        await expectText(byTestId(page, 'nav-audit'), 'Audit log');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
        // antd's own texts follow too (the table's empty/filter texts come from its locale).
        await page.reload();
        await expectText(byTestId(page, 'nav-customers'), 'Customers');
        await expectText(byTestId(page, 'logout'), 'Log out');
        await screenshot(page, 'language', 'customers-en');

        // Server messages follow the UI language (Accept-Language).
        await byTestId(page, 'logout').click();
        await page.waitForURL(/\/login/);
        await expectText(byTestId(page, 'login-title'), 'Log in to Tide');
        await fillLogin(page, journey.server.admin.login, 'wrong-password-here');
        await expectText(byTestId(page, 'login-error'), 'Wrong account or password');
        await screenshot(page, 'language', 'login-en');

        // Back to Chinese on the login page, then in the app.
        await byTestId(page, 'lang-zh-CN').click();
        await expectText(byTestId(page, 'login-title'), '登录 Tide');
        await login(page, journey.server.admin);
        await expectText(byTestId(page, 'nav-customers'), '客户');
        await page.reload();
        await expectText(byTestId(page, 'nav-customers'), '客户');
        await expectText(byTestId(page, 'page-title'), '客户');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        await screenshot(page, 'language', 'customers-zh-again');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
