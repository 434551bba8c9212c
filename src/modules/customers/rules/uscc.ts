import { normalizeIdInput } from './id-input.ts';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), administrative
 * division (6), organisation code body (9, per GB 11714), check character (1).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'length' | 'charset' | 'checksum' };

/** Check character for the first 17 characters (already normalised, charset-valid). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`usccCheckChar expects 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) {
      throw new RangeError(`usccCheckChar: '${first17.charAt(i)}' is not in the USCC charset`);
    }
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Trims, converts fullwidth to halfwidth, uppercases, then checks length, charset and checksum. */
export function validateUscc(input: string): UsccResult {
  const value = normalizeIdInput(input);
  if (value.length !== 18) return { ok: false, reason: 'length' };
  for (const ch of value) {
    if (!USCC_CHARSET.includes(ch)) return { ok: false, reason: 'charset' };
  }
  if (usccCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, value };
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Check character of a GB 11714 organisation code (positions 9–17 of a USCC), for the
 * 8-character body: digits count as 0–9, letters A–Z as 10–35. Not enforced by
 * validateUscc (the USCC check character already covers typos); used to build
 * realistic codes.
 */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError(`orgCodeCheckChar expects 8 characters 0-9/A-Z, got '${body8}'`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const code = body8.charCodeAt(i);
    const value = code <= 57 ? code - 48 : code - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}
