import { foldText, stripPunctuation } from './chinese-text.ts';
import { regionPrefix, type Region } from './regions.ts';
import { diceSimilarity, editSimilarity } from './text-similarity.ts';

export type AddressParts = {
  province?: string | null;
  city?: string | null;
  district?: string | null;
  street?: string | null;
  address?: string | null;
};

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_NUMBER = /[零〇一二两三四五六七八九十百千]+(?=号|弄|巷|栋|幢|座|楼|层|单元|室|门)/gu;
/** Right after a region name, these mean the name is a street (北京西路, 杭州路), not a prefix. */
const STREET_AFTER_REGION = /^[东西南北中]?[路街道巷弄里]/u;

/** 八十八 → 88, 一二零三 → 1203, 十 → 10. */
export function chineseNumberToArabic(text: string): number {
  const chars = [...text];
  if (chars.every((c) => c in CN_DIGITS)) return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of chars) {
    if (c in CN_DIGITS) digit = CN_DIGITS[c] as number;
    else {
      total += (digit === 0 ? 1 : digit) * (CN_UNITS[c] as number);
      digit = 0;
    }
  }
  return total + digit;
}

function stripLeadingRegions(text: string, known: readonly string[]): string {
  let rest = text.replace(/^中国/u, '');
  let within: Region | undefined;
  for (let guard = 0; guard < 4; guard++) {
    const hit = regionPrefix(rest, within);
    if (hit && !STREET_AFTER_REGION.test(rest.slice(hit.length)) && rest.length > hit.length) {
      within = hit.region;
      rest = rest.slice(hit.length);
      continue;
    }
    // Division names the index may not know (a renamed district), taken from the record's own fields.
    const own = known.find((name) => name !== '' && rest.startsWith(name) && !STREET_AFTER_REGION.test(rest.slice(name.length)));
    if (!own) break;
    rest = rest.slice(own.length);
  }
  return rest;
}

/**
 * The part of an address below the district, in one comparable spelling: NFKC, simplified,
 * lower-case, no spaces or punctuation, Chinese numerals before 号/楼/室… as digits, 层/F
 * as 楼, 號 as 号, without a trailing 室. Province, city and district are dropped from the
 * front (they are compared as fields). Accepts a plain string or the parts of a record
 * (`address` is used when present, else `street`).
 */
export function normalizeAddress(input: string | AddressParts | null | undefined): string {
  if (input === null || input === undefined) return '';
  const parts: AddressParts = typeof input === 'string' ? { address: input } : input;
  const raw = parts.address?.trim() ? parts.address : (parts.street ?? '');
  if (!raw) return '';
  let text = stripPunctuation(foldText(raw).replace(/#/g, '号'));
  const known = [parts.province, parts.city, parts.district]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map((p) => stripPunctuation(foldText(p)));
  text = stripLeadingRegions(text, known);
  text = text
    .replace(CN_NUMBER, (n) => String(chineseNumberToArabic(n)))
    .replace(/(\d+)(?:层|f)(?![a-z])/gu, '$1楼')
    .replace(/^(.*\d)室$/u, '$1');
  return text;
}

/**
 * Similarity in 0..1 of two addresses already passed through normalizeAddress: edit
 * similarity or bigram Dice, whichever is higher; one address that continues the other past
 * the house number (文三路123号 vs 文三路123号5楼) counts 0.9; different house numbers cap it
 * at 0.6.
 * 0 when either is empty (unknown is not evidence).
 */
export function addressSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  let similarity = Math.max(editSimilarity(a, b), diceSimilarity(a, b));
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (/\d号/u.test(short) && long.startsWith(short)) similarity = Math.max(similarity, 0.9);
  const numberA = /(\d+)号/u.exec(a)?.[1];
  const numberB = /(\d+)号/u.exec(b)?.[1];
  if (numberA !== undefined && numberB !== undefined && numberA !== numberB) similarity = Math.min(similarity, 0.6);
  return similarity;
}
