import type { Facts } from '../../../lib/conditions.ts';
import { columnLabel, type Column, type EncodedRow } from './features.ts';
import type { ScoreReason } from './rule-score.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A model factor as a reason: readable label plus the data a client needs to translate it. */
export function columnReason(column: Column, weight: number, facts?: Facts): ScoreReason {
  const reason: ScoreReason = { kind: 'model', label: columnLabel(column, facts), weight: round2(weight), field: column.field };
  switch (column.kind) {
    case 'value':
      reason.value = column.value;
      break;
    case 'cross':
      reason.value = column.value;
      reason.field2 = column.field2;
      reason.value2 = column.value2;
      break;
    case 'bucket':
      if (column.from !== null) reason.from = column.from;
      reason.to = column.to;
      break;
    case 'scaled': {
      const value = facts?.[column.field];
      if (typeof value === 'number') reason.value = value;
      break;
    }
  }
  return reason;
}

/** The columns that moved this record's log-odds most (weight × value), strongest first. */
export function modelFactors(
  columns: readonly Column[],
  weights: ArrayLike<number>,
  row: EncodedRow,
  facts: Facts,
  limit: number,
  /** `columnReason(column, 0)` per column, built once by a scorer; labels then cost nothing per record. */
  prebuilt?: readonly ScoreReason[],
): ScoreReason[] {
  // Top `limit` by |contribution| with a selection scan: a record has only ~20 active columns.
  const n = row.idx.length;
  const contribution = new Array<number>(n);
  for (let k = 0; k < n; k++) contribution[k] = weights[row.idx[k]!]! * row.val[k]!;
  const reasons: ScoreReason[] = [];
  const taken = new Array<boolean>(n).fill(false);
  while (reasons.length < limit) {
    let best = -1;
    for (let k = 0; k < n; k++) {
      if (taken[k] || Math.abs(contribution[k]!) < 0.005) continue;
      const better = best < 0 || Math.abs(contribution[k]!) > Math.abs(contribution[best]!) || (Math.abs(contribution[k]!) === Math.abs(contribution[best]!) && row.idx[k]! < row.idx[best]!);
      if (better) best = k;
    }
    if (best < 0) break;
    taken[best] = true;
    const i = row.idx[best]!;
    const c = contribution[best]!;
    const column = columns[i]!;
    const ready = prebuilt?.[i];
    reasons.push(ready && column.kind !== 'scaled' ? { ...ready, weight: round2(c) } : columnReason(column, c, facts));
  }
  return reasons;
}

/** The model's strongest weights overall, for the admin's model card. */
export function topWeights(columns: readonly Column[], weights: readonly number[], limit: number): ScoreReason[] {
  return weights
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => Math.abs(w) >= 0.005)
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w) || a.i - b.i)
    .slice(0, limit)
    .map(({ w, i }) => columnReason(columns[i]!, w));
}
