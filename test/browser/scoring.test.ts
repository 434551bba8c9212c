import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateLeadHistory } from '../../src/modules/scoring/history-generator.ts';
import { registerScoringTarget, type HistoryRow } from '../../src/modules/scoring/index.ts';
import { byTestId, expectText, JOURNEY_TIMEOUT, login, newPage, pickOption, screenshot, useJourney } from './browser.ts';

const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const ruleRow = (page: Page, name: string) => byTestId(page, 'rules-table').locator('tr.ant-table-row', { hasText: name });
const modal = (page: Page) => page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();

describe('journey: lead scoring settings', () => {
  const journey = useJourney();

  it(
    'edits rules, learns a model from history (after saying the history is too small) and tries a score',
    async () => {
      // The test server runs in this process: a fake lead history source stands in for the leads module.
      let history: HistoryRow[] = generateLeadHistory({ seed: 9, count: 120 }).rows;
      const unregister = registerScoringTarget('lead', { trainingRows: async () => history });
      const { context, page } = await newPage(journey.browser, journey.server.url);
      try {
        await login(page, journey.server.admin);
        await byTestId(page, 'nav-scoring').click();
        await page.waitForURL(/\/settings\/scoring$/);
        await ruleRow(page, '转介绍').waitFor();
        await expectText(ruleRow(page, '30 天未跟进'), '-15');

        // A new rule through the editor: 行业 等于 制造业, +15.
        await byTestId(page, 'rule-add').click();
        await byTestId(page, 'rule-name').fill('制造业客户');
        await pickOption(page, byTestId(page, 'rule-clause-field-0'), '行业');
        await byTestId(page, 'rule-clause-value-0').fill('制造业');
        await numberInput(page, 'rule-points').fill('15');
        // A second clause left without its number: the server refuses it, the editor stays open.
        await byTestId(page, 'rule-add-clause').click();
        await pickOption(page, byTestId(page, 'rule-clause-field-1'), '资料完整度');
        await pickOption(page, byTestId(page, 'rule-clause-op-1'), '大于');
        await byTestId(page, 'rule-save').click();
        await expectText(page.locator('.ant-message'), '提交的数据有误');
        await expect.poll(() => modal(page).isVisible()).toBe(true);
        await numberInput(page, 'rule-clause-value-1').fill('60');
        await byTestId(page, 'rule-save').click();
        await ruleRow(page, '制造业客户').waitFor();
        await expectText(ruleRow(page, '制造业客户'), '+15');
        await expectText(ruleRow(page, '制造业客户'), '行业 等于 制造业 且 资料完整度 大于 60');
        const rules = (await (await page.request.get('/api/v1/scoring/rules?target=lead')).json()) as { items: Array<{ name: string; condition: unknown; enabled: boolean }> };
        expect(rules.items.find((r) => r.name === '制造业客户')?.condition).toEqual({ all: [{ field: 'industry', op: 'eq', value: '制造业' }, { field: 'completeness', op: 'gt', value: 60 }] });

        // Switch 资料完整度 ≥ 80 off.
        await ruleRow(page, '资料完整度 ≥ 80').locator('[data-testid="rule-enabled"]').click();
        await expect
          .poll(async () => ((await (await page.request.get('/api/v1/scoring/rules?target=lead')).json()) as typeof rules).items.find((r) => r.name === '资料完整度 ≥ 80')?.enabled)
          .toBe(false);
        await screenshot(page, 'scoring', 'rules');

        // Too little history: it says so and keeps to the rules.
        await expect.poll(() => byTestId(page, 'model-status').getAttribute('data-status')).toBe('none');
        await byTestId(page, 'model-retrain').click();
        await expect.poll(() => byTestId(page, 'model-status').getAttribute('data-status')).toBe('insufficient');
        await expectText(byTestId(page, 'model-insufficient'), '历史数据太少');
        await expectText(byTestId(page, 'model-insufficient'), '120');

        // Enough history: a model, measured on held-out data against the rules.
        history = generateLeadHistory({ seed: 9, count: 1500 }).rows;
        await byTestId(page, 'model-retrain').click();
        await expect.poll(() => byTestId(page, 'model-status').getAttribute('data-status')).toBe('active');
        const modelAuc = Number(await byTestId(page, 'model-auc').locator('.ant-statistic-content-value').innerText());
        const ruleAuc = Number(await byTestId(page, 'model-rule-auc').locator('.ant-statistic-content-value').innerText());
        expect(modelAuc).toBeGreaterThan(ruleAuc);
        await expectText(byTestId(page, 'model-samples'), '1500');
        expect(await byTestId(page, 'model-weights').locator('.ant-list-item').count()).toBe(10);
        await screenshot(page, 'scoring', 'model');

        // Try it: a referral lead, with reasons from rules and the model.
        await byTestId(page, 'preview-source').fill('referral');
        await numberInput(page, 'preview-completeness').fill('90');
        await byTestId(page, 'preview-run').click();
        await byTestId(page, 'preview-result').waitFor();
        await expectText(byTestId(page, 'preview-result'), '转介绍');
        await expectText(byTestId(page, 'preview-result'), '模型');
        const score = Number(await byTestId(page, 'preview-score').locator('.ant-statistic-content-value').innerText());
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);

        // Settings: the model's weight in the final score.
        await numberInput(page, 'settings-model-weight').fill('0.5');
        await byTestId(page, 'settings-save').click();
        await expect.poll(async () => ((await (await page.request.get('/api/v1/scoring/settings')).json()) as { modelWeight: number }).modelWeight).toBe(0.5);
        await screenshot(page, 'scoring', 'preview');
      } finally {
        unregister();
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
