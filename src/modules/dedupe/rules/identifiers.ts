import { checkPhone } from '../../../lib/phone.ts';
import { nationalIdCheckChar, validateUscc } from '../../customers/index.ts';

/**
 * Identifiers as dedupe compares them. An identifier is a match key only when it is
 * plausible: a number that is not a phone number, or a code with a wrong check character,
 * is treated as absent rather than as evidence.
 */

/** E.164, or null when empty or not a possible phone number. Accepts full-width digits, spaces, 0086… */
export function normalizeMobile(input: string | null | undefined): string | null {
  if (!input) return null;
  // The fast path: already E.164 as the contract asks.
  if (/^\+861[3-9]\d{9}$/.test(input)) return input;
  const check = checkPhone(input);
  return check.ok ? check.e164 : null;
}

/** Lower-cased, trimmed, full-width folded; null unless it looks like local@domain.tld. */
export function normalizeEmail(input: string | null | undefined): string | null {
  if (!input) return null;
  const value = input.normalize('NFKC').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(value) ? value : null;
}

/** Upper-cased, full-width folded, spaces removed; null when empty. */
export function normalizeIdNumber(input: string | null | undefined): string | null {
  if (!input) return null;
  const value = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return value === '' ? null : value;
}

/**
 * 18 characters with a correct ISO 7064 MOD 11-2 check character. The birth date is not
 * checked against today here: dedupe has no clock, and the format check is enough to tell a
 * real number from a typo.
 */
export function isValidNationalId(value: string): boolean {
  return /^\d{17}[\dX]$/.test(value) && nationalIdCheckChar(value.slice(0, 17)) === value.charAt(17);
}

/** 18 characters of the GB 32100 charset with a correct check character. */
export function isValidCreditCode(value: string): boolean {
  return validateUscc(value).ok;
}
