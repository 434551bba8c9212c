import type { Facts } from '../../../lib/conditions.ts';
import { rocAuc } from './auc.ts';
import { compileEncoder, ENCODINGS, fitEncoder } from './features.ts';
import { DEFAULT_TRAIN_OPTIONS, predict, trainLogistic, type TrainOptions } from './logistic.ts';
import { ruleScore, type ScoringRule, type ScoringTarget } from './rule-score.ts';
import type { TrainedModel } from './scorer.ts';

/** One closed record: its facts as they were when it closed, and how it ended. */
export type HistoryRow = { facts: Facts; won: boolean; at: Date };

export type TrainingPolicy = { minHistory: number; minPerClass: number; base: number; modelWeight: number; heldOutShare: number };
export const DEFAULT_POLICY: TrainingPolicy = { minHistory: 200, minPerClass: 20, base: 50, modelWeight: 0.6, heldOutShare: 0.2 };

export type TrainingOutcome = {
  status: 'active' | 'insufficient';
  samples: number;
  positives: number;
  /** Held-out ROC AUC of the model, of the rule-only score, and of the blended final score. */
  auc: number | null;
  ruleAuc: number | null;
  blendAuc: number | null;
  trainRows: number;
  heldOutRows: number;
  model: TrainedModel | null;
};

const fit = (target: ScoringTarget, rows: readonly HistoryRow[], options: TrainOptions): TrainedModel => {
  const encoderData = fitEncoder(ENCODINGS[target], rows.map((r) => r.facts));
  const encoder = compileEncoder(encoderData);
  const { bias, weights } = trainLogistic(
    rows.map((r) => encoder.encode(r.facts)),
    rows.map((r) => r.won),
    encoder.width,
    options,
  );
  return { algorithm: 'logistic', encoder: encoderData, bias, weights };
};

/**
 * Time-ordered evaluation, then the model to use: train on the oldest 80 %, measure AUC on the
 * newest 20 % (model, rules alone, and the blend), then refit on all of it for scoring.
 * Below the minimum history (total, and per class) nothing is trained.
 */
export function trainOnHistory(
  target: ScoringTarget,
  history: readonly HistoryRow[],
  rules: readonly ScoringRule[],
  policy: TrainingPolicy = DEFAULT_POLICY,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): TrainingOutcome {
  const samples = history.length;
  const positives = history.filter((r) => r.won).length;
  const negatives = samples - positives;
  const none = { auc: null, ruleAuc: null, blendAuc: null, trainRows: 0, heldOutRows: 0, model: null };
  if (samples < policy.minHistory || positives < policy.minPerClass || negatives < policy.minPerClass) {
    return { status: 'insufficient', samples, positives, ...none };
  }
  const ordered = history
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.at.getTime() - b.row.at.getTime() || a.i - b.i)
    .map(({ row }) => row);
  const cut = Math.floor(samples * (1 - policy.heldOutShare));
  const train = ordered.slice(0, cut);
  const test = ordered.slice(cut);
  const evaluated = fit(target, train, options);
  const encoder = compileEncoder(evaluated.encoder);
  const labels = test.map((r) => r.won);
  const probabilities = test.map((r) => predict(evaluated, encoder.encode(r.facts)));
  const ruleScores = test.map((r) => ruleScore(rules, r.facts, policy.base).score);
  const w = policy.modelWeight;
  const blended = probabilities.map((p, i) => w * 100 * p + (1 - w) * ruleScores[i]!);
  return {
    status: 'active',
    samples,
    positives,
    auc: rocAuc(probabilities, labels),
    ruleAuc: rocAuc(ruleScores, labels),
    blendAuc: rocAuc(blended, labels),
    trainRows: train.length,
    heldOutRows: test.length,
    model: fit(target, ordered, options),
  };
}
