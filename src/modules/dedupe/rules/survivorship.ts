/**
 * Survivorship: which value of each field the merged customer keeps, and where it came from.
 * Per field, either the newest non-empty value, or the value from the most trusted source
 * (e.g. ERP over a purchased call list); fields without a rule take the newest non-empty
 * value. Empty means null, undefined, '' or only whitespace.
 */
export type SurvivorshipRule = 'newest_non_empty' | 'most_trusted_source';

export type SurvivorRecord = {
  values: Readonly<Record<string, unknown>>;
  /** Channel or system the record came from (erp, online_shop…). */
  source: string;
  /** ISO 8601 timestamp of the record's last change. */
  updatedAt: string;
};

export type Provenance = { recordIndex: number; source: string };

export type Survivor = {
  /** Every field seen in any record or named in the rules; null when all records leave it empty. */
  values: Record<string, unknown>;
  /** For each field that has a value: the index (into the input) and source of the record it came from. */
  provenance: Record<string, Provenance>;
};

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

type Candidate = { index: number; time: number; trust: number; source: string; value: unknown };

/** Newer first; then more trusted; then the earlier record. */
function byNewest(a: Candidate, b: Candidate): number {
  return b.time - a.time || a.trust - b.trust || a.index - b.index;
}

/** More trusted first; then newer; then the earlier record. */
function byTrust(a: Candidate, b: Candidate): number {
  return a.trust - b.trust || b.time - a.time || a.index - b.index;
}

/**
 * Builds the surviving values of a group of records that are one customer.
 * `sourceTrust` lists sources most trusted first; unknown sources rank after all listed ones.
 */
export function survive(
  records: readonly SurvivorRecord[],
  rules: Readonly<Record<string, SurvivorshipRule>>,
  sourceTrust: readonly string[],
): Survivor {
  if (records.length === 0) throw new RangeError('survive needs at least one record');
  const times = records.map((r, i) => {
    const time = Date.parse(r.updatedAt);
    if (Number.isNaN(time)) throw new RangeError(`record ${i}: updatedAt '${r.updatedAt}' is not a date`);
    return time;
  });
  const trustOf = (source: string): number => {
    const at = sourceTrust.indexOf(source);
    return at < 0 ? sourceTrust.length : at;
  };

  const fields: string[] = [];
  const seen = new Set<string>();
  for (const field of [...records.flatMap((r) => Object.keys(r.values)), ...Object.keys(rules)]) {
    if (!seen.has(field)) {
      seen.add(field);
      fields.push(field);
    }
  }

  const values: Record<string, unknown> = {};
  const provenance: Record<string, Provenance> = {};
  for (const field of fields) {
    const candidates: Candidate[] = [];
    records.forEach((record, index) => {
      const value = record.values[field];
      if (isEmptyValue(value)) return;
      candidates.push({ index, time: times[index] as number, trust: trustOf(record.source), source: record.source, value });
    });
    if (candidates.length === 0) {
      values[field] = null;
      continue;
    }
    const rule: SurvivorshipRule = rules[field] ?? 'newest_non_empty';
    let order: (a: Candidate, b: Candidate) => number;
    switch (rule) {
      case 'newest_non_empty':
        order = byNewest;
        break;
      case 'most_trusted_source':
        order = byTrust;
        break;
    }
    const winner = candidates.sort(order)[0] as Candidate;
    values[field] = winner.value;
    provenance[field] = { recordIndex: winner.index, source: winner.source };
  }
  return { values, provenance };
}
