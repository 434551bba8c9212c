import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';
import { foldText, hanOnly, hasHan } from './chinese-text.ts';
import { isSurname, SURNAME_ROMANISATIONS, surnameLength } from './chinese-surnames.ts';
import { editSimilarity, levenshteinSimilarity } from './text-similarity.ts';
import { memoizeText } from '../../../lib/memo.ts';

/** A person's name in the forms dedupe compares: characters, pinyin, initials, Latin tokens. */
export type PersonName = {
  /** Simplified Han characters only (张三, 買買提·艾力 → 买买提艾力); null for a Latin name. */
  han: string | null;
  /** Toneless pinyin, lower-case, no spaces, surname first when known: zhangsan. */
  pinyin: string;
  /** First letter of each syllable (Han) or token (Latin): zs. */
  initials: string;
  /** Sorted lower-case tokens: [san, zhang] for 张三, Zhang San and San Zhang alike. */
  latinTokens: string[];
  /** Every order the pinyin may be meant in: for `Wei Zhang` both weizhang and zhangwei. */
  pinyinVariants: string[];
  /** Only a surname and a form of address (王先生, 李女士, 张总): compatible with any 王/李/张. */
  partial: boolean;
  /** Pinyin syllables of a Han name in order ([zhang, san]); the tokens as written for a Latin name. */
  syllables: string[];
};

const HONORIFICS = ['总经理', '董事长', '先生', '女士', '小姐', '老师', '经理', '老板', '主任', '师傅', '阿姨', '总', '姐', '哥'];
const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam']);

function syllables(han: string): string[] {
  return pinyin(han, { surname: 'head', toneType: 'none', type: 'array', v: true }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ''),
  );
}

/** See PersonName. Traditional characters and full-width letters are folded first. Read-only: results are shared. */
export const normalizePersonName = memoizeText(computePersonName);

function computePersonName(name: string): PersonName {
  const folded = foldText(name);
  if (hasHan(folded)) return normalizeHan(hanOnly(folded));
  return normalizeLatin(folded);
}

function normalizeHan(input: string): PersonName {
  let han = input;
  let partial = false;
  for (const title of HONORIFICS) {
    const rest = han.slice(0, -title.length);
    if (han.endsWith(title) && rest.length > 0 && isSurname(rest)) {
      han = rest;
      partial = true;
      break;
    }
  }
  const parts = syllables(han);
  const cut = partial ? parts.length : surnameLength(han);
  const family = parts.slice(0, cut).join('');
  const given = parts.slice(cut).join('');
  const py = parts.join('');
  return {
    han,
    pinyin: py,
    initials: parts.map((s) => s.charAt(0)).join(''),
    latinTokens: [family, given].filter((t) => t !== '').sort(),
    pinyinVariants: [py],
    partial,
    syllables: parts,
  };
}

function normalizeLatin(input: string): PersonName {
  const tokens = input
    .replace(/['’\-]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !LATIN_TITLES.has(t));
  const written = tokens.join('');
  const variants = [written];
  let canonical = tokens;
  if (tokens.length >= 2) {
    const last = tokens[tokens.length - 1] as string;
    const rotated = [last, ...tokens.slice(0, -1)];
    variants.push(rotated.join(''));
    // Western order (given name first) when only the last token is a Chinese surname.
    if (SURNAME_ROMANISATIONS.has(last) && !SURNAME_ROMANISATIONS.has(tokens[0] as string)) canonical = rotated;
  }
  return {
    han: null,
    pinyin: canonical.join(''),
    initials: canonical.map((t) => t.charAt(0)).join(''),
    latinTokens: [...tokens].sort(),
    pinyinVariants: [...new Set(variants)],
    partial: false,
    syllables: tokens,
  };
}

export type PersonNameMatch = {
  /** exact: same characters (or same Latin tokens); pinyin: same sound; partial: 王先生 vs 王伟. */
  kind: 'exact' | 'pinyin' | 'similar' | 'partial' | 'different';
  /**
   * 0..1. When the surnames agree, this is the similarity of the given names alone: a shared
   * 张 says little, and 张伟 / 张强 (brothers, or father and son on one phone) must not look
   * half alike.
   */
  similarity: number;
};

/** A swap of two characters or syllables in a name is a typing slip: it costs 0.3 of an edit. */
const SWAP_COST = 0.3;

/**
 * Similarity of two syllable sequences where a syllable one letter off (hao / gao, a slip of
 * one key in the input method) costs half an edit and two swapped syllables cost SWAP_COST.
 */
export function syllableSimilarity(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return 1;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const x = a[i - 1] as string;
      const y = b[j - 1] as string;
      const sub = x === y ? 0 : distance(x, y) === 1 ? 0.5 : 1;
      let best = Math.min((d[i - 1]![j] as number) + 1, (d[i]![j - 1] as number) + 1, (d[i - 1]![j - 1] as number) + sub);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y && x !== y) best = Math.min(best, (d[i - 2]![j - 2] as number) + SWAP_COST);
      d[i]![j] = best;
    }
  }
  return 1 - (d[n]![m] as number) / Math.max(n, m);
}

/**
 * Best of the characters (edit similarity, swaps cheap) and the pinyin syllables (a
 * homophone or one-key slip in one syllable, swapped and misspelt at once: 林雪梅 / 林梅学).
 * Unlike letter-level pinyin similarity, unrelated names share nothing here (丽娟 / 宇轩).
 */
function nearness(hanA: string, hanB: string, sylA: readonly string[], sylB: readonly string[]): number {
  return Math.max(editSimilarity(hanA, hanB, SWAP_COST), syllableSimilarity(sylA, sylB));
}

function removeShared(a: readonly string[], b: readonly string[]): [string[], string[], number] {
  const rest = [...b];
  const left: string[] = [];
  let shared = 0;
  for (const t of a) {
    const at = rest.indexOf(t);
    if (at >= 0) {
      rest.splice(at, 1);
      shared++;
    } else left.push(t);
  }
  return [left, rest, shared];
}

/**
 * How alike two normalised person names are: exact, the same pinyin (homophone typos
 * 张伟/张玮, romanised names 张伟/Zhang Wei/Wei Zhang), a surname with a form of address
 * (王先生), or a similarity of the given names when the surnames agree (of the whole names
 * otherwise, discounted).
 */
export function comparePersonNames(a: PersonName, b: PersonName): PersonNameMatch {
  const result = (similarity: number): PersonNameMatch => ({
    kind: similarity >= 0.6 ? 'similar' : 'different',
    similarity,
  });
  if (a.han !== null && b.han !== null) {
    if (a.partial || b.partial) {
      const sa = a.partial ? a.han : a.han.slice(0, surnameLength(a.han));
      const sb = b.partial ? b.han : b.han.slice(0, surnameLength(b.han));
      return sa === sb ? { kind: 'partial', similarity: 0.6 } : { kind: 'different', similarity: 0 };
    }
    if (a.han === b.han) return { kind: 'exact', similarity: 1 };
    if (a.pinyin === b.pinyin) return { kind: 'pinyin', similarity: 0.95 };
    const cutA = surnameLength(a.han);
    const cutB = surnameLength(b.han);
    const hanA = [...a.han];
    const hanB = [...b.han];
    const sameSurname =
      cutA === cutB &&
      (hanA.slice(0, cutA).join('') === hanB.slice(0, cutB).join('') ||
        a.syllables.slice(0, cutA).join('') === b.syllables.slice(0, cutB).join(''));
    if (sameSurname && hanA.length > cutA && hanB.length > cutB) {
      return result(
        nearness(hanA.slice(cutA).join(''), hanB.slice(cutB).join(''), a.syllables.slice(cutA), b.syllables.slice(cutB)),
      );
    }
    return result(0.9 * nearness(a.han, b.han, a.syllables, b.syllables));
  }
  if (a.han === null && b.han === null && a.latinTokens.join(' ') === b.latinTokens.join(' ')) {
    return { kind: 'exact', similarity: 1 };
  }
  if (a.partial || b.partial) {
    // 张小姐 / Haiyan Zhang: the surname is one of the Latin tokens.
    const [partial, other] = a.partial ? [a, b] : [b, a];
    return other.latinTokens.includes(partial.pinyin) ? { kind: 'partial', similarity: 0.6 } : { kind: 'different', similarity: 0 };
  }
  for (const va of a.pinyinVariants) {
    for (const vb of b.pinyinVariants) if (va === vb) return { kind: 'pinyin', similarity: 0.95 };
  }
  // Latin on at least one side: compare what is left after the tokens both share (the surname, usually).
  const tokensA = a.han !== null ? [a.syllables.slice(0, surnameLength(a.han)).join(''), a.syllables.slice(surnameLength(a.han)).join('')] : a.syllables;
  const tokensB = b.han !== null ? [b.syllables.slice(0, surnameLength(b.han)).join(''), b.syllables.slice(surnameLength(b.han)).join('')] : b.syllables;
  const [restA, restB, shared] = removeShared(tokensA.filter((t) => t !== ''), tokensB.filter((t) => t !== ''));
  if (shared > 0 && restA.length > 0 && restB.length > 0) {
    return result(0.9 * levenshteinSimilarity(restA.join(''), restB.join('')));
  }
  let best = 0;
  for (const va of a.pinyinVariants) {
    for (const vb of b.pinyinVariants) best = Math.max(best, 0.9 * levenshteinSimilarity(va, vb));
  }
  return result(best);
}
