import { describe, expect, it } from 'vitest';
import { rocAuc } from './auc.ts';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
  });

  it('counts ties as one half', () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    // pairs (pos, neg): (0.7 vs 0.3) win, (0.7 vs 0.7) tie, (0.3 vs 0.3) tie, (0.3 vs 0.7) loss → (1 + .5 + .5 + 0) / 4
    expect(rocAuc([0.7, 0.3, 0.3, 0.7], [true, true, false, false])).toBe(0.5);
    expect(rocAuc([3, 2, 2, 1], [true, true, false, false])).toBe(0.875);
  });

  it('matches a brute-force pair count on a mixed example', () => {
    const scores = [5, 1, 3, 3, 8, 2, 5, 7, 0, 3];
    const labels = [true, false, true, false, true, false, false, true, false, true];
    let wins = 0;
    let pairs = 0;
    scores.forEach((s, i) =>
      scores.forEach((t, j) => {
        if (!labels[i] || labels[j]) return;
        pairs++;
        wins += s > t ? 1 : s === t ? 0.5 : 0;
      }),
    );
    expect(rocAuc(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });

  it('is null without both classes, and refuses mismatched lengths', () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
    expect(() => rocAuc([1], [])).toThrow();
  });
});
