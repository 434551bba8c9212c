import { matches, type Condition, type Facts } from '../../../lib/conditions.ts';

export type ScoringTarget = 'lead' | 'opportunity';
export const SCORING_TARGETS: readonly ScoringTarget[] = ['lead', 'opportunity'];

/**
 * One reason behind a score. `label` is readable as it is; the data beside it (`ruleId`, or
 * `field` + `value` / `from`-`to` for a model factor) lets a client translate it.
 * `weight` is in points for a rule and in log-odds for a model factor.
 */
export type ScoreReason = {
  kind: 'rule' | 'model';
  label: string;
  weight: number;
  ruleId?: string;
  field?: string;
  value?: string | number | boolean | null;
  /** A second field and value, for a factor that crosses two facts (industry × company size). */
  field2?: string;
  value2?: string | number | boolean | null;
  /** A numeric range [from, to) for a bucketed fact; `to` null means open-ended. */
  from?: number;
  to?: number | null;
};

export type ScoringRule = { id: string; name: string; condition: Condition; points: number; enabled: boolean };

export type RuleScore = { score: number; matched: ScoringRule[] };

export const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** clamp(base + Σ points of the enabled rules that match, 0, 100), with the rules that matched. */
export function ruleScore(rules: readonly ScoringRule[], facts: Facts, base: number): RuleScore {
  let total = base;
  const matched: ScoringRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled || !matches(rule.condition, facts)) continue;
    total += rule.points;
    matched.push(rule);
  }
  return { score: clamp(Math.round(total), 0, 100), matched };
}

export const ruleReason = (rule: ScoringRule): ScoreReason => ({ kind: 'rule', label: rule.name, weight: rule.points, ruleId: rule.id });
