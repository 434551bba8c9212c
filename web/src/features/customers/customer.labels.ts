import type { TFunction } from 'i18next';
import type { CustomerKind, MatchReason, MobileStatus } from './customer.types.ts';

/** Labels spelled out key by key, so the locale test sees every one of them; unknown codes show as they are. */
export function kindLabel(t: TFunction, kind: CustomerKind): string {
  switch (kind) {
    case 'person':
      return t('customers.kind.person');
    case 'company':
      return t('customers.kind.company');
  }
}

export function flagLabel(t: TFunction, flag: string): string {
  switch (flag) {
    case 'mobile_missing':
      return t('customers.flag.mobile_missing');
    case 'mobile_invalid':
      return t('customers.flag.mobile_invalid');
    case 'mobile_not_mobile':
      return t('customers.flag.mobile_not_mobile');
    case 'email_invalid':
      return t('customers.flag.email_invalid');
    case 'national_id_invalid':
      return t('customers.flag.national_id_invalid');
    case 'credit_code_invalid':
      return t('customers.flag.credit_code_invalid');
    default:
      return flag;
  }
}

/** What a flag means and what to do about it. */
export function flagHelp(t: TFunction, flag: string): string | undefined {
  switch (flag) {
    case 'mobile_missing':
      return t('customers.flagHelp.mobile_missing');
    case 'mobile_invalid':
      return t('customers.flagHelp.mobile_invalid');
    case 'mobile_not_mobile':
      return t('customers.flagHelp.mobile_not_mobile');
    case 'email_invalid':
      return t('customers.flagHelp.email_invalid');
    case 'national_id_invalid':
      return t('customers.flagHelp.national_id_invalid');
    case 'credit_code_invalid':
      return t('customers.flagHelp.credit_code_invalid');
    default:
      return undefined;
  }
}

export function mobileStatusLabel(t: TFunction, status: MobileStatus): string {
  switch (status) {
    case 'valid':
      return t('customers.mobileStatus.valid');
    case 'invalid':
      return t('customers.mobileStatus.invalid');
    case 'dead':
      return t('customers.mobileStatus.dead');
  }
}

/** Field names of a customer, also used by the duplicate comparison and the settings page. */
export function customerFieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'name':
      return t('customers.field.name');
    case 'kind':
      return t('customers.field.kind');
    case 'mobile':
      return t('customers.field.mobile');
    case 'email':
      return t('customers.field.email');
    case 'nationalId':
      return t('customers.field.nationalId');
    case 'creditCode':
      return t('customers.field.creditCode');
    case 'province':
      return t('customers.field.province');
    case 'city':
      return t('customers.field.city');
    case 'district':
      return t('customers.field.district');
    case 'street':
      return t('customers.field.street');
    case 'address':
      return t('customers.field.address');
    case 'industry':
      return t('customers.field.industry');
    case 'source':
      return t('customers.field.source');
    case 'tags':
      return t('customers.field.tags');
    case 'ownerUserId':
      return t('customers.field.owner');
    case 'createdAt':
      return t('customers.field.createdAt');
    default:
      return field;
  }
}

/** Well-known source codes (demo data, defaults of source trust); a channel typed at import shows as typed. */
export function sourceLabel(t: TFunction, source: string): string {
  switch (source) {
    case 'erp':
      return t('customers.sourceName.erp');
    case 'api':
      return t('customers.sourceName.api');
    case 'online_shop':
      return t('customers.sourceName.online_shop');
    case 'dealer':
      return t('customers.sourceName.dealer');
    case 'web_form':
      return t('customers.sourceName.web_form');
    case 'call_list':
      return t('customers.sourceName.call_list');
    case 'referral':
      return t('customers.sourceName.referral');
    default:
      return source;
  }
}

export function identityKindLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'mobile':
      return t('customers.identityKind.mobile');
    case 'national_id':
      return t('customers.identityKind.national_id');
    case 'credit_code':
      return t('customers.identityKind.credit_code');
    case 'email':
      return t('customers.identityKind.email');
    case 'external':
      return t('customers.identityKind.external');
    default:
      return kind;
  }
}

/** "Same mobile", "Name 0.93 similar"… `detail` fills in the number or place when there is one. */
export function reasonLabel(t: TFunction, reason: MatchReason): string {
  const detail = reason.detail ?? '';
  const text = reasonText(t, reason.code, detail);
  return text ?? (detail ? `${reason.code} (${detail})` : reason.code);
}

function reasonText(t: TFunction, code: string, detail: string): string | undefined {
  switch (code) {
    case 'same_mobile':
      return t('dedupe.reason.same_mobile');
    case 'different_mobile':
      return t('dedupe.reason.different_mobile');
    case 'same_email':
      return t('dedupe.reason.same_email');
    case 'different_email':
      return t('dedupe.reason.different_email');
    case 'same_national_id':
      return t('dedupe.reason.same_national_id');
    case 'different_national_id':
      return t('dedupe.reason.different_national_id');
    case 'same_credit_code':
      return t('dedupe.reason.same_credit_code');
    case 'different_credit_code':
      return t('dedupe.reason.different_credit_code');
    case 'name_equal':
      return t('dedupe.reason.name_equal');
    case 'name_pinyin_equal':
      return t('dedupe.reason.name_pinyin_equal');
    case 'name_partial':
      return t('dedupe.reason.name_partial');
    case 'name_similar':
      return detail ? t('dedupe.reason.name_similar_detail', { detail: percentOf(detail) }) : t('dedupe.reason.name_similar');
    case 'name_different':
      return detail ? t('dedupe.reason.name_different_detail', { detail: percentOf(detail) }) : t('dedupe.reason.name_different');
    case 'branch_office':
      return detail ? t('dedupe.reason.branch_office_detail', { detail }) : t('dedupe.reason.branch_office');
    case 'region_conflict':
      return detail ? t('dedupe.reason.region_conflict_detail', { detail }) : t('dedupe.reason.region_conflict');
    case 'same_district':
      return detail ? t('dedupe.reason.same_district_detail', { detail }) : t('dedupe.reason.same_district');
    case 'same_city':
      return detail ? t('dedupe.reason.same_city_detail', { detail }) : t('dedupe.reason.same_city');
    case 'different_city':
      return detail ? t('dedupe.reason.different_city_detail', { detail }) : t('dedupe.reason.different_city');
    case 'address_similar':
      return detail ? t('dedupe.reason.address_similar_detail', { detail: percentOf(detail) }) : t('dedupe.reason.address_similar');
    case 'different_kind':
      return t('dedupe.reason.different_kind');
    default:
      return undefined;
  }
}

/** "0.93" → "93%"; anything that is not a 0..1 number is shown as given. */
export function percentOf(detail: string): string {
  const value = Number(detail);
  if (!Number.isFinite(value) || value < 0 || value > 1 || detail.trim() === '') return detail;
  return `${Math.round(value * 100)}%`;
}
