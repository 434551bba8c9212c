import { describe, expect, it } from 'vitest';
import { defaultRules } from './default-rules.ts';
import { ruleScore, type ScoringRule } from './rule-score.ts';

const rules: ScoringRule[] = defaultRules('lead').map((r, i) => ({ ...r, id: `r${i}`, enabled: true }));

describe('ruleScore', () => {
  it('adds the points of matching enabled rules to the base', () => {
    const result = ruleScore(rules, { source: 'referral', hasCreditCode: true, daysSinceActivity: 40, completeness: 50 }, 50);
    expect(result.score).toBe(50 + 20 + 10 - 15);
    expect(result.matched.map((r) => r.name)).toEqual(['转介绍', '有统一社会信用代码', '30 天未跟进']);
  });

  it('skips disabled rules and rules whose fact is missing', () => {
    const off = rules.map((r) => (r.name === '转介绍' ? { ...r, enabled: false } : r));
    expect(ruleScore(off, { source: 'referral', daysSinceActivity: null }, 50).score).toBe(50);
  });

  it('clamps to 0..100 and honours another base', () => {
    const big: ScoringRule[] = [{ id: 'a', name: 'a', condition: { all: [] }, points: 100 }].map((r) => ({ ...r, enabled: true }));
    expect(ruleScore(big, {}, 50).score).toBe(100);
    expect(ruleScore([{ ...big[0]!, points: -100 }], {}, 30).score).toBe(0);
    expect(ruleScore([], {}, 35).score).toBe(35);
  });
});
