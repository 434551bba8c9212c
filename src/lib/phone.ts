import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck =
  | { ok: true; e164: string; type: 'mobile' | 'fixed_line' | 'other'; country: string | undefined }
  | { ok: false; reason: 'empty' | 'malformed' | 'impossible' };

/**
 * Normalises a phone number to E.164; numbers without a country code are read as Chinese.
 * "Impossible" means the digits parse but no such number can exist (wrong length or prefix).
 */
export function checkPhone(input: string | null | undefined, defaultCountry: 'CN' = 'CN'): PhoneCheck {
  const raw = (input ?? '').normalize('NFKC').trim();
  if (raw === '') return { ok: false, reason: 'empty' };
  if (!/^[+\d\s().\-]{5,30}$/.test(raw)) return { ok: false, reason: 'malformed' };
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (!parsed.isValid()) return { ok: false, reason: 'impossible' };
  const kind = parsed.getType();
  const type = kind === 'MOBILE' ? 'mobile' : kind === 'FIXED_LINE' ? 'fixed_line' : 'other';
  return { ok: true, e164: parsed.number, type, country: parsed.country };
}

/** 138****5678 for Chinese mobiles; other numbers keep their first 3 and last 2 digits. */
export function maskPhone(e164: string | null): string | null {
  if (!e164) return e164;
  const national = e164.startsWith('+86') ? e164.slice(3) : e164;
  if (national.length === 11) return `${national.slice(0, 3)}****${national.slice(7)}`;
  if (national.length <= 5) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}${'*'.repeat(national.length - 5)}${national.slice(-2)}`;
}
