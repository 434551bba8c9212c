export type Delimiter = ',' | '\t' | ';' | '|';

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';', '|'];
const MAX_RECORDS = 50;

/**
 * Picks the field delimiter from the start of a decoded CSV: the candidate that occurs outside
 * quotes the same number of times in most records (a title line above the header does not throw
 * it off). More consistent wins, then more columns, then the order comma, tab, semicolon, pipe.
 * A file with a single column gets a comma.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const counts = countPerRecord(sample);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const [i, delimiter] of CANDIDATES.entries()) {
    const column = counts.map((c) => c[i] ?? 0);
    const usual = mode(column.filter((n) => n > 0));
    if (usual === 0) continue;
    const consistent = column.filter((n) => n === usual).length / column.length;
    const score = consistent * 1000 + Math.min(usual, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function mode(values: number[]): number {
  const seen = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const n = (seen.get(v) ?? 0) + 1;
    seen.set(v, n);
    if (n > bestCount || (n === bestCount && v > best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** Occurrences of each candidate outside quotes, per record, for the complete records of the sample. */
function countPerRecord(sample: string): number[][] {
  const out: number[][] = [];
  let current = CANDIDATES.map(() => 0);
  let quoted = false;
  let blank = true;
  for (let i = 0; i < sample.length && out.length < MAX_RECORDS; i++) {
    const ch = sample.charAt(i);
    if (ch === '"') {
      quoted = !quoted;
      blank = false;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (!blank) out.push(current);
      current = CANDIDATES.map(() => 0);
      blank = true;
    } else if (!quoted) {
      const k = CANDIDATES.indexOf(ch as Delimiter);
      if (k >= 0) current[k] = (current[k] ?? 0) + 1;
      if (ch.trim() !== '') blank = false;
    }
  }
  // A last record without a line break counts only if nothing at all came before it.
  if (out.length === 0 && !blank) out.push(current);
  return out;
}
