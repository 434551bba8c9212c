import { normalizeIdInput } from './id-input.ts';

/**
 * 18-digit resident identity card number (居民身份证号), GB 11643-1999:
 * region (6) + birth date YYYYMMDD (8) + sequence (3, odd = male) + check (1).
 * The 15-digit numbers issued before 1999 are rejected with reason 'length'.
 */
export type Sex = 'male' | 'female';

export type NationalIdFailure = 'length' | 'format' | 'checksum' | 'birthdate' | 'region';

export type NationalIdResult =
  | { ok: true; value: string; birthDate: string; sex: Sex }
  | { ok: false; reason: NationalIdFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level prefixes (GB/T 2260) that can start an identity number: 11–15, 21–23,
 * 31–37, 41–46, 50–54, 61–65, 71, 81, 82, and 83 for the residence permits of Taiwan
 * residents, which have the same format and are accepted wherever an ID number is.
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const MIN_BIRTH_YEAR = 1900;
/** Birth dates are Chinese calendar dates, so "today" is taken in UTC+8. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`nationalIdCheckChar expects 17 digits, got '${first17}'`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates in this order: length, format, region, birthdate, checksum — so a mistyped
 * date is reported as 'birthdate' rather than the less specific 'checksum'.
 * `now` decides what counts as a future birth date (compared as a date in UTC+8).
 */
export function validateNationalId(input: string, now: Date): NationalIdResult {
  const value = normalizeIdInput(input);
  if (value.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return { ok: false, reason: 'region' };

  const birthDate = parseBirthDate(value.slice(6, 14));
  if (birthDate === null || birthDate > chinaDateOf(now)) {
    return { ok: false, reason: 'birthdate' };
  }
  if (nationalIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, reason: 'checksum' };
  }
  const sex: Sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex };
}

/** `YYYYMMDD` → `YYYY-MM-DD` if it is a real calendar date from 1900 on, else null. */
function parseBirthDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function chinaDateOf(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
