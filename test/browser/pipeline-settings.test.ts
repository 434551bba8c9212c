import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, expectText, JOURNEY_TIMEOUT, login, newPage, pickOption, screenshot, useJourney } from './browser.ts';

const card = (page: Page, pipeline: string) => page.locator(`[data-testid="pipeline-card"][data-pipeline-name="${pipeline}"]`);
const stageRow = (page: Page, pipeline: string, stage: string) => card(page, pipeline).locator(`[data-testid="stage-row"][data-stage-name="${stage}"]`);
const stageNames = (page: Page, pipeline: string) => card(page, pipeline).locator('[data-testid="stage-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage-name')));
const probabilityOf = (page: Page, pipeline: string, stage: string) => stageRow(page, pipeline, stage).locator('input[data-testid="stage-probability"], [data-testid="stage-probability"] input').first();

type PipelineJson = { id: string; name: string; stages: { id: string; name: string; probability: number }[] };

describe('journey: pipeline settings', () => {
  const journey = useJourney();

  it(
    'creates a renewal pipeline, adds, moves and renames a stage, is refused deleting a stage that holds an opportunity, and finds the pipeline on the board',
    async () => {
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await page.goto('/settings/pipelines');
        await card(page, '新签').waitFor();

        // A second pipeline: it starts with the default stages.
        await byTestId(page, 'pipeline-create').click();
        await byTestId(page, 'pipeline-name').fill('续约');
        await byTestId(page, 'pipeline-create-submit').click();
        await stageRow(page, '续约', '初步接触').waitFor();
        await expect.poll(() => stageNames(page, '续约')).toEqual(['初步接触', '需求确认', '方案报价', '商务谈判', '赢单', '输单']);

        // A new open stage goes before the closing ones; give it a probability.
        await byTestId(card(page, '续约'), 'stage-add').click();
        await expect.poll(() => stageNames(page, '续约')).toEqual(['初步接触', '需求确认', '方案报价', '商务谈判', '新阶段', '赢单', '输单']);
        const probability = probabilityOf(page, '续约', '新阶段');
        await probability.fill('60');
        // Wait for this save itself: the stage's "已保存" message from just before is still showing.
        const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/stages/'));
        await probability.press('Enter');
        expect((await saved).status()).toBe(200);
        await expectText(page.locator('.ant-message-notice').last(), '已保存');
        // A cleared field is not a 0: it goes back to the saved value.
        await probability.fill('');
        await probability.press('Tab');
        await expect.poll(() => probability.inputValue()).toBe('60');

        // Up one place, then renamed.
        await byTestId(stageRow(page, '续约', '新阶段'), 'stage-up').click();
        await expect.poll(() => stageNames(page, '续约')).toEqual(['初步接触', '需求确认', '方案报价', '新阶段', '商务谈判', '赢单', '输单']);
        await stageRow(page, '续约', '新阶段').locator('.ant-typography-edit').click();
        const editor = stageRow(page, '续约', '新阶段').locator('textarea');
        await editor.fill('续约报价');
        await editor.press('Enter');
        await expect.poll(() => stageNames(page, '续约')).toEqual(['初步接触', '需求确认', '方案报价', '续约报价', '商务谈判', '赢单', '输单']);

        // All of it was saved: a fresh load shows the same order, name and probability.
        await page.reload();
        await stageRow(page, '续约', '续约报价').waitFor();
        expect(await stageNames(page, '续约')).toEqual(['初步接触', '需求确认', '方案报价', '续约报价', '商务谈判', '赢单', '输单']);
        await expect.poll(() => probabilityOf(page, '续约', '续约报价').inputValue()).toBe('60');
        const pipelines = (await (await page.request.get('/api/v1/pipelines')).json()) as PipelineJson[];
        const renewal = pipelines.find((p) => p.name === '续约')!;
        const stage = renewal.stages.find((s) => s.name === '续约报价')!;
        expect(stage.probability).toBe(60);

        // An opportunity in that stage (through the API, in this page's session): the stage cannot go.
        const customers = (await (await page.request.get('/api/v1/customers?limit=1')).json()) as { items: { id: string; name: string }[] };
        const created = await page.request.post('/api/v1/opportunities', { data: { customerId: customers.items[0]!.id, pipelineId: renewal.id, stageId: stage.id, name: '年度服务续约', amount: 12000 } });
        expect(created.status()).toBe(201);
        await byTestId(stageRow(page, '续约', '续约报价'), 'stage-delete').click();
        await page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="confirm-ok"]').click();
        await expectText(page.locator('.ant-message-notice').last(), '该阶段还有 1 个商机');
        await page.waitForTimeout(300);
        expect(await stageNames(page, '续约')).toContain('续约报价');
        await screenshot(page, 'pipeline', 'settings');

        // The board offers the new pipeline, with the renamed stage holding the opportunity.
        await byTestId(page, 'nav-opportunities').click();
        await page.waitForURL(/\/opportunities/);
        await expectText(byTestId(page, 'opportunities-pipeline'), '新签');
        await pickOption(page, byTestId(page, 'opportunities-pipeline'), '续约');
        const column = page.locator('[data-testid="board-column"][data-stage-name="续约报价"]');
        await column.locator('[data-testid="opportunity-card"]', { hasText: '年度服务续约' }).waitFor();
        expect(await page.locator('[data-testid="board-column"]').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-stage-name')))).toEqual([
          '初步接触',
          '需求确认',
          '方案报价',
          '续约报价',
          '商务谈判',
          '赢单',
          '输单',
        ]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
