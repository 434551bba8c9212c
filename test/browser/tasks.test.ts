import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, expectText, horizontalOverflow, JOURNEY_TIMEOUT, login, newPage, PHONE, screenshot, useJourney, type Journey, type Viewport } from './browser.ts';

/** A time as a datetime-local input takes it, in the browser's zone (Asia/Shanghai, UTC+8). */
const shanghaiInput = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

async function createSalesperson(journey: Journey, name: string, email: string) {
  const admin = await newPage(journey.browser, journey.server.url);
  try {
    await login(admin.page, journey.server.admin);
    const res = await admin.page.request.post('/api/v1/users', { data: { name, email, password: 'password-1', roleKey: 'sales' } });
    expect(res.status()).toBe(201);
  } finally {
    await admin.context.close();
  }
}

async function signIn(journey: Journey, email: string, viewport?: Viewport) {
  const session = await newPage(journey.browser, journey.server.url, viewport);
  await login(session.page, { login: email, password: 'password-1' });
  return session;
}

async function createLead(page: Page, data: Record<string, unknown>): Promise<string> {
  const res = await page.request.post('/api/v1/leads', { data });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { lead: { id: string } }).lead.id;
}

describe('journey: follow-up tasks (plan on a lead, see it in 我的待办, complete it)', () => {
  const journey = useJourney();

  it(
    'a salesperson plans a follow-up on a lead page, finds it overdue on /tasks, completes it with one click and finds it done',
    async () => {
      await createSalesperson(journey, '跟进小王', 'wang@tasks.test');
      const { context, page } = await signIn(journey, 'wang@tasks.test');
      try {
        const leadId = await createLead(page, { name: '钱志强', company: '苏州恒达包装有限公司', mobile: '13988880001', province: '江苏省' });
        await page.goto(`/leads/${leadId}`);
        await expectText(byTestId(page, 'page-title'), '钱志强');
        const card = byTestId(page, 'record-tasks');
        await expectText(card, '还没有安排下次跟进');

        // A call promised for two hours ago: planned late, it is overdue at once.
        await byTestId(page, 'record-task-add').click();
        await byTestId(page, 'task-form-title').fill('回电话确认包装报价');
        await byTestId(page, 'task-form-kind-call').click();
        await byTestId(page, 'task-form-due').fill(shanghaiInput(new Date(Date.now() - 2 * 3_600_000)));
        await byTestId(page, 'task-form-note').fill('客户要两种规格的报价');
        await screenshot(page, 'tasks', 'lead-form');
        await byTestId(page, 'task-form-submit').click();
        const planned = card.locator('[data-testid="task-item"]', { hasText: '回电话确认包装报价' });
        await planned.waitFor();
        expect(await planned.getAttribute('data-due')).toBe('overdue');
        await expectText(planned.locator('[data-testid="task-due"]'), '已逾期');

        // Another for the next working morning, the form's default.
        await byTestId(page, 'record-task-add').click();
        await byTestId(page, 'task-form-title').fill('上门送样品');
        await byTestId(page, 'task-form-kind-visit').click();
        await byTestId(page, 'task-form-submit').click();
        await card.locator('[data-testid="task-item"]', { hasText: '上门送样品' }).waitFor();
        await expectText(byTestId(page, 'record-tasks-count'), '2');
        await screenshot(page, 'tasks', 'lead-card');

        // 我的待办: today has nothing left, the overdue tab has the call with a link back to the lead.
        await byTestId(page, 'nav-tasks').click();
        await page.waitForURL(/\/tasks/);
        await expectText(byTestId(page, 'page-title'), '我的待办');
        await expectText(byTestId(page, 'tasks-tab-overdue'), '1');
        await byTestId(page, 'tasks-tab-overdue').click();
        const overdue = byTestId(page, 'tasks-list').locator('[data-testid="task-item"]', { hasText: '回电话确认包装报价' });
        await overdue.waitFor();
        await expectText(overdue.locator('[data-testid="task-record"]'), '苏州恒达包装有限公司 · 钱志强');
        await screenshot(page, 'tasks', 'overdue');

        // One click completes it: it leaves the overdue list and is listed as done.
        await overdue.locator('[data-testid="task-complete"]').click();
        await byTestId(page, 'tasks-empty').waitFor();
        await byTestId(page, 'tasks-tab-upcoming').click();
        await byTestId(page, 'tasks-list').locator('[data-testid="task-item"]', { hasText: '上门送样品' }).waitFor();
        await byTestId(page, 'tasks-tab-done').click();
        const done = byTestId(page, 'tasks-list').locator('[data-testid="task-item"]', { hasText: '回电话确认包装报价' });
        await done.waitFor();
        expect(await done.getAttribute('data-due')).toBe('done');
        await screenshot(page, 'tasks', 'done');

        // Back on the lead, only the visit is still planned; the call counted as a follow-up for the pool.
        await done.locator('[data-testid="task-record"]').click();
        await page.waitForURL(new RegExp(`/leads/${leadId}$`));
        await card.locator('[data-testid="task-item"]', { hasText: '上门送样品' }).waitFor();
        expect(await card.locator('[data-testid="task-item"]', { hasText: '回电话确认包装报价' }).count()).toBe(0);
        const mine = await page.request.get('/api/v1/pool/records', { params: { view: 'mine' } });
        const record = ((await mine.json()) as { items: { id: string; lastFollowUpAt: string | null }[] }).items.find((r) => r.id === leadId);
        expect(record?.lastFollowUpAt).not.toBeNull();
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the tasks page and the follow-up form fit a phone',
    async () => {
      await createSalesperson(journey, '手机小李', 'li@tasks.test');
      const { context, page } = await signIn(journey, 'li@tasks.test', PHONE);
      try {
        const leadId = await createLead(page, { name: '孙丽', company: '无锡新材料科技有限公司', mobile: '13988880002', province: '江苏省' });
        await page.goto(`/leads/${leadId}`);
        await byTestId(page, 'record-task-add').click();
        await byTestId(page, 'task-form-title').fill('微信发产品目录');
        await byTestId(page, 'task-form-kind-wechat').click();
        await byTestId(page, 'task-form-due').fill(shanghaiInput(new Date(Date.now() - 3_600_000)));
        expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
        await byTestId(page, 'task-form-submit').click();
        await byTestId(page, 'record-tasks').locator('[data-testid="task-item"]', { hasText: '微信发产品目录' }).waitFor();
        await screenshot(page, 'tasks', 'phone-lead');

        await page.goto('/tasks?tab=overdue');
        const item = byTestId(page, 'tasks-list').locator('[data-testid="task-item"]', { hasText: '微信发产品目录' });
        await item.waitFor();
        const overflow = await horizontalOverflow(page);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
        await screenshot(page, 'tasks', 'phone-tasks');
        await item.locator('[data-testid="task-complete"]').click();
        await byTestId(page, 'tasks-empty').waitFor();
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
