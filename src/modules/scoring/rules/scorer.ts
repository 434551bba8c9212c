import type { Facts } from '../../../lib/conditions.ts';
import { compileEncoder, type EncoderData } from './features.ts';
import { columnReason, modelFactors } from './explain.ts';
import { predict } from './logistic.ts';
import { clamp, ruleReason, ruleScore, type ScoreReason, type ScoringRule } from './rule-score.ts';

/** A trained model as stored (JSON) with its encoder. */
export type TrainedModel = { algorithm: 'logistic'; encoder: EncoderData; bias: number; weights: number[] };

export type ScorerConfig = {
  rules: readonly ScoringRule[];
  base: number;
  /** Share of the model's probability in the final score when a model is active (0..1). */
  modelWeight: number;
  model: TrainedModel | null;
};

export type ScoreResult = { score: number; reasons: ScoreReason[]; ruleScore: number; probability: number | null };
export type Scorer = { modelActive: boolean; score(facts: Facts): ScoreResult };

export const MAX_REASONS = 5;

/**
 * Builds the scoring function once (encoder maps compiled, rules ordered), then scores many records.
 * Final score = round(w · 100 · p + (1 − w) · rule score) with a model, else the rule score.
 * Reasons: the rules and model factors that moved this score most, compared in score points
 * (a model factor's log-odds times the steepest slope of the curve, 25 points per unit).
 */
export function makeScorer(config: ScorerConfig): Scorer {
  const rules = config.rules.filter((r) => r.enabled);
  const model = config.model;
  const w = model ? clamp(config.modelWeight, 0, 1) : 0;
  const encoder = model ? compileEncoder(model.encoder) : null;
  const weights = model ? Float64Array.from(model.weights) : null;
  const prebuilt = model ? model.encoder.columns.map((column) => columnReason(column, 0)) : undefined;
  return {
    modelActive: model !== null,
    score(facts) {
      const rules_ = ruleScore(rules, facts, config.base);
      const candidates: ScoreReason[] = [];
      const impacts: number[] = [];
      for (const rule of rules_.matched) {
        candidates.push(ruleReason(rule));
        impacts.push((1 - w) * rule.points);
      }
      if (!model || !encoder || !weights) {
        return { score: rules_.score, ruleScore: rules_.score, probability: null, reasons: top(candidates, impacts) };
      }
      const row = encoder.encode(facts);
      const probability = predict({ bias: model.bias, weights }, row);
      const score = clamp(Math.round(w * 100 * probability + (1 - w) * rules_.score), 0, 100);
      for (const reason of modelFactors(model.encoder.columns, weights, row, facts, MAX_REASONS, prebuilt)) {
        candidates.push(reason);
        impacts.push(w * 25 * reason.weight);
      }
      return { score, ruleScore: rules_.score, probability, reasons: top(candidates, impacts) };
    },
  };
}

/** The strongest reasons by |impact|, earlier ones first on a tie (a selection scan: there are only a handful). */
function top(candidates: ScoreReason[], impacts: number[]): ScoreReason[] {
  if (candidates.length <= 1) return candidates;
  const taken = new Array<boolean>(candidates.length).fill(false);
  const out: ScoreReason[] = [];
  while (out.length < MAX_REASONS && out.length < candidates.length) {
    let best = -1;
    for (let k = 0; k < candidates.length; k++) {
      if (!taken[k] && (best < 0 || Math.abs(impacts[k]!) > Math.abs(impacts[best]!))) best = k;
    }
    taken[best] = true;
    out.push(candidates[best]!);
  }
  return out;
}
