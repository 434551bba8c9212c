import type { EncodedRow } from './features.ts';

/** A logistic regression: P(won) = σ(bias + Σ weights[i] · x[i]). */
export type LogisticModel = { bias: number; weights: number[] };

export type TrainOptions = {
  /** L2 penalty on the weights (not the bias), per sample: loss = mean log loss + l2/2 · ‖w‖². */
  l2: number;
  iterations: number;
  learningRate: number;
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { l2: 0.001, iterations: 300, learningRate: 0.1 };

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function linear(model: { bias: number; weights: ArrayLike<number> }, row: EncodedRow): number {
  let z = model.bias;
  for (let k = 0; k < row.idx.length; k++) z += model.weights[row.idx[k]!]! * row.val[k]!;
  return z;
}

export const predict = (model: { bias: number; weights: ArrayLike<number> }, row: EncodedRow) => sigmoid(linear(model, row));

/**
 * Full-batch gradient descent with Adam step sizes (rare one-hot columns get gradients scaled by
 * how often they occur; Adam evens that out). No randomness: the same rows give the same model.
 */
export function trainLogistic(rows: readonly EncodedRow[], labels: readonly boolean[], width: number, options: TrainOptions = DEFAULT_TRAIN_OPTIONS): LogisticModel {
  const n = rows.length;
  if (n === 0) return { bias: 0, weights: new Array<number>(width).fill(0) };
  const w = new Float64Array(width);
  const gradient = new Float64Array(width);
  const m = new Float64Array(width + 1);
  const v = new Float64Array(width + 1);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const epsilon = 1e-8;
  // Start the bias at the base rate's log-odds: fewer steps, the same optimum.
  const positives = labels.filter(Boolean).length;
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
  let bias = Math.log(rate / (1 - rate));
  for (let step = 1; step <= options.iterations; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let r = 0; r < n; r++) {
      const row = rows[r]!;
      const error = predict({ bias, weights: w }, row) - (labels[r] ? 1 : 0);
      biasGradient += error;
      for (let k = 0; k < row.idx.length; k++) gradient[row.idx[k]!]! += error * row.val[k]!;
    }
    const correction1 = 1 - beta1 ** step;
    const correction2 = 1 - beta2 ** step;
    for (let i = 0; i <= width; i++) {
      const g = i === width ? biasGradient / n : gradient[i]! / n + options.l2 * w[i]!;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      const delta = (options.learningRate * (m[i]! / correction1)) / (Math.sqrt(v[i]! / correction2) + epsilon);
      if (i === width) bias -= delta;
      else w[i] = w[i]! - delta;
    }
  }
  return { bias, weights: Array.from(w) };
}

/** Mean log loss, for tests and diagnostics. */
export function logLoss(model: LogisticModel, rows: readonly EncodedRow[], labels: readonly boolean[]): number {
  let total = 0;
  rows.forEach((row, r) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, predict(model, row)));
    total -= labels[r] ? Math.log(p) : Math.log(1 - p);
  });
  return total / Math.max(1, rows.length);
}
