import { describe, expect, it } from 'vitest';
import { generateLeadHistory } from '../history-generator.ts';
import { defaultRules } from './default-rules.ts';
import { compileEncoder } from './features.ts';
import { linear } from './logistic.ts';
import type { ScoringRule } from './rule-score.ts';
import { makeScorer } from './scorer.ts';
import { DEFAULT_POLICY, trainOnHistory } from './train.ts';

const rules: ScoringRule[] = defaultRules('lead').map((r, i) => ({ ...r, id: `r${i}`, enabled: true }));

describe('trainOnHistory on a generated history with known drivers', () => {
  const history = generateLeadHistory({ seed: 7, count: 5000 }).rows;
  const outcome = trainOnHistory('lead', history, rules);

  it('learns a model that beats the rule-only score on the newest 20 %', () => {
    expect(outcome.status).toBe('active');
    expect(outcome.trainRows).toBe(4000);
    expect(outcome.heldOutRows).toBe(1000);
    expect(outcome.auc).not.toBeNull();
    expect(outcome.ruleAuc).not.toBeNull();
    expect(outcome.auc!).toBeGreaterThan(outcome.ruleAuc! + 0.05);
    expect(outcome.blendAuc!).toBeGreaterThan(outcome.ruleAuc!);
  });

  it('finds the interaction the rules cannot see (manufacturing × large companies)', () => {
    const model = outcome.model!;
    const encoder = compileEncoder(model.encoder);
    const logit = (industry: string, companySize: string) => linear(model, encoder.encode({ source: 'web_form', completeness: 60, industry, companySize }));
    // Difference in differences of log-odds; the truth is +1.4 for 制造业 × 1000+ and 0 elsewhere.
    const interaction = logit('制造业', '1000+') - logit('制造业', '1-49') - (logit('零售', '1000+') - logit('零售', '1-49'));
    expect(interaction).toBeGreaterThan(0.6);
    const none = logit('教育', '1000+') - logit('教育', '1-49') - (logit('零售', '1000+') - logit('零售', '1-49'));
    expect(Math.abs(none)).toBeLessThan(0.5);
  });

  it('splits by time, not by order of arrival', () => {
    const reversed = trainOnHistory('lead', [...history].reverse(), rules);
    expect(reversed.auc).toBeCloseTo(outcome.auc!, 3);
  });

  it('says so below the minimum history and trains nothing', () => {
    const small = trainOnHistory('lead', history.slice(0, 150), rules);
    expect(small).toMatchObject({ status: 'insufficient', samples: 150, model: null, auc: null });
    expect(small.positives).toBe(history.slice(0, 150).filter((r) => r.won).length);
    const oneSided = history.filter((r) => r.won).slice(0, 300).concat(history.filter((r) => !r.won).slice(0, 10));
    expect(trainOnHistory('lead', oneSided, rules).status).toBe('insufficient');
    expect(trainOnHistory('lead', history.slice(0, 150), rules, { ...DEFAULT_POLICY, minHistory: 100 }).status).toBe('active');
  });
});

describe('makeScorer', () => {
  const history = generateLeadHistory({ seed: 11, count: 1500 }).rows;
  const model = trainOnHistory('lead', history, rules).model!;
  const strong = { source: 'referral', hasCreditCode: true, completeness: 90, daysSinceActivity: 2, activityCount: 6, industry: '制造业', companySize: '1000+', region: '华东' };
  const weak = { source: 'call_list', hasCreditCode: false, completeness: 30, daysSinceActivity: null, activityCount: 0, industry: '软件和信息技术', companySize: '1-49', region: '西北' };

  it('uses rules only without a model, with the matching rules as reasons', () => {
    const scorer = makeScorer({ rules, base: 50, modelWeight: 0.6, model: null });
    expect(scorer.modelActive).toBe(false);
    const result = scorer.score(strong);
    expect(result.score).toBe(90);
    expect(result.probability).toBeNull();
    expect(result.reasons).toEqual([
      { kind: 'rule', label: '转介绍', weight: 20, ruleId: 'r0' },
      { kind: 'rule', label: '有统一社会信用代码', weight: 10, ruleId: 'r1' },
      { kind: 'rule', label: '资料完整度 ≥ 80', weight: 10, ruleId: 'r3' },
    ]);
  });

  it('blends model and rules, and explains with both kinds of reasons (at most five)', () => {
    const scorer = makeScorer({ rules, base: 50, modelWeight: 0.6, model });
    expect(scorer.modelActive).toBe(true);
    const good = scorer.score(strong);
    const bad = scorer.score(weak);
    expect(good.score).toBe(Math.round(0.6 * 100 * good.probability! + 0.4 * good.ruleScore));
    expect(good.score).toBeGreaterThan(bad.score + 30);
    expect(good.reasons.length).toBeLessThanOrEqual(5);
    expect(good.reasons.some((r) => r.kind === 'model' && r.weight > 0)).toBe(true);
    expect(bad.reasons.some((r) => r.kind === 'model' && r.weight < 0)).toBe(true);
    const modelOnly = makeScorer({ rules, base: 50, modelWeight: 1, model }).score(strong);
    expect(modelOnly.score).toBe(Math.round(100 * modelOnly.probability!));
    expect(modelOnly.reasons.every((r) => r.kind === 'model')).toBe(true);
  });
});
