import { nationalIdCheckChar, orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../customers/index.ts';
import type { Place } from './divisions.ts';
import type { DemoSex } from './person-names.ts';
import type { Random } from './random.ts';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A resident identity number with a real birth date between `minAge` and `maxAge` years
 * before `now` (in China time), a sequence number whose parity matches `sex`, and a
 * correct check character.
 */
export function generateNationalId(
  random: Random,
  opts: { regionCode: string; sex: DemoSex; now: Date; minAge: number; maxAge: number },
): string {
  const today = new Date(opts.now.getTime() + CHINA_OFFSET_MS);
  const year = today.getUTCFullYear() - random.int(opts.minAge + 1, opts.maxAge);
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const sexDigit = opts.sex === 'male' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]);
  const first17 =
    opts.regionCode +
    String(year) +
    String(month).padStart(2, '0') +
    String(day).padStart(2, '0') +
    random.chars('0123456789', 2) +
    String(sexDigit);
  return first17 + nationalIdCheckChar(first17);
}

/**
 * A unified social credit code of an enterprise registered with market regulation
 * (`91`), at district, city or province level, with an organisation code that is either
 * pre-2015 style (8 digits) or the later `MA…` style, both with a correct GB 11714
 * check character, and a correct USCC check character.
 */
export function generateCreditCode(random: Random, place: Place): string {
  const division = random.weighted([
    [place.district.code, 65],
    [place.city.code, 25],
    [place.province.code, 10],
  ] as const);
  const body = random.chance(0.35)
    ? String(random.int(1, 9)) + random.chars('0123456789', 7)
    : `MA${random.chars('0123456789', 1)}${random.chars(USCC_CHARSET, 5)}`;
  const first17 = `91${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
