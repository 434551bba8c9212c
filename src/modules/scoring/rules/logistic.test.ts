import { describe, expect, it } from 'vitest';
import type { EncodedRow } from './features.ts';
import { logLoss, predict, sigmoid, trainLogistic } from './logistic.ts';

/** Rows from a known model over two binary columns: P = σ(-1 + 2·x0 − 1·x1). */
function synthetic(n: number): { rows: EncodedRow[]; labels: boolean[] } {
  const rows: EncodedRow[] = [];
  const labels: boolean[] = [];
  // Exact proportions instead of sampling: each cell gets round(n/4 · p) wins.
  for (const [x0, x1] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
    const p = sigmoid(-1 + 2 * x0 - x1);
    const wins = Math.round((n / 4) * p);
    for (let k = 0; k < n / 4; k++) {
      const idx = [x0 ? 0 : -1, x1 ? 1 : -1].filter((i) => i >= 0);
      rows.push({ idx, val: idx.map(() => 1) });
      labels.push(k < wins);
    }
  }
  return { rows, labels };
}

describe('trainLogistic', () => {
  const { rows, labels } = synthetic(4000);

  it('recovers the generating weights when barely regularised', () => {
    const model = trainLogistic(rows, labels, 2, { l2: 1e-6, iterations: 1500, learningRate: 0.05 });
    expect(model.bias).toBeCloseTo(-1, 1);
    expect(model.weights[0]).toBeCloseTo(2, 1);
    expect(model.weights[1]).toBeCloseTo(-1, 1);
  });

  it('shrinks the weights under a stronger penalty, and lowers the loss from the start', () => {
    const loose = trainLogistic(rows, labels, 2, { l2: 1e-6, iterations: 600, learningRate: 0.05 });
    const tight = trainLogistic(rows, labels, 2, { l2: 0.5, iterations: 600, learningRate: 0.05 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!) * 0.5);
    const untrained = { bias: 0, weights: [0, 0] };
    expect(logLoss(loose, rows, labels)).toBeLessThan(logLoss(untrained, rows, labels) - 0.05);
  });

  it('is deterministic and handles an empty set', () => {
    expect(trainLogistic(rows, labels, 2)).toEqual(trainLogistic(rows, labels, 2));
    expect(trainLogistic([], [], 3)).toEqual({ bias: 0, weights: [0, 0, 0] });
    expect(predict({ bias: 0, weights: [] }, { idx: [], val: [] })).toBe(0.5);
  });
});
