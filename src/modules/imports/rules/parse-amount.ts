/**
 * A money amount as written in Chinese shop and ERP exports: `¥1,234.50`, `￥ 99`, `1234.5元`,
 * `RMB 88.00`, `1.2万`, `人民币100元`. The result is a decimal string with two places, exact (no
 * floating point), ready for a numeric(14, 2) column. More than two decimals are rounded half up
 * and reported. Negative amounts (refunds: `-12`, `(12.00)`) are refused.
 */
export type AmountResult =
  | { ok: true; value: string; rounded: boolean }
  | { ok: false; reason: 'empty' | 'invalid' | 'negative' | 'too_large' };

/** numeric(14, 2): twelve digits before the point. */
const MAX_CENTS = 10n ** 14n - 1n;

export function parseAmount(raw: string): AmountResult {
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/^(人民币|rmb|cny)/i, '').replace(/^[¥$]/, '').replace(/(人民币|rmb|cny)$/i, '');
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  text = text.replace(/^[¥$]/, '').replace(/(元|圆|块)$/, '');
  let factor = 1n;
  if (text.endsWith('万')) {
    factor = 10000n;
    text = text.slice(0, -1);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replaceAll(',', '');
  const match = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(text);
  if (!match) return { ok: false, reason: 'invalid' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? match[3] ?? '';
  // Value in units of 10^-scale, times the factor, to cents rounded half up.
  const scale = BigInt(fraction.length);
  const units = BigInt(whole + fraction) * factor;
  const divisor = 10n ** scale;
  const hundred = units * 100n;
  let cents = hundred / divisor;
  const remainder = hundred % divisor;
  if (remainder * 2n >= divisor && divisor > 1n) cents += 1n;
  const rounded = remainder !== 0n;
  if (negative && cents > 0n) return { ok: false, reason: 'negative' };
  if (cents > MAX_CENTS) return { ok: false, reason: 'too_large' };
  const value = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  return { ok: true, value, rounded };
}
