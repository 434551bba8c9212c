import { normalizeEmail } from '../../../lib/email.ts';
import { checkPhone } from '../../../lib/phone.ts';
import { validateNationalId } from './national-id.ts';
import { nameSearchKeys } from './search-keys.ts';
import { validateUscc } from './uscc.ts';

export type CustomerKind = 'person' | 'company';
export type IdentityKind = 'mobile' | 'national_id' | 'credit_code' | 'email' | 'external';
export type Identity = { kind: IdentityKind; value: string };

export type RawCustomer = {
  kind: CustomerKind;
  name: string;
  mobile?: string | null;
  email?: string | null;
  nationalId?: string | null;
  creditCode?: string | null;
};

export type CustomerFlag =
  | 'mobile_missing'
  | 'mobile_invalid'
  | 'mobile_not_mobile'
  | 'national_id_invalid'
  | 'credit_code_invalid'
  | 'email_invalid';

export type CleanResult = {
  mobile: string | null;
  mobileStatus: 'valid' | 'invalid' | null;
  email: string | null;
  nationalId: string | null;
  creditCode: string | null;
  namePinyin: string;
  nameInitials: string;
  flags: CustomerFlag[];
  /** Values that failed a check: kept for a person to look at, never used as identity. */
  rejected: Record<string, string>;
  /** Keys that make a customer unique: a person's mobile or national ID, a company's credit code. */
  identities: Identity[];
};


/** Checks and normalises one customer's contact and identity fields, on the way in and on every edit. */
export function cleanCustomer(input: RawCustomer, now: Date): CleanResult {
  const flags: CustomerFlag[] = [];
  const rejected: Record<string, string> = {};
  const identities: Identity[] = [];

  let mobile: string | null = null;
  let mobileStatus: CleanResult['mobileStatus'] = null;
  const phone = checkPhone(input.mobile);
  if (phone.ok) {
    mobile = phone.e164;
    mobileStatus = 'valid';
    if (phone.type !== 'mobile') flags.push('mobile_not_mobile');
    else if (input.kind === 'person') identities.push({ kind: 'mobile', value: phone.e164 });
  } else if (phone.reason === 'empty') {
    flags.push('mobile_missing');
  } else {
    flags.push('mobile_invalid');
    mobileStatus = 'invalid';
    rejected.mobile = String(input.mobile);
  }

  let email: string | null = null;
  const rawEmail = input.email?.normalize('NFKC').trim();
  if (rawEmail) {
    email = normalizeEmail(rawEmail);
    if (!email) {
      flags.push('email_invalid');
      rejected.email = rawEmail;
    }
  }

  let nationalId: string | null = null;
  if (input.nationalId?.trim()) {
    const id = validateNationalId(input.nationalId, now);
    if (id.ok) {
      nationalId = id.value;
      if (input.kind === 'person') identities.push({ kind: 'national_id', value: id.value });
    } else {
      flags.push('national_id_invalid');
      rejected.nationalId = input.nationalId;
    }
  }

  let creditCode: string | null = null;
  if (input.creditCode?.trim()) {
    const code = validateUscc(input.creditCode);
    if (code.ok) {
      creditCode = code.value;
      if (input.kind === 'company') identities.push({ kind: 'credit_code', value: code.value });
    } else {
      flags.push('credit_code_invalid');
      rejected.creditCode = input.creditCode;
    }
  }

  const keys = nameSearchKeys(input.name);
  return { mobile, mobileStatus, email, nationalId, creditCode, namePinyin: keys.pinyin, nameInitials: keys.initials, flags, rejected, identities };
}
