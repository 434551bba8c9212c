import { parseAddress } from '../../../lib/address/index.ts';
import { normalizeEmail } from '../../../lib/email.ts';
import { checkPhone } from '../../../lib/phone.ts';
import { COMPANY_SIZES } from '../../../lib/sales-facts.ts';
import { validateUscc } from '../../customers/index.ts';

export type RawLead = {
  name?: string | null;
  company?: string | null;
  title?: string | null;
  mobile?: string | null;
  email?: string | null;
  creditCode?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  industry?: string | null;
  companySize?: string | null;
  birthYear?: number | null;
  notes?: string | null;
};

export type CleanLead = {
  name: string;
  company: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  creditCode: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  industry: string | null;
  companySize: string | null;
  birthYear: number | null;
  notes: string | null;
  flags: string[];
  completeness: number;
};

/** Why a lead is dropped to the rejected list instead of reaching a salesperson. */
export type RejectReason = 'name_missing' | 'contact_missing' | 'mobile_invalid' | 'mobile_empty';

export type LeadCleanResult = { ok: true; lead: CleanLead } | { ok: false; reasons: RejectReason[]; flags: string[] };

const text = (value: string | null | undefined, max = 200) => {
  const v = value?.normalize('NFKC').trim();
  return v ? v.slice(0, max) : null;
};

/** Fields that make a lead workable, for the completeness percentage. */
const COMPLETENESS_FIELDS = ['name', 'mobile', 'email', 'company', 'title', 'province', 'industry', 'companySize'] as const;

/** Company sizes written the way people write them: "50-199人", "1000人以上", "20". */
export function normalizeCompanySize(input: string | null | undefined): string | null {
  const v = text(input);
  if (!v) return null;
  if ((COMPANY_SIZES as readonly string[]).includes(v)) return v;
  const numbers = [...v.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (numbers.length === 0) return null;
  const n = numbers.length > 1 ? Math.max(...numbers) : numbers[0]!;
  if (n < 50) return '1-49';
  if (n < 200) return '50-199';
  if (n < 1000) return '200-999';
  return '1000+';
}

/**
 * Checks a lead on the way in. A lead nobody can reach (no valid mobile or e-mail) or with no name
 * at all is rejected with its reasons; other bad values are dropped and flagged, the lead kept.
 */
export function cleanLead(raw: RawLead, now: Date): LeadCleanResult {
  const flags: string[] = [];
  const company = text(raw.company);
  const name = text(raw.name, 100) ?? company;

  const phone = checkPhone(raw.mobile);
  const mobile = phone.ok ? phone.e164 : null;
  if (!phone.ok && phone.reason !== 'empty') flags.push('mobile_invalid');
  if (phone.ok && phone.type !== 'mobile') flags.push('mobile_not_mobile');

  const email = normalizeEmail(raw.email);
  if (!email && text(raw.email)) flags.push('email_invalid');

  let creditCode: string | null = null;
  if (text(raw.creditCode)) {
    const checked = validateUscc(raw.creditCode!);
    if (checked.ok) creditCode = checked.value;
    else flags.push('credit_code_invalid');
  }

  const reasons: RejectReason[] = [];
  if (!name) reasons.push('name_missing');
  if (!mobile && !email) reasons.push(!phone.ok && phone.reason !== 'empty' ? 'mobile_invalid' : text(raw.email) ? 'contact_missing' : phone.ok ? 'contact_missing' : 'mobile_empty');
  if (reasons.length > 0) return { ok: false, reasons, flags };

  const address = text(raw.address, 300);
  const parsed = address && !(raw.province && raw.city && raw.district) ? parseAddress(address) : null;
  const birthYear = raw.birthYear && raw.birthYear > 1900 && raw.birthYear <= now.getUTCFullYear() ? raw.birthYear : null;

  const lead: CleanLead = {
    name: name!,
    company,
    title: text(raw.title, 100),
    mobile,
    email,
    creditCode,
    province: text(raw.province) ?? parsed?.province ?? null,
    city: text(raw.city) ?? parsed?.city ?? null,
    district: text(raw.district) ?? parsed?.district ?? null,
    address,
    industry: text(raw.industry, 100),
    companySize: normalizeCompanySize(raw.companySize),
    birthYear,
    notes: text(raw.notes, 2000),
    flags,
    completeness: 0,
  };
  const present = COMPLETENESS_FIELDS.filter((field) => lead[field] !== null && lead[field] !== '').length;
  lead.completeness = Math.round((present / COMPLETENESS_FIELDS.length) * 100);
  return { ok: true, lead };
}
