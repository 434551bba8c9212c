import { distance } from 'fastest-levenshtein';

/**
 * String similarities in 0..1 that work on Chinese: every measure here compares code points,
 * so one Han character counts as one unit (a 3-character name with one wrong character is
 * 2/3 similar, not 8/9 as it would be on UTF-8 bytes).
 */

/** 1 − Levenshtein distance / longer length. */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ca = [...a];
  const cb = [...b];
  const longer = Math.max(ca.length, cb.length);
  if (longer === 0) return 1;
  // fastest-levenshtein counts UTF-16 units; fine for the BMP, where nearly all Han characters are.
  const units = a.length === ca.length && b.length === cb.length;
  return 1 - (units ? distance(a, b) : osaDistance(ca, cb, 1)) / longer;
}

/**
 * Optimal-string-alignment distance with a cheaper adjacent transposition: `transposition`
 * is its cost (1 = classic Damerau, 0.5 = a swap of two characters costs half an edit).
 */
export function osaDistance(a: readonly string[], b: readonly string[], transposition = 1): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows are enough for OSA.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && a[i - 1] !== a[i - 2]) {
        best = Math.min(best, (prev2[j - 2] as number) + transposition);
      }
      cur[j] = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] as number;
}

/** Like levenshteinSimilarity, but two swapped neighbouring characters cost `transposition` (half an edit by default). */
export function editSimilarity(a: string, b: string, transposition = 0.5): number {
  if (a === b) return 1;
  const ca = [...a];
  const cb = [...b];
  const longer = Math.max(ca.length, cb.length);
  if (longer === 0) return 1;
  return 1 - osaDistance(ca, cb, transposition) / longer;
}

/** editSimilarity over sequences of tokens (e.g. pinyin syllables): a swap of neighbours costs half. */
export function sequenceSimilarity(a: readonly string[], b: readonly string[], transposition = 0.5): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - osaDistance(a, b, transposition) / longer;
}

/** Jaro–Winkler with the usual prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const ca = [...a];
  const cb = [...b];
  if (ca.length === 0 || cb.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(ca.length, cb.length) / 2) - 1);
  const matchedA = new Array<boolean>(ca.length).fill(false);
  const matchedB = new Array<boolean>(cb.length).fill(false);
  let matches = 0;
  for (let i = 0; i < ca.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(cb.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!matchedB[j] && ca[i] === cb[j]) {
        matchedA[i] = true;
        matchedB[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < ca.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (ca[i] !== cb[k]) transpositions++;
    k++;
  }
  const jaro = (matches / ca.length + matches / cb.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < ca.length && prefix < cb.length && ca[prefix] === cb[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Character bigrams (a single character is its own gram). */
export function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push((chars[i] as string) + (chars[i + 1] as string));
  return grams;
}

/** Sørensen–Dice coefficient over character bigrams (multiset). */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}

/** True if every character of `short` appears in `long` in the same order. */
export function isSubsequence(short: string, long: string): boolean {
  const cs = [...short];
  let i = 0;
  for (const ch of long) {
    if (ch === cs[i]) i++;
    if (i === cs.length) return true;
  }
  return i === cs.length;
}
