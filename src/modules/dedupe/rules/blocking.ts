import { pinyin } from 'pinyin-pro';
import { hasHan } from './chinese-text.ts';
import type { MatchRecord } from './match-record.ts';
import { prepareRecord, type PreparedRecord } from './prepare.ts';

/**
 * Blocking: each record gets a handful of keys, and only records that share a key are
 * compared. Exact keys catch duplicates that share an identifier; fuzzy keys catch the rest
 * while keeping blocks small:
 *
 * - persons: pinyin of the name (each reading order) with and without the city, so homophone
 *   typos, traditional characters and romanised names meet; for names of 3+ characters the
 *   sorted characters (swapped characters) and each "one character left out" form (any other
 *   one-character typo), per city; initials + the last 4 digits of the mobile;
 * - companies: the normalised core name; per city, the pinyin of the first two characters
 *   (homophone typos in the brand) and each "one of the first three left out" form;
 * - anyone: the address below the district, per city.
 */
export function blockingKeys(record: MatchRecord | PreparedRecord): string[] {
  const p = 'name' in record ? prepareRecord(record) : record;
  const keys: string[] = [];
  if (p.mobile) keys.push(`m:${p.mobile}`);
  if (p.email) keys.push(`e:${p.email}`);
  if (p.nationalId) keys.push(`n:${p.nationalId.value}`);
  if (p.creditCode) keys.push(`c:${p.creditCode.value}`);
  const city = p.city ?? '-';
  if (p.person) {
    const { han, pinyinVariants, latinTokens, initials } = p.person;
    if (!p.person.partial) {
      for (const v of pinyinVariants) {
        if (v === '') continue;
        keys.push(`pn:${v}|${city}`, `pn:${v}`);
      }
      if (han === null && latinTokens.length > 0) keys.push(`pl:${latinTokens.join(' ')}|${city}`);
      const chars = han === null ? [] : [...han];
      if (chars.length >= 3) {
        keys.push(`ps:${[...chars].sort().join('')}|${city}`);
        for (let i = 0; i < chars.length; i++) keys.push(`pd:${chars.filter((_, j) => j !== i).join('')}|${city}`);
      }
      if (p.mobile && initials !== '') keys.push(`pm:${initials}|${p.mobile.slice(-4)}`);
    }
  }
  if (p.company && p.company.core !== '') {
    const core = p.company.core;
    keys.push(`cc:${core}`);
    if (hasHan(core)) {
      const chars = [...core];
      const head = chars.slice(0, 2).join('');
      keys.push(`cp:${pinyin(head, { toneType: 'none', v: true }).replace(/\s+/g, '')}|${city}`);
      if (chars.length >= 4) {
        const first3 = chars.slice(0, 3);
        for (let i = 0; i < 3; i++) keys.push(`cd:${first3.filter((_, j) => j !== i).join('')}|${city}`);
      }
    } else {
      keys.push(`cp:${core.slice(0, 5)}|${city}`, `cs:${core.slice(-6)}|${city}`);
    }
  }
  if (p.address.length >= 6 && p.city) keys.push(`ad:${p.address}|${p.city}`);
  return [...new Set(keys)];
}

export type CandidatePairs = {
  /** Index pairs [i, j] with i < j, each once. */
  pairs: [number, number][];
  /** Blocks (keys shared by 2+ records) that were compared. */
  blocks: number;
  /** Blocks larger than maxBlockSize, left out (a shared placeholder phone, 张伟 in all of Shanghai…). */
  skippedBlocks: number;
  /** Size of the largest block that was compared. */
  largestBlock: number;
};

export type CandidateOptions = {
  /** Blocks with more records are skipped and counted; default 100. */
  maxBlockSize?: number;
};

/** Candidate pairs from the blocking keys of each record (see blockingKeys); never all pairs. */
export function candidatePairs(
  records: readonly (MatchRecord | PreparedRecord)[],
  opts: CandidateOptions = {},
): CandidatePairs {
  return candidatePairsFromKeys(records.map(blockingKeys), opts);
}

/** Same as candidatePairs, for keys already computed (e.g. stored with the records). */
export function candidatePairsFromKeys(
  keysPerRecord: readonly (readonly string[])[],
  opts: CandidateOptions = {},
): CandidatePairs {
  const maxBlockSize = opts.maxBlockSize ?? 100;
  if (!Number.isInteger(maxBlockSize) || maxBlockSize < 2) throw new RangeError('maxBlockSize must be an integer ≥ 2');
  const blocksByKey = new Map<string, number[]>();
  keysPerRecord.forEach((keys, index) => {
    for (const key of keys) {
      const members = blocksByKey.get(key);
      if (members) members.push(index);
      else blocksByKey.set(key, [index]);
    }
  });
  const n = keysPerRecord.length;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let blocks = 0;
  let skippedBlocks = 0;
  let largestBlock = 0;
  for (const members of blocksByKey.values()) {
    if (members.length < 2) continue;
    if (members.length > maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    blocks++;
    largestBlock = Math.max(largestBlock, members.length);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        if (i === j) continue;
        const [lo, hi] = i < j ? [i, j] : [j, i];
        const code = lo * n + hi;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([lo, hi]);
      }
    }
  }
  return { pairs, blocks, skippedBlocks, largestBlock };
}
