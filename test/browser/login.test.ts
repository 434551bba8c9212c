import { describe, expect, it } from 'vitest';
import {
  byTestId,
  expectText,
  fillLogin,
  JOURNEY_TIMEOUT,
  newPage,
  screenshot,
  useJourney,
  waitForRows,
} from './browser.ts';

describe('journey: login and logout', () => {
  const journey = useJourney();

  it(
    'rejects a wrong password, lets the right one in, and logs out',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        // Not logged in: any page leads to the login form.
        await page.goto('/customers');
        await page.waitForURL(/\/login/);
        await expectText(byTestId(page, 'login-title'), '登录 Tide');
        await screenshot(page, 'login', 'login-page');

        await fillLogin(page, journey.server.admin.login, 'not-the-password');
        await expectText(byTestId(page, 'login-error'), '账号或密码错误');
        expect(page.url()).toMatch(/\/login/);
        await screenshot(page, 'login', 'wrong-password');

        await byTestId(page, 'login-password').fill(journey.server.admin.password);
        await byTestId(page, 'login-submit').click();
        await page.waitForURL(/\/customers/);
        await expectText(byTestId(page, 'tenant-name'), '示例公司');
        await expectText(byTestId(page, 'user-name'), '管理员');
        await expectText(byTestId(page, 'page-title'), '客户');
        await waitForRows(byTestId(page, 'customers-table'));
        await screenshot(page, 'login', 'customers');

        // The admin sees the admin menu.
        for (const id of ['nav-customers', 'nav-users', 'nav-teams', 'nav-roles', 'nav-audit', 'nav-api-tokens']) {
          await byTestId(page, id).waitFor();
        }

        await byTestId(page, 'logout').click();
        await page.waitForURL(/\/login/);
        await byTestId(page, 'login-card').waitFor();
        await screenshot(page, 'login', 'logged-out');

        // The session is gone, not only hidden: the app sends us back to the login form.
        await page.goto('/admin/users');
        await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers/);
        const me = await page.evaluate(async () => (await fetch('/api/v1/me', { credentials: 'include' })).status);
        expect(me).toBe(401);

        // Too many failures on one account: the server's throttling message is shown.
        let status = 0;
        for (let attempt = 0; attempt < 8 && status !== 429; attempt++) {
          const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
          await fillLogin(page, 'nobody@demo.test', `wrong-${attempt}`);
          status = (await response).status();
        }
        expect(status).toBe(429);
        await expectText(byTestId(page, 'login-error'), '尝试次数过多');
        await screenshot(page, 'login', 'throttled');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
