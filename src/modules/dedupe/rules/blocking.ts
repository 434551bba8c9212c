import { pinyin } from 'pinyin-pro';
import { hasHan } from './chinese-text.ts';
import { surnameLength } from './chinese-surnames.ts';
import type { MatchRecord } from './match-record.ts';
import { prepareRecord, type PreparedRecord } from './prepare.ts';

/**
 * Blocking: each record gets a handful of keys, and only records that share a key are
 * compared. Exact keys catch duplicates that share an identifier; fuzzy keys catch the rest
 * while keeping blocks small:
 *
 * - persons: pinyin of the name (each reading order) per city, so homophone typos,
 *   traditional characters and romanised names meet, and across all cities for a record
 *   without a city (a lookup, see LOOKUP); for names of 3+ characters the
 *   sorted characters (swapped characters) and each "one given-name character left out" form
 *   (any other one-character typo), per city; initials + the last 4 digits of the mobile;
 * - companies: the normalised core name; per city, the pinyin of the first three characters
 *   (homophone typos in the brand) and each "one of the first four left out" form (any other
 *   typo or swap there);
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
        // Records without a city look up everyone of that name; placed records do not compare
        // among themselves across cities (张伟 in every city would make huge blocks).
        if (p.city) keys.push(`pn:${v}|${city}`, `${LOOKUP}pn:${v}`);
        else keys.push(`pn:${v}|${city}`, `pn:${v}`);
      }
      if (han === null && latinTokens.length > 0) keys.push(`pl:${latinTokens.join(' ')}|${city}`);
      const chars = han === null ? [] : [...han];
      if (chars.length >= 3) {
        keys.push(`ps:${[...chars].sort().join('')}|${city}`);
        // Each given-name character left out in turn (leaving out the surname would make 静怡|上海 a block of all …静怡).
        for (let i = surnameLength(han as string); i < chars.length; i++) keys.push(`pd:${chars.filter((_, j) => j !== i).join('')}|${city}`);
      }
      if (p.mobile && initials !== '') keys.push(`pm:${initials}|${p.mobile.slice(-4)}`);
    }
  }
  if (p.company && p.company.core !== '') {
    const core = p.company.core;
    keys.push(`cc:${core}`);
    if (hasHan(core)) {
      const chars = [...core];
      const head = chars.slice(0, 3).join('');
      keys.push(`cp:${pinyin(head, { toneType: 'none', v: true }).replace(/\s+/g, '')}|${city}`);
      if (chars.length >= 4) {
        const first4 = chars.slice(0, 4);
        for (let i = 0; i < 4; i++) keys.push(`cd:${first4.filter((_, j) => j !== i).join('')}|${city}`);
      }
    } else {
      // Latin names: two stretches of letters, so that one typo leaves one of them intact.
      keys.push(`cp:${core.slice(0, 5)}|${city}`);
      if (core.length >= 8) keys.push(`cs:${core.slice(5, 10)}|${city}`);
    }
  }
  if (p.address.length >= 6 && p.city) keys.push(`ad:${p.address}|${p.city}`);
  return [...new Set(keys)];
}

/**
 * Prefix of a lookup-only key: the record is a member of the block named by the rest of the
 * key, but is only paired with the block's ordinary members, never with other lookup-only ones.
 */
export const LOOKUP = '~';

/** Ordinary keys that lookup-only members can also hold: the person name across all cities. */
const hasLookupForm = (key: string): boolean => key.startsWith('pn:') && !key.includes('|');

/**
 * For a store of match keys (a table of blockingKeys per customer): the keys to query with,
 * so that a lookup finds the same candidates candidatePairs would pair the record with.
 * Store blockingKeys(record) as they are; query with lookupKeys(blockingKeys(record)).
 */
export function lookupKeys(keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    if (key.startsWith(LOOKUP)) {
      out.add(key.slice(LOOKUP.length));
    } else {
      out.add(key);
      if (hasLookupForm(key)) out.add(LOOKUP + key);
    }
  }
  return [...out];
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
  /**
   * Blocks with more records (or, with lookup-only members, more pairs than a block of this
   * size) are skipped and counted; default 100.
   */
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
  // Per block: ordinary members first in `members`, lookup-only ones in `lookups`.
  const blocksByKey = new Map<string, { members: number[]; lookups: number[] }>();
  keysPerRecord.forEach((keys, index) => {
    for (const key of keys) {
      const lookup = key.startsWith(LOOKUP);
      const name = lookup ? key.slice(LOOKUP.length) : key;
      let block = blocksByKey.get(name);
      if (!block) {
        block = { members: [], lookups: [] };
        blocksByKey.set(name, block);
      }
      (lookup ? block.lookups : block.members).push(index);
    }
  });
  const n = keysPerRecord.length;
  const maxPairs = (maxBlockSize * (maxBlockSize - 1)) / 2;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (i: number, j: number): void => {
    if (i === j) return;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    const code = lo * n + hi;
    if (seen.has(code)) return;
    seen.add(code);
    pairs.push([lo, hi]);
  };
  let blocks = 0;
  let skippedBlocks = 0;
  let largestBlock = 0;
  for (const { members, lookups } of blocksByKey.values()) {
    const k = members.length;
    const work = (k * (k - 1)) / 2 + k * lookups.length;
    if (work === 0) continue;
    if (k > maxBlockSize || work > maxPairs) {
      skippedBlocks++;
      continue;
    }
    blocks++;
    largestBlock = Math.max(largestBlock, k + lookups.length);
    for (let x = 0; x < k; x++) {
      const i = members[x] as number;
      for (let y = x + 1; y < k; y++) add(i, members[y] as number);
      for (const j of lookups) add(i, j);
    }
  }
  return { pairs, blocks, skippedBlocks, largestBlock };
}
