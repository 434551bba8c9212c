export type PairDecision = 'merge' | 'review' | 'distinct';

export type DecideThresholds = {
  /** Scores at or above this merge without a person; default 0.9. */
  autoMergeAt?: number;
  /** Scores at or above this (and below autoMergeAt) go to the review queue; default 0.7. */
  reviewAt?: number;
};

export const DEFAULT_THRESHOLDS = { autoMergeAt: 0.9, reviewAt: 0.7 } as const;

/** merge ≥ autoMergeAt > review ≥ reviewAt > distinct. */
export function decidePair(score: number, thresholds: DecideThresholds = {}): PairDecision {
  const autoMergeAt = thresholds.autoMergeAt ?? DEFAULT_THRESHOLDS.autoMergeAt;
  const reviewAt = thresholds.reviewAt ?? DEFAULT_THRESHOLDS.reviewAt;
  if (!(reviewAt >= 0 && autoMergeAt <= 1 && reviewAt <= autoMergeAt)) {
    throw new RangeError(`thresholds must satisfy 0 ≤ reviewAt ≤ autoMergeAt ≤ 1, got ${reviewAt} and ${autoMergeAt}`);
  }
  if (Number.isNaN(score)) throw new RangeError('score is NaN');
  if (score >= autoMergeAt) return 'merge';
  if (score >= reviewAt) return 'review';
  return 'distinct';
}
