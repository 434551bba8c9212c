import { checkPhone } from '../../../lib/phone.ts';

/**
 * The phone numbers in one cell. Exports often put several in one cell
 * (`13812345678/13987654321`, `138…；0571-88…`) or label them (`手机:138…`). The first valid
 * mobile is the customer's mobile; other valid numbers are kept as `others`. A valid number that is
 * not a mobile (a landline) is used only when there is no mobile, as the customers module does.
 */
export type PhoneCell =
  | { status: 'empty' }
  | { status: 'valid'; e164: string; mobile: boolean; others: string[] }
  | { status: 'invalid'; raw: string };

const LABEL = /^(手机号码|手机号|手机|电话|联系电话|tel|mobile|phone)\s*[:：]?\s*/i;

/**
 * Chinese mobile numbers as libphonenumber-js (max metadata) knows them, for a fast path: the full
 * check costs about 20 µs a number, too much for a million-row import. `phone-cell.test.ts`
 * compares this pattern with `checkPhone` over every 5-digit prefix, so a metadata update that
 * changes the number plan fails the test rather than drifting.
 */
export const CN_MOBILE = /^1(?:610\d|740[0-5])\d{6}$|^1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}$/;

/** `138 1234 5678`, `+86 138-1234-5678`, `0086 13812345678` → E.164, or null to take the full check. */
export function quickMobile(text: string): string | null {
  const m = /^(?:\+86|0086)?(1[3-9]\d{9})$/.exec(text.replace(/[\s\-().]/g, ''));
  return m?.[1] && CN_MOBILE.test(m[1]) ? `+86${m[1]}` : null;
}

export function readPhoneCell(raw: string): PhoneCell {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { status: 'empty' };
  const parts = splitNumbers(text);
  const valid: { e164: string; mobile: boolean }[] = [];
  for (const part of parts) {
    const number = part.replace(LABEL, '');
    const quick = quickMobile(number);
    if (quick) {
      if (!valid.some((v) => v.e164 === quick)) valid.push({ e164: quick, mobile: true });
      continue;
    }
    const check = checkPhone(number);
    if (check.ok && !valid.some((v) => v.e164 === check.e164)) valid.push({ e164: check.e164, mobile: check.type === 'mobile' });
  }
  const first = valid.find((v) => v.mobile) ?? valid[0];
  if (!first) return { status: 'invalid', raw: text };
  return { status: 'valid', e164: first.e164, mobile: first.mobile, others: valid.filter((v) => v !== first).map((v) => v.e164) };
}

/** The cell as a whole, or its pieces when separators or spacing show several numbers. */
function splitNumbers(text: string): string[] {
  const bySeparator = text.split(/[/,，;；、|]+|\s*(?:或|和|及)\s*/).map((p) => p.trim()).filter((p) => p !== '');
  if (bySeparator.length > 1) return bySeparator;
  // "138 1234 5678" is one number; "13812345678 13987654321" is two.
  const bySpace = text.split(/\s+/);
  if (bySpace.length > 1 && bySpace.every((p) => p.replace(/\D/g, '').length >= 7)) return bySpace;
  return [text];
}
