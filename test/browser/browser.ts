import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** Browser journeys drive the built app (web/dist) served by the real server; the machine is slow, so timeouts are generous. */
export const JOURNEY_TIMEOUT = 240_000;
export const SETUP_TIMEOUT = 180_000;
const ACTION_TIMEOUT = 30_000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails early with the fix when the web app is not built: the server would only serve the API. */
export function assertWebBuilt() {
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npx vite build` before the browser tests');
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 120_000,
  });
}

export type Viewport = { width: number; height: number };
export const DESKTOP: Viewport = { width: 1280, height: 800 };
export const PHONE: Viewport = { width: 390, height: 844 };

export async function newPage(browser: Browser, baseURL: string, viewport: Viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const phone = viewport.width < 768;
  const context = await browser.newContext({
    baseURL,
    viewport,
    isMobile: phone,
    hasTouch: phone,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours the system's reduced-motion setting: no dialog or dropdown animating in
    // while a click lands, which under load swallowed clicks (the helpers below still retry).
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT);
  page.setDefaultNavigationTimeout(60_000);
  page.on('pageerror', (error) => console.error(`[browser] page error: ${error.message}`));
  return { context, page };
}

/** Full-page screenshot to test-results/<journey>-<page>.png. */
export async function screenshot(page: Page, journey: string, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  // From the top (a sticky header would otherwise land mid-page), after drawer/modal/message animations.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(RESULTS, `${journey}-${name}.png`), fullPage: true });
}

export const byTestId = (page: Page | Locator, id: string) => page.locator(`[data-testid="${id}"]`);

/** Waits until a locator's text matches, retrying like an assertion should. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = ACTION_TIMEOUT): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
  await expect
    .poll(async () => (await locator.first().innerText()).trim(), { timeout, interval: 200 })
    .toMatch(typeof expected === 'string' ? new RegExp(escapeRegExp(expected)) : expected);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function fillLogin(page: Page, login: string, password: string): Promise<void> {
  await byTestId(page, 'login-input').fill(login);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
}

/** Logs in from /login and waits for the app shell. */
export async function login(page: Page, admin: { login: string; password: string }): Promise<void> {
  await page.goto('/login');
  // The first render waits for the whole app bundle: as long as a navigation may take under load.
  await byTestId(page, 'login-input').waitFor({ timeout: 60_000 });
  await fillLogin(page, admin.login, admin.password);
  await page.waitForURL(/\/customers/);
  await byTestId(page, 'app-header').waitFor();
}

/** Picks an option in an open antd Select / TreeSelect dropdown by its visible text. */
export async function pickOption(page: Page, select: Locator, text: string, options: { search?: boolean | string; shows?: string } = {}): Promise<void> {
  const shows = options.shows ?? text;
  // Under a loaded machine a dropdown can close again before its option is clicked; five tries
  // were enough where three were not, until a CI run where two journeys' first selects stayed
  // unpickable for ~40 s (five tries): eight, with a pause to let the page settle between tries.
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) {
      await page.waitForTimeout(1_000);
      // A multiple select toggles: an earlier try whose pick showed late must not be clicked off again.
      if ((await select.innerText()).includes(shows)) return;
    }
    await select.click();
    // Long (virtual) lists only render what is shown: filter first. Filled, not typed: Escape hides
    // the search text but the select keeps it, so typing again on a retry would search "王王".
    if (options.search) await select.locator('input').first().fill(typeof options.search === 'string' ? options.search : text);
    // The dropdown that holds the option: an earlier select's list can linger while it animates out,
    // and an AutoComplete filled just before (a region, say) opens a list of the same class.
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ hasText: text }).last();
    // A list still animating in, or closed by a re-render under load, fails this click: retry from the start.
    const clicked = await dropdown
      .getByText(text, { exact: true })
      .first()
      .click({ timeout: 8_000 })
      .then(
        () => true,
        () => false,
      );
    if (!clicked) {
      await page.keyboard.press('Escape');
      continue;
    }
    const took = await expect
      .poll(async () => (await select.innerText()).includes(shows), { timeout: 5_000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (took) return;
  }
  throw new Error(`could not pick "${text}" in the select`);
}

/**
 * Clicks a popup's trigger, then an item in the popup, and waits for `done`; tries again when
 * the choice did not take (a popup still animating in or out swallows the click under load).
 */
export async function chooseFromPopup(trigger: Locator, item: Locator, done: () => Promise<boolean>, what = 'the choice'): Promise<void> {
  const choose = async () => {
    await trigger.click();
    // A popup that never showed its item is closed, so the next try opens it afresh.
    await item.click({ timeout: 8_000 }).catch(() => trigger.page().keyboard.press('Escape'));
  };
  await actUntil(choose, done).catch(() => {
    throw new Error(`${what} did not take`);
  });
}

/** Clicks a Popconfirm trigger and its OK button, and waits for `done`. */
export async function confirmAction(page: Page, trigger: Locator, done: () => Promise<boolean>): Promise<void> {
  await chooseFromPopup(trigger, page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="confirm-ok"]').last(), done, 'the confirmation');
}

/** Opens a Dropdown menu by its trigger and clicks the item with that test id, waiting for `done`. */
export async function chooseMenuItem(page: Page, trigger: Locator, itemTestId: string, done: () => Promise<boolean>): Promise<void> {
  await chooseFromPopup(trigger, page.locator(`.ant-dropdown:not(.ant-dropdown-hidden) [data-testid="${itemTestId}"]`).last(), done, `the menu item ${itemTestId}`);
}

/**
 * Repeats `act` until `done` holds: under load a click can land while a dialog is still animating
 * in and be lost. An act that cannot happen (the button already gone because the first one took)
 * is skipped.
 */
export async function actUntil(act: () => Promise<unknown>, done: () => Promise<boolean>, attempts = 3): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await act().catch(() => undefined);
    const took = await expect
      .poll(done, { timeout: 10_000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (took) return;
  }
  throw new Error('the action did not take');
}

/** Clicks until `done` holds (see actUntil). */
export async function clickUntil(target: Locator, done: () => Promise<boolean>, attempts = 3): Promise<void> {
  await actUntil(() => target.click({ timeout: 5_000 }), done, attempts);
}

/** The document must not scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
}

/** Waits for the antd table to finish loading and to show at least one row. */
export async function waitForRows(table: Locator, timeout = 60_000): Promise<void> {
  await table.locator('tr.ant-table-row').first().waitFor({ state: 'visible', timeout });
}

export type Journey = { server: TestServer; browser: Browser };

/**
 * The whole app on a fresh embedded database, and Chromium, for one describe block: started
 * before its journeys, closed after them. Read `journey.server` / `journey.browser` inside tests.
 */
export function useJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    assertWebBuilt();
    [journey.server, journey.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.close();
  }, SETUP_TIMEOUT);
  return journey;
}
