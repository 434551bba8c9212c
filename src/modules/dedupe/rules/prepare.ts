import { pinyin } from 'pinyin-pro';
import { normalizeAddress } from './address.ts';
import { foldText, hasHan, stripPunctuation } from './chinese-text.ts';
import { normalizeCompanyName, type CompanyName } from './company-name.ts';
import {
  isValidCreditCode,
  isValidNationalId,
  normalizeEmail,
  normalizeIdNumber,
  normalizeMobile,
} from './identifiers.ts';
import type { MatchKind, MatchRecord } from './match-record.ts';
import { normalizePersonName, type PersonName } from './person-name.ts';
import { lookupRegion } from './regions.ts';
import { memoizeText } from '../../../lib/memo.ts';

/**
 * A MatchRecord with every field in the form the rules compare, computed once per record
 * (normalising names costs far more than comparing them).
 */
export type PreparedRecord = {
  id: string;
  kind: MatchKind;
  mobile: string | null;
  email: string | null;
  nationalId: { value: string; valid: boolean } | null;
  creditCode: { value: string; valid: boolean } | null;
  /** Short division names (浙江, 杭州, 西湖) or null. */
  province: string | null;
  city: string | null;
  district: string | null;
  /** normalizeAddress of the record: the part below the district. */
  address: string;
  person: PersonName | null;
  company: (CompanyName & { corePinyin: string }) | null;
};

/** 杭州市 → 杭州, 西湖区 → 西湖, 浦东新区 → 浦东, 广西壮族自治区 → 广西; kept whole when that would leave one character. */
export const divisionKey = (name: string | null | undefined): string | null => (name ? divisionKeyOf(name) : null);

// Division names repeat on every record and folding costs ~10 µs: remember them.
const divisionKeyOf = memoizeText(computeDivisionKey);

function computeDivisionKey(name: string): string | null {
  const text = stripPunctuation(foldText(name));
  if (text === '') return null;
  const known = lookupRegion(text)[0];
  if (known) return known.short;
  const short = text.replace(/(?:特别行政区|自治区|自治州|自治县|新区|地区|省|市|区|县|盟|旗)$/u, '');
  return short.length >= 2 ? short : text;
}

export function prepareRecord(record: MatchRecord): PreparedRecord {
  const nationalId = normalizeIdNumber(record.nationalId);
  const creditCode = normalizeIdNumber(record.creditCode);
  const province = divisionKey(record.province);
  let city = divisionKey(record.city);
  let company: PreparedRecord['company'] = null;
  let person: PersonName | null = null;
  if (record.kind === 'company') {
    const name = normalizeCompanyName(record.name);
    const corePinyin = hasHan(name.core)
      ? pinyin(name.core, { toneType: 'none', type: 'array', v: true }).join('')
      : name.core;
    company = { ...name, corePinyin };
    // A company without an address is still placed by the region in its name (杭州云帆… → 杭州).
    if (city === null && name.region !== null) {
      const region = lookupRegion(name.region, true)[0];
      // A municipality (上海) is its own city; a province (浙江) places nothing.
      city = region?.city ?? (region?.level === 'province' && region.name.endsWith('市') ? region.short : null);
    }
  } else {
    person = normalizePersonName(record.name);
  }
  return {
    id: record.id,
    kind: record.kind,
    mobile: normalizeMobile(record.mobile),
    email: normalizeEmail(record.email),
    nationalId: nationalId ? { value: nationalId, valid: isValidNationalId(nationalId) } : null,
    creditCode: creditCode ? { value: creditCode, valid: isValidCreditCode(creditCode) } : null,
    province,
    city,
    district: divisionKey(record.district),
    address: normalizeAddress(record),
    person,
    company,
  };
}
