import type { FactValue, Facts } from '../../../lib/conditions.ts';
import type { ScoringTarget } from './rule-score.ts';

/**
 * How facts become model inputs: one-hot columns for categorical facts (and for crosses of two,
 * which let a linear model see an interaction such as industry × company size), range buckets
 * plus one scaled column for numeric facts. Everything is data, stored with the model.
 */
export type NumericSpec = {
  field: string;
  /** Bucket bounds b0 < b1 < …: buckets (-∞, b0), [b0, b1), …, [b_last, ∞); a missing value is its own column. */
  bounds: number[];
  /** Also one continuous column: value / divideBy (log1p of both when log), clipped to [0, 2]. */
  scale?: { divideBy: number; log?: boolean };
};

export type EncodingSpec = {
  categorical: string[];
  numeric: NumericSpec[];
  crosses: Array<[string, string]>;
  /** A categorical value (or pair) seen fewer times than this in training gets no column. */
  minCount: number;
};

/** Facts a model reads. Time since creation / days open are left out: at training time they are the time to close, which leaks the outcome. */
export const ENCODINGS: Record<ScoringTarget, EncodingSpec> = {
  lead: {
    categorical: ['source', 'channel', 'industry', 'region', 'companySize', 'ageBand', 'hasCompany', 'hasCreditCode', 'hasMobile', 'hasEmail'],
    numeric: [
      { field: 'completeness', bounds: [40, 60, 80], scale: { divideBy: 100 } },
      { field: 'daysSinceActivity', bounds: [8, 31, 91] },
      { field: 'activityCount', bounds: [1, 3, 6], scale: { divideBy: 20, log: true } },
    ],
    crosses: [
      ['industry', 'companySize'],
      ['region', 'industry'],
    ],
    minCount: 5,
  },
  opportunity: {
    categorical: ['pipeline', 'stage', 'source', 'industry', 'region', 'customerKind'],
    numeric: [
      { field: 'stageProbability', bounds: [20, 40, 60, 80], scale: { divideBy: 100 } },
      { field: 'amount', bounds: [10_000, 100_000, 1_000_000], scale: { divideBy: 1_000_000, log: true } },
      { field: 'productCount', bounds: [1, 2, 4] },
      { field: 'daysInStage', bounds: [8, 31, 91] },
      { field: 'daysSinceActivity', bounds: [8, 31, 91] },
      { field: 'daysToClose', bounds: [0, 15, 61] },
    ],
    crosses: [['industry', 'stage']],
    minCount: 5,
  },
};

export type CategoryValue = string | boolean | null;
export type Column =
  | { kind: 'value'; field: string; value: CategoryValue }
  | { kind: 'cross'; field: string; value: CategoryValue; field2: string; value2: CategoryValue }
  | { kind: 'bucket'; field: string; from: number | null; to: number | null }
  | { kind: 'scaled'; field: string };

/** What a trained model stores about its inputs. */
export type EncoderData = { spec: EncodingSpec; columns: Column[] };

/** A sparse row: column indexes and their values (1 for one-hot columns). */
export type EncodedRow = { idx: number[]; val: number[] };

const categoryOf = (value: FactValue): CategoryValue => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return String(value);
  return value;
};
const keyOf = (value: CategoryValue) => (value === null ? '\u0000' : typeof value === 'boolean' ? `\u0001${value}` : value);

/** Chooses the columns from the training facts: frequent enough values and pairs, every bucket, every scaled column. */
export function fitEncoder(spec: EncodingSpec, rows: readonly Facts[]): EncoderData {
  const columns: Column[] = [];
  const counted = new Map<string, { count: number; column: Column }>();
  const count = (key: string, column: () => Column) => {
    const seen = counted.get(key);
    if (seen) seen.count++;
    else counted.set(key, { count: 1, column: column() });
  };
  for (const facts of rows) {
    for (const field of spec.categorical) {
      const value = categoryOf(facts[field]);
      count(`v|${field}|${keyOf(value)}`, () => ({ kind: 'value', field, value }));
    }
    for (const [field, field2] of spec.crosses) {
      const value = categoryOf(facts[field]);
      const value2 = categoryOf(facts[field2]);
      if (value === null || value2 === null) continue;
      count(`x|${field}|${keyOf(value)}|${field2}|${keyOf(value2)}`, () => ({ kind: 'cross', field, value, field2, value2 }));
    }
    for (const numeric of spec.numeric) {
      if (typeof facts[numeric.field] !== 'number') count(`v|${numeric.field}|${keyOf(null)}`, () => ({ kind: 'value', field: numeric.field, value: null }));
    }
  }
  // Sorted keys: the same history gives the same columns in the same order.
  for (const key of [...counted.keys()].sort()) {
    const entry = counted.get(key)!;
    if (entry.count >= spec.minCount) columns.push(entry.column);
  }
  for (const numeric of spec.numeric) {
    const { field, bounds } = numeric;
    for (let i = 0; i <= bounds.length; i++) columns.push({ kind: 'bucket', field, from: i === 0 ? null : bounds[i - 1]!, to: i === bounds.length ? null : bounds[i]! });
    if (numeric.scale) columns.push({ kind: 'scaled', field });
  }
  return { spec, columns };
}

export type Encoder = { data: EncoderData; width: number; encode(facts: Facts): EncodedRow };

/** Compiles stored encoder data into a fast encoder: lookups by value, no string building per record. */
export function compileEncoder(data: EncoderData): Encoder {
  const { spec, columns } = data;
  const values = new Map<string, Map<string, number>>(spec.categorical.map((field) => [field, new Map()]));
  const missing = new Map<string, number>(); // numeric field → its "no value" column
  const crosses = spec.crosses.map(([field, field2]) => ({ field, field2, map: new Map<string, Map<string, number>>() }));
  const numerics = spec.numeric.map((numeric) => ({ ...numeric, buckets: new Array<number>(numeric.bounds.length + 1).fill(-1), scaled: -1, missing: -1 }));
  columns.forEach((column, i) => {
    switch (column.kind) {
      case 'value': {
        const map = values.get(column.field);
        if (map) map.set(keyOf(column.value), i);
        else if (column.value === null) missing.set(column.field, i);
        break;
      }
      case 'cross': {
        const cross = crosses.find((c) => c.field === column.field && c.field2 === column.field2);
        if (!cross) break;
        const inner = cross.map.get(keyOf(column.value)) ?? new Map<string, number>();
        inner.set(keyOf(column.value2), i);
        cross.map.set(keyOf(column.value), inner);
        break;
      }
      case 'bucket': {
        const numeric = numerics.find((n) => n.field === column.field);
        if (numeric) numeric.buckets[column.from === null ? 0 : numeric.bounds.indexOf(column.from) + 1] = i;
        break;
      }
      case 'scaled': {
        const numeric = numerics.find((n) => n.field === column.field);
        if (numeric) numeric.scaled = i;
        break;
      }
    }
  });
  for (const numeric of numerics) numeric.missing = missing.get(numeric.field) ?? -1;
  const categorical = [...values.entries()];
  const encode = (facts: Facts): EncodedRow => {
    // Plain arrays: allocating typed arrays per record costs more than the whole lookup.
    const idx: number[] = [];
    const val: number[] = [];
    let n = 0;
    for (const [field, map] of categorical) {
      const i = map.get(keyOf(categoryOf(facts[field])));
      if (i !== undefined) {
        idx[n] = i;
        val[n++] = 1;
      }
    }
    for (const cross of crosses) {
      const value = categoryOf(facts[cross.field]);
      const value2 = categoryOf(facts[cross.field2]);
      if (value === null || value2 === null) continue;
      const i = cross.map.get(keyOf(value))?.get(keyOf(value2));
      if (i !== undefined) {
        idx[n] = i;
        val[n++] = 1;
      }
    }
    for (const numeric of numerics) {
      const raw = facts[numeric.field];
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        if (numeric.missing >= 0) {
          idx[n] = numeric.missing;
          val[n++] = 1;
        }
        continue;
      }
      let bucket = 0;
      while (bucket < numeric.bounds.length && raw >= numeric.bounds[bucket]!) bucket++;
      if (numeric.buckets[bucket]! >= 0) {
        idx[n] = numeric.buckets[bucket]!;
        val[n++] = 1;
      }
      if (numeric.scale && numeric.scaled >= 0) {
        const v = scaleValue(raw, numeric.scale);
        if (v !== 0) {
          idx[n] = numeric.scaled;
          val[n++] = v;
        }
      }
    }
    return { idx, val };
  };
  return { data, width: columns.length, encode };
}

export function scaleValue(raw: number, scale: NonNullable<NumericSpec['scale']>): number {
  const v = scale.log ? Math.log1p(Math.max(0, raw)) / Math.log1p(scale.divideBy) : raw / scale.divideBy;
  return Math.min(2, Math.max(0, v));
}

const show = (value: CategoryValue | number) => (value === null ? '(空)' : String(value));

/** A column as readable text, e.g. `industry = 制造业`, `daysSinceActivity 31–90`; with facts, a scaled column shows the value. */
export function columnLabel(column: Column, facts?: Facts): string {
  switch (column.kind) {
    case 'value':
      return `${column.field} = ${show(column.value)}`;
    case 'cross':
      return `${column.field} = ${show(column.value)} & ${column.field2} = ${show(column.value2)}`;
    case 'bucket':
      if (column.from === null) return `${column.field} < ${column.to}`;
      if (column.to === null) return `${column.field} ≥ ${column.from}`;
      return `${column.field} ${column.from}–${column.to - 1}`;
    case 'scaled': {
      const value = facts?.[column.field];
      return typeof value === 'number' ? `${column.field} = ${value}` : column.field;
    }
  }
}
