import { describe, expect, it } from 'vitest';
import { actUntil, byTestId, clickUntil, expectText, horizontalOverflow, JOURNEY_TIMEOUT, login, newPage, PHONE, pickOption, screenshot, useJourney, waitForRows } from './browser.ts';

describe('journey: leads (create, score, follow up, qualify; web form intake)', () => {
  const journey = useJourney();

  it(
    'creates a lead, shows its score with reasons, logs a call, answers a duplicate and qualifies it into a customer',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await byTestId(page, 'nav-leads').click();
        await page.waitForURL(/\/leads$/);

        // New lead by hand, from a referral.
        await byTestId(page, 'leads-create').click();
        await byTestId(page, 'lead-form-name').fill('周建国');
        await byTestId(page, 'lead-form-mobile').fill('139 1234 0001');
        await byTestId(page, 'lead-form-company').fill('宁波海曙精密机械有限公司');
        await byTestId(page, 'lead-form-province').fill('浙江省');
        await pickOption(page, byTestId(page, 'lead-form-source'), '转介绍');
        await byTestId(page, 'lead-form-submit').click();
        await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
        const leadUrl = page.url();
        await expectText(byTestId(page, 'page-title'), '周建国');
        await expectText(byTestId(page, 'lead-status'), '新线索');

        // The score and every reason behind it; the referral rule is one of the tenant's default rules.
        const score = await byTestId(page, 'lead-score').first().getAttribute('data-score');
        expect(Number(score)).toBeGreaterThanOrEqual(0);
        expect(Number(score)).toBeLessThanOrEqual(100);
        await expectText(byTestId(page, 'lead-score-reasons'), '转介绍');
        await expectText(byTestId(page, 'lead-score-reasons'), '+20');
        await expectText(byTestId(page, 'lead-profile'), '转介绍');
        await screenshot(page, 'leads', 'lead');

        // Log a call: it lands in the timeline and the lead is now being worked.
        await byTestId(page, 'lead-activity-kind-call').click();
        await byTestId(page, 'lead-activity-note').fill('电话沟通，客户需要 3 台数控机床的报价');
        await byTestId(page, 'lead-activity-submit').click();
        await expectText(byTestId(page, 'lead-activity'), '数控机床');
        await expectText(byTestId(page, 'lead-activity'), '电话');
        await expectText(byTestId(page, 'lead-status'), '跟进中');

        // The same number again is not a second lead: the modal points at the existing one.
        await byTestId(page, 'lead-back').click();
        await page.waitForURL(/\/leads$/);
        await waitForRows(byTestId(page, 'leads-table'));
        await expectText(byTestId(page, 'leads-table'), '周建国');
        await byTestId(page, 'leads-create').click();
        await byTestId(page, 'lead-form-name').fill('周建国');
        await byTestId(page, 'lead-form-mobile').fill('13912340001');
        await byTestId(page, 'lead-form-submit').click();
        await expectText(byTestId(page, 'lead-duplicate'), '周建国');
        await byTestId(page, 'lead-duplicate-link').click();
        await page.waitForURL(leadUrl);

        // A second pipeline, so the qualify dialog offers the choice (the default one preselected).
        const renewal = await page.request.post('/api/v1/pipelines', { data: { name: '续约' } });
        expect(renewal.status()).toBe(201);
        const renewalId = ((await renewal.json()) as { id: string }).id;

        // Qualify into a company customer with an opportunity in that pipeline, due on a chosen date, then open the customer.
        await byTestId(page, 'lead-qualify').click();
        // check() never unchecks, so a try the opening dialog swallowed can be repeated safely.
        await actUntil(
          () => byTestId(page, 'lead-qualify-with-opportunity').check({ timeout: 5_000 }),
          () => byTestId(page, 'lead-qualify-opportunity-name').isVisible(),
        );
        await byTestId(page, 'lead-qualify-opportunity-name').fill('数控机床采购');
        await expectText(byTestId(page, 'lead-qualify-pipeline'), '新签');
        await pickOption(page, byTestId(page, 'lead-qualify-pipeline'), '续约');
        await page.locator('input[data-testid="lead-qualify-amount"], [data-testid="lead-qualify-amount"] input').first().fill('360000');
        const closeDate = page.locator('input[data-testid="lead-qualify-close-date"], [data-testid="lead-qualify-close-date"] input').first();
        await closeDate.click();
        await closeDate.fill('2030-06-28');
        await closeDate.press('Enter');
        await expect.poll(() => closeDate.inputValue()).toBe('2030-06-28');
        await screenshot(page, 'leads', 'qualify-form');
        await byTestId(page, 'lead-qualify-submit').click();
        await byTestId(page, 'lead-qualify-result').waitFor();
        await screenshot(page, 'leads', 'qualified');
        await byTestId(page, 'lead-qualify-customer').click();
        await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
        await byTestId(page, 'customer-page').waitFor();
        await expectText(byTestId(page, 'page-title'), '宁波海曙精密机械有限公司');

        // The customer's opportunities: the new one, with the close date picked in the dialog, in the chosen pipeline.
        await byTestId(page, 'customer-tab-opportunities').click();
        const opportunityRow = byTestId(page, 'customer-opportunities').locator('tr.ant-table-row', { hasText: '数控机床采购' });
        await expectText(opportunityRow, '2030-06-28');
        await expectText(opportunityRow, '360,000.00');
        const created = (await (await page.request.get('/api/v1/opportunities?q=数控机床采购')).json()) as { items: { pipelineId: string; expectedCloseDate: string | null }[] };
        expect(created.items).toEqual([expect.objectContaining({ pipelineId: renewalId, expectedCloseDate: '2030-06-28' })]);

        // Back on the lead: qualified, linked to the customer, no more actions.
        await page.goto(leadUrl);
        await expectText(byTestId(page, 'lead-status'), '已转化');
        await byTestId(page, 'lead-customer-link').waitFor();
        expect(await byTestId(page, 'lead-qualify').count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'hands out unassigned leads from the queue in bulk and shows who assigned them and why',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const user = await page.request.post('/api/v1/users', { data: { name: '王销售', email: 'wang.sales@demo.test', password: 'sales-password-1', roleKey: 'sales' } });
        expect(user.status()).toBe(201);
        for (const [name, mobile] of [['赵一鸣', '13912340011'], ['钱二丽', '13912340012']] as const) {
          const created = await page.request.post('/api/v1/leads', { data: { name, mobile, source: 'event', channel: 'expo' } });
          expect(created.status()).toBe(201);
        }

        // The manager's queue: open leads nobody owns yet.
        await page.goto('/leads');
        await byTestId(page, 'leads-queue').click();
        await page.waitForURL(/owner=none/);
        const table = byTestId(page, 'leads-table');
        await waitForRows(table);
        for (const name of ['赵一鸣', '钱二丽']) {
          await page.locator('[data-testid="lead-row"]', { hasText: name }).locator('.ant-table-selection-column .ant-checkbox').click();
        }
        expect(page.url()).toMatch(/\/leads\?/); // ticking a row does not open it
        await expectText(byTestId(page, 'leads-bulk-bar'), '2');
        await byTestId(page, 'leads-bulk-assign').click();
        // Many people: search by name, then pick (the list is virtual, so only what is shown can be clicked).
        await pickOption(page, byTestId(page, 'lead-assign-user'), '王销售', { search: true });
        await byTestId(page, 'lead-assign-note').fill('展会名单');
        await byTestId(page, 'lead-assign-submit').click();
        // Handed out: they leave the queue.
        await expect.poll(() => page.locator('[data-testid="lead-row"]', { hasText: '赵一鸣' }).count()).toBe(0);

        await page.goto('/leads?source=event');
        const row = page.locator('[data-testid="lead-row"]', { hasText: '赵一鸣' });
        await expectText(byTestId(row, 'lead-owner'), '王销售');
        await byTestId(row, 'lead-name').click();
        await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
        const history = byTestId(page, 'lead-assignments');
        await expectText(history.locator('[data-testid="lead-assignment"][data-method="manual"]'), '王销售');
        await expectText(history.locator('[data-testid="lead-assignment"][data-method="manual"]'), '管理员');
        await expectText(history.locator('[data-testid="lead-assignment"][data-method="manual"]'), '展会名单');
        await screenshot(page, 'leads', 'assigned');

        // Intake that could not become a lead is kept, with its reasons, for the manager to check.
        const batch = await page.request.post('/api/v1/leads/batch', { data: { source: 'import', leads: [{ title: '无名商行采购', mobile: '12345' }] } });
        expect(batch.status()).toBe(200);
        await byTestId(page, 'nav-lead-rejects').click();
        await page.waitForURL(/\/leads\/rejects$/);
        await waitForRows(byTestId(page, 'lead-rejects-table'));
        await expectText(byTestId(page, 'lead-rejects-table'), '缺少姓名');
        await expectText(byTestId(page, 'lead-rejects-table'), '手机号无效');
        await expectText(byTestId(page, 'lead-reject-payload'), '无名商行采购');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'creates a web form in settings, takes a submission on its public page and lists the lead from web_form',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await byTestId(page, 'nav-web-forms').click();
        await page.waitForURL(/\/settings\/web-forms$/);
        await byTestId(page, 'web-forms-create').click();
        await byTestId(page, 'web-form-name').fill('官网咨询表单');
        await byTestId(page, 'web-form-channel').fill('website');
        // A click while the dialog animates in is lost, and the form would be saved without the field.
        const titleBox = page.locator('label.ant-checkbox-wrapper', { has: byTestId(page, 'web-form-field-title') }).locator('input');
        await clickUntil(byTestId(page, 'web-form-field-title'), () => titleBox.isChecked());
        const code = byTestId(page, 'web-form-embed-code');
        await clickUntil(byTestId(page, 'web-form-submit'), () => code.isVisible());

        // Saving a new form offers its embed code straight away.
        await expectText(code, /<iframe src="http:\/\/[^"]+\/f\/[A-Za-z0-9_-]+\?channel=website"/);
        const row = page.locator('[data-testid="web-form-row"]', { hasText: '官网咨询表单' });
        await row.waitFor();
        const key = await row.getAttribute('data-key');
        expect(key).toMatch(/^[A-Za-z0-9_-]{6,}$/);
        await screenshot(page, 'leads', 'web-forms');

        // The public page, as a visitor sees it inside an iframe: no login.
        const visitor = await context.browser()!.newContext({ baseURL: journey.server.url, locale: 'zh-CN' });
        try {
          const form = await visitor.newPage();
          await form.goto(`/f/${key}?channel=baidu`);
          await form.locator('input[name="name"]').fill('林晓燕');
          await form.locator('input[name="mobile"]').fill('13912340002');
          await form.locator('input[name="company"]').fill('厦门鹭岛贸易有限公司');
          await form.locator('input[name="title"]').fill('采购经理');
          await form.waitForTimeout(3_000); // the anti-spam check wants at least 2.5 s of filling in
          await form.locator('button[type="submit"]').click();
          await expect.poll(() => form.locator('#m').innerText(), { timeout: 20_000 }).toContain('提交成功');
        } finally {
          await visitor.close();
        }

        // The lead is in the list, from the web form, with the channel of the placement.
        await page.goto('/leads?source=web_form');
        const table = byTestId(page, 'leads-table');
        await waitForRows(table);
        const leadRow = page.locator('[data-testid="lead-row"]', { hasText: '林晓燕' });
        await leadRow.waitFor();
        expect(await byTestId(leadRow, 'lead-source').getAttribute('data-source')).toBe('web_form');
        await expectText(byTestId(leadRow, 'lead-source'), 'baidu');

        // The form counts the lead it brought in.
        await page.goto('/settings/web-forms');
        await expectText(byTestId(page.locator('[data-testid="web-form-row"]', { hasText: '官网咨询表单' }), 'web-form-leads'), '1');

        // On a phone the list still fits the screen.
        const phone = await newPage(journey.browser, journey.server.url, PHONE);
        try {
          await login(phone.page, journey.server.admin);
          await phone.page.goto('/leads');
          await waitForRows(byTestId(phone.page, 'leads-table'));
          await phone.page.waitForTimeout(300);
          expect((await horizontalOverflow(phone.page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
          await screenshot(phone.page, 'leads', 'phone-list');
          // The lead page too: profile, score, activities and history stack up.
          await phone.page.locator('[data-testid="lead-row"]', { hasText: '林晓燕' }).click();
          await byTestId(phone.page, 'lead-page').waitFor();
          await byTestId(phone.page, 'lead-activity-form').waitFor();
          await phone.page.waitForTimeout(300);
          expect((await horizontalOverflow(phone.page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
          await screenshot(phone.page, 'leads', 'phone-lead');
        } finally {
          await phone.context.close();
        }
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
