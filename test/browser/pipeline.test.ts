import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, chooseMenuItem, clickUntil, expectText, JOURNEY_TIMEOUT, login, newPage, pickOption, screenshot, useJourney } from './browser.ts';

const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage-name="${stage}"]`);
const cardIn = (page: Page, stage: string, name: string) => column(page, stage).locator('[data-testid="opportunity-card"]', { hasText: name });

describe('journey: opportunities and the conversion funnel', () => {
  const journey = useJourney();

  it(
    'creates an opportunity, drags it to the next stage, marks it lost with a reason and reads its history',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const customers = (await (await page.request.get('/api/v1/customers?limit=1')).json()) as { items: { name: string }[] };
        const customerName = customers.items[0]!.name;

        await byTestId(page, 'nav-opportunities').click();
        await page.waitForURL(/\/opportunities/);
        await column(page, '初步接触').waitFor();
        await byTestId(page, 'opportunities-create').click();
        await pickOption(page, byTestId(page, 'opportunity-customer'), customerName);
        await byTestId(page, 'opportunity-name').fill('华东区年度采购');
        await page.locator('input[data-testid="opportunity-amount"], [data-testid="opportunity-amount"] input').first().fill('88000');
        await byTestId(page, 'opportunity-create-submit').click();
        await cardIn(page, '初步接触', '华东区年度采购').waitFor();
        await expectText(column(page, '初步接触').locator('[data-testid="board-column-amount"]'), '88,000.00');
        await screenshot(page, 'pipeline', 'board');

        // Drag the card to the next column.
        await cardIn(page, '初步接触', '华东区年度采购').dragTo(column(page, '需求确认'));
        await cardIn(page, '需求确认', '华东区年度采购').waitFor();
        await expect.poll(() => cardIn(page, '初步接触', '华东区年度采购').count()).toBe(0);

        // Lost, through the card's menu (the phone fallback), with a reason.
        await chooseMenuItem(page, cardIn(page, '需求确认', '华东区年度采购').locator('[data-testid="opportunity-card-menu"]'), 'card-menu-输单', () => byTestId(page, 'lost-submit').isVisible());
        // A click while the dialog still zooms in can be lost under load: click until it takes.
        await clickUntil(byTestId(page, 'lost-submit'), () => page.locator('.ant-form-item-explain-error').first().isVisible());
        await expectText(page.locator('.ant-form-item-explain-error'), '请填写输单原因');
        await byTestId(page, 'lost-reason').fill('客户选择了竞品');
        await clickUntil(byTestId(page, 'lost-submit'), async () => (await cardIn(page, '输单', '华东区年度采购').count()) > 0);

        // The history: three stays, each with its duration.
        await cardIn(page, '输单', '华东区年度采购').click();
        await expectText(byTestId(page, 'opportunity-lost-reason'), '客户选择了竞品');
        const entries = byTestId(page, 'history-entry');
        await expect.poll(() => entries.count()).toBe(3);
        expect(await entries.allInnerTexts()).toEqual([expect.stringMatching(/^初步接触[\s\S]*停留/), expect.stringMatching(/^需求确认[\s\S]*停留/), expect.stringMatching(/^输单/)]);
        await screenshot(page, 'pipeline', 'history');

        const list = (await (await page.request.get('/api/v1/opportunities?q=华东区年度采购')).json()) as { items: { status: string; lostReason: string; amount: string }[] };
        expect(list.items).toEqual([expect.objectContaining({ status: 'lost', lostReason: '客户选择了竞品', amount: '88000.00' })]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'shows the conversion funnel with counts per channel',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        const me = (await (await page.request.get('/api/v1/me')).json()) as { tenant: { id: string } };
        const now = Date.now();
        await journey.server.app.db.tenantTx(me.tenant.id, async (tx) => {
          for (const [i, channel, qualified] of [[1, '抖音', true], [2, '抖音', false], [3, '百度', true]] as const) {
            const created = new Date(now - (10 + i) * 86_400_000).toISOString();
            const qualifiedAt = qualified ? new Date(now - 8 * 86_400_000).toISOString() : null;
            await tx.execute(sql`insert into leads (tenant_id, name, source, channel, created_at, qualified_at, status)
              values (${me.tenant.id}, ${`漏斗线索 ${i}`}, 'web_form', ${channel}, ${created}, ${qualifiedAt}, ${qualified ? 'qualified' : 'new'})`);
          }
        });
        await byTestId(page, 'nav-funnel').click();
        await page.waitForURL(/\/analytics\/funnel/);
        await expectText(byTestId(page, 'funnel-count-leads'), /^3$/);
        await expectText(byTestId(page, 'funnel-count-qualified'), /^2$/);
        const table = byTestId(page, 'funnel-table');
        await expectText(table.locator('tr.ant-table-row').first(), /抖音\s+2\s+1 \(50%\)/);
        await screenshot(page, 'pipeline', 'funnel');
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
