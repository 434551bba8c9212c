import { parseAddress, type ParsedAddress } from '../../../lib/address/index.ts';
import { validateNationalId, validateUscc } from '../../customers/index.ts';
import type { RowIssue } from '../parse/source-row.ts';
import { cellProblem, cleanName, cleanText } from './clean-text.ts';
import type { CustomerField, FieldKey, OrderField } from './fields.ts';
import { fieldIndex, type HeaderMapping } from './header-mapping.ts';
import { parseAmount } from './parse-amount.ts';
import { parseOrderTime } from './parse-order-time.ts';
import { readPhoneCell } from './phone-cell.ts';
import { readTagsCell } from './tags-cell.ts';

export type CustomerKind = 'person' | 'company';

/**
 * A row made into a customer. Values that failed their check are not used (null here) but kept in
 * `rejectedValues` for a person to look at; they never serve as identity. Flag codes follow the
 * customers module's (`mobile_invalid`, `national_id_invalid` …).
 */
export type CleanCustomer = {
  kind: CustomerKind;
  name: string | null;
  /** The person named in the row when the customer is the company (公司名称 + 联系人). */
  contactName: string | null;
  /** E.164. A landline when the row has no mobile (flagged `mobile_not_mobile`). */
  mobile: string | null;
  mobileStatus: 'valid' | 'invalid' | null;
  /** Further valid numbers found in the phone cell (E.164). */
  otherPhones: string[];
  email: string | null;
  nationalId: string | null;
  creditCode: string | null;
  companyName: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  /** The address as written (cleaned); the parsed parts are in the fields above. */
  address: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  industry: string | null;
  source: string | null;
  externalId: string | null;
  note: string | null;
  /** Split, trimmed, without repeats (see `readTagsCell`); added to the customer's tags, never replacing them. */
  tags: string[];
  rejectedValues: Partial<Record<'mobile' | 'email' | 'nationalId' | 'creditCode' | 'kind', string>>;
};

export type CleanOrder = {
  orderNo: string;
  /** ISO-8601 UTC. */
  orderedAt: string | null;
  /** Decimal with two places, e.g. "1234.50". */
  amount: string | null;
  items: { name: string; quantity?: number }[];
  quantity: number | null;
  customerName: string | null;
  /** E.164. */
  customerMobile: string | null;
  customerExternalId: string | null;
  channel: string | null;
  rejectedValues: Partial<Record<'customerMobile' | 'quantity', string>>;
};

export type FlagCode =
  | 'name_missing'
  | 'mobile_missing'
  | 'mobile_invalid'
  | 'mobile_not_mobile'
  | 'mobile_multiple'
  | 'email_invalid'
  | 'national_id_invalid'
  | 'credit_code_invalid'
  | 'kind_unrecognised'
  | 'kind_conflict'
  | 'address_unparsed'
  | 'region_mismatch'
  | 'tag_too_long'
  | 'tags_too_many'
  | 'time_missing'
  | 'time_future'
  | 'amount_missing'
  | 'amount_rounded'
  | 'quantity_invalid'
  | 'customer_mobile_invalid';

/** Something wrong or missing in an accepted row. */
export type Flag = { field: FieldKey; code: FlagCode };

export type RejectCode =
  | RowIssue
  | 'binary_junk'
  | 'no_identity'
  | 'order_no_missing'
  | 'amount_invalid'
  | 'amount_negative'
  | 'amount_too_large'
  | 'time_invalid'
  | 'customer_missing';

/** Why a row was rejected; `field` is null for the row as a whole. */
export type RejectReason = { field: FieldKey | null; code: RejectCode };

export type MapResult<T> = { ok: true; record: T; flags: Flag[] } | { ok: false; reasons: RejectReason[] };

export type MapRowOptions = {
  /** Decides future birth dates and order times. */
  now: Date;
  /** Issues the reader found on the row (`SourceRow.issues`); any of them rejects it. */
  issues?: readonly RowIssue[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Names that are organisations, not people. */
const COMPANY_NAME =
  /(公司|集团|有限|股份|企业|工厂|厂$|商行|商店|门市部|经营部|事务所|工作室|合作社|研究院|研究所|学校|学院|大学|医院|诊所|银行|协会|商会|基金会|中心$|酒店|宾馆|餐厅|饭店|超市|个体户|店$|\b(co|ltd|inc|llc|corp|corporation|gmbh|limited|company)\b\.?)/i;

const PERSON_KINDS = new Set(['个人', '自然人', '个人客户', '私人', '消费者', '散客', 'c', '2c', 'toc', 'b2c', 'person', 'individual', 'personal', 'consumer', 'private']);
const COMPANY_KINDS = new Set([
  '企业', '公司', '单位', '机构', '组织', '法人', '企业客户', '公司客户', '机构客户', '团体', '个体户', '个体工商户',
  'b', '2b', 'tob', 'b2b', 'company', 'business', 'organization', 'organisation', 'enterprise', 'corporate',
]);

/** 个人 / 企业 / B / C / person / company … → a kind, or null when the text says neither. */
export function kindFromText(text: string): CustomerKind | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (PERSON_KINDS.has(t)) return 'person';
  if (COMPANY_KINDS.has(t)) return 'company';
  return null;
}

export function looksLikeCompany(name: string): boolean {
  return COMPANY_NAME.test(name);
}

/** Rejections every row type shares: problems found by the reader, and cells that are not text. */
export function rowProblems(cells: readonly string[], mapping: HeaderMapping, issues: readonly RowIssue[]): RejectReason[] {
  const reasons: RejectReason[] = issues.map((code) => ({ field: null, code }));
  if (cells.length !== mapping.columns.length && !issues.includes('column_count')) reasons.push({ field: null, code: 'column_count' });
  const problem = cellProblem(cells);
  if (problem && !issues.includes(problem as RowIssue)) reasons.push({ field: null, code: problem });
  return reasons;
}

/**
 * Cleans one row of a customer file. Rejected only when it cannot become a customer at all: a
 * broken row (wrong column count, broken quoting, bad encoding, binary junk), or neither a name
 * nor a usable identity (valid mobile, national ID, credit code, email, or an external ID).
 * Everything else is accepted with flags.
 */
export function mapCustomerRow(cells: readonly string[], mapping: HeaderMapping, { now, issues = [] }: MapRowOptions): MapResult<CleanCustomer> {
  const broken = rowProblems(cells, mapping, issues);
  if (broken.length > 0) return { ok: false, reasons: broken };

  const at = fieldIndex(mapping);
  const get = (field: CustomerField) => {
    const i = at[field];
    return i === undefined ? '' : cleanText(cells[i]);
  };
  const flags: Flag[] = [];
  const flag = (field: CustomerField, code: FlagCode) => flags.push({ field, code });
  const rejectedValues: CleanCustomer['rejectedValues'] = {};

  // Phone
  let mobile: string | null = null;
  let mobileStatus: CleanCustomer['mobileStatus'] = null;
  let otherPhones: string[] = [];
  const phone = readPhoneCell(get('mobile'));
  switch (phone.status) {
    case 'empty':
      flag('mobile', 'mobile_missing');
      break;
    case 'invalid':
      flag('mobile', 'mobile_invalid');
      mobileStatus = 'invalid';
      rejectedValues.mobile = phone.raw;
      break;
    case 'valid':
      mobile = phone.e164;
      mobileStatus = 'valid';
      otherPhones = phone.others;
      if (!phone.mobile) flag('mobile', 'mobile_not_mobile');
      if (phone.others.length > 0) flag('mobile', 'mobile_multiple');
      break;
  }

  // Email
  let email: string | null = null;
  const rawEmail = get('email');
  if (rawEmail) {
    if (EMAIL.test(rawEmail)) email = rawEmail.toLowerCase();
    else {
      flag('email', 'email_invalid');
      rejectedValues.email = rawEmail;
    }
  }

  // Identity numbers
  let nationalId: string | null = null;
  const rawId = get('nationalId');
  if (rawId) {
    const id = validateNationalId(rawId, now);
    if (id.ok) nationalId = id.value;
    else {
      flag('nationalId', 'national_id_invalid');
      rejectedValues.nationalId = rawId;
    }
  }
  let creditCode: string | null = null;
  const rawCode = get('creditCode');
  if (rawCode) {
    const code = validateUscc(rawCode);
    if (code.ok) creditCode = code.value;
    else {
      flag('creditCode', 'credit_code_invalid');
      rejectedValues.creditCode = rawCode;
    }
  }

  // Kind and names
  let name: string | null = cleanName(at.name === undefined ? '' : cells[at.name]) || null;
  const companyName = cleanName(at.companyName === undefined ? '' : cells[at.companyName]) || null;
  const rawKind = get('kind');
  let explicit: CustomerKind | null = null;
  if (rawKind) {
    explicit = kindFromText(rawKind);
    if (!explicit) {
      flag('kind', 'kind_unrecognised');
      rejectedValues.kind = rawKind;
    }
  }
  const companyHint = rawCode !== '' || (name !== null && looksLikeCompany(name)) || (name === null && companyName !== null);
  const kind: CustomerKind = explicit ?? (companyHint ? 'company' : 'person');
  if ((explicit === 'person' && creditCode) || (explicit === 'company' && nationalId && !creditCode)) flag('kind', 'kind_conflict');
  let contactName: string | null = null;
  if (kind === 'company' && companyName) {
    if (name && name !== companyName && !looksLikeCompany(name)) contactName = name;
    if (!name || contactName) name = companyName;
  }

  const hasIdentity = Boolean(mobile || nationalId || creditCode || email || get('externalId'));
  if (!name && !hasIdentity) return { ok: false, reasons: [{ field: 'name', code: 'no_identity' }] };
  if (!name) flag('name', 'name_missing');

  // Address
  const place = readAddress(get('province'), get('city'), get('district'), get('address'));
  for (const code of place.flags) flag(code === 'region_mismatch' ? 'province' : 'address', code);

  // Tags: too long or too many is a warning, never a reason to lose the customer.
  const tags = readTagsCell(at.tags === undefined ? '' : cells[at.tags]);
  if (tags.tooLong.length > 0) flag('tags', 'tag_too_long');
  if (tags.overCap.length > 0) flag('tags', 'tags_too_many');

  return {
    ok: true,
    flags,
    record: {
      kind,
      name,
      contactName,
      mobile,
      mobileStatus,
      otherPhones,
      email,
      nationalId,
      creditCode,
      companyName,
      province: place.province,
      city: place.city,
      district: place.district,
      street: get('street') || place.street,
      address: get('address') || null,
      provinceCode: place.provinceCode,
      cityCode: place.cityCode,
      districtCode: place.districtCode,
      industry: get('industry') || null,
      source: get('source') || null,
      externalId: get('externalId') || null,
      note: get('note') || null,
      tags: tags.tags,
      rejectedValues,
    },
  };
}

type Place = Pick<CleanCustomer, 'province' | 'city' | 'district' | 'street' | 'provinceCode' | 'cityCode' | 'districtCode'> & {
  flags: ('address_unparsed' | 'region_mismatch')[];
};

const hasRegion = (p: ParsedAddress) => Boolean(p.provinceCode || p.cityCode || p.districtCode);

/**
 * Province, city and district from their own columns when the file has them, completed (and
 * normalised to full names and codes) from the address text. When the columns and the address
 * disagree, the columns win and the row is flagged.
 */
function readAddress(province: string, city: string, district: string, address: string): Place {
  const flags: Place['flags'] = [];
  const region = [province, city, district].filter(Boolean).join(' ');
  const fromAddress = address ? parseAddress(address) : null;
  let parsed: ParsedAddress | null = fromAddress;
  if (region) {
    const fromColumns = parseAddress(region);
    if (fromAddress && hasRegion(fromAddress)) {
      const clash =
        (fromColumns.provinceCode && fromAddress.provinceCode && fromColumns.provinceCode !== fromAddress.provinceCode) ||
        (fromColumns.cityCode && fromAddress.cityCode && fromColumns.cityCode !== fromAddress.cityCode) ||
        (fromColumns.districtCode && fromAddress.districtCode && fromColumns.districtCode !== fromAddress.districtCode);
      if (clash) {
        flags.push('region_mismatch');
        parsed = { ...fromColumns, street: fromAddress.street, rest: fromAddress.rest, streetCode: fromAddress.streetCode };
      } else {
        // Each fills what the other lacks; the deeper reading decides.
        parsed = fromAddress.districtCode || !fromColumns.districtCode ? fromAddress : { ...fromColumns, street: fromAddress.street, rest: fromAddress.rest, streetCode: fromAddress.streetCode };
      }
    } else {
      // The address holds no region of its own (文三路478号): read it after the columns.
      parsed = parseAddress(address ? `${region} ${address}` : region);
    }
  }
  if (address && parsed && !hasRegion(parsed) && !region) flags.push('address_unparsed');
  return {
    province: parsed?.province ?? (province || null),
    city: parsed?.city ?? (city || null),
    district: parsed?.district ?? (district || null),
    street: parsed?.street ?? null,
    provinceCode: parsed?.provinceCode ?? null,
    cityCode: parsed?.cityCode ?? null,
    districtCode: parsed?.districtCode ?? null,
    flags,
  };
}

/** 商品A x2；商品B*1 → items with quantities; one item per line or per semicolon. */
function readItems(text: string): { name: string; quantity?: number }[] {
  if (!text) return [];
  return text
    .split(/[;；\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^(.*?)\s*[x×X*]\s*(\d{1,6})(?:件|个|份)?$/.exec(part);
      return m && m[1] ? { name: m[1], quantity: Number(m[2]) } : { name: part };
    });
}

/**
 * Cleans one row of an order file. Rejected when broken, without an order number, with an amount
 * or time that is present but unreadable (or a negative amount: refunds are not orders), or with
 * nothing to find the customer by (mobile, external ID or name). A missing amount or time is
 * accepted and flagged.
 */
export function mapOrderRow(cells: readonly string[], mapping: HeaderMapping, { now, issues = [] }: MapRowOptions): MapResult<CleanOrder> {
  const broken = rowProblems(cells, mapping, issues);
  if (broken.length > 0) return { ok: false, reasons: broken };

  const at = fieldIndex(mapping);
  const get = (field: OrderField) => {
    const i = at[field];
    return i === undefined ? '' : cleanText(cells[i]);
  };
  const flags: Flag[] = [];
  const reasons: RejectReason[] = [];
  const rejectedValues: CleanOrder['rejectedValues'] = {};

  const orderNo = get('orderNo');
  if (!orderNo) reasons.push({ field: 'orderNo', code: 'order_no_missing' });

  let amount: string | null = null;
  const amountResult = parseAmount(get('amount'));
  if (amountResult.ok) {
    amount = amountResult.value;
    if (amountResult.rounded) flags.push({ field: 'amount', code: 'amount_rounded' });
  } else if (amountResult.reason === 'empty') flags.push({ field: 'amount', code: 'amount_missing' });
  else reasons.push({ field: 'amount', code: `amount_${amountResult.reason}` });

  let orderedAt: string | null = null;
  const time = parseOrderTime(get('orderedAt'));
  if (time.ok) {
    orderedAt = time.value;
    if (Date.parse(time.value) > now.getTime() + 86_400_000) flags.push({ field: 'orderedAt', code: 'time_future' });
  } else if (time.reason === 'empty') flags.push({ field: 'orderedAt', code: 'time_missing' });
  else reasons.push({ field: 'orderedAt', code: 'time_invalid' });

  let customerMobile: string | null = null;
  const phone = readPhoneCell(get('customerMobile'));
  if (phone.status === 'valid') customerMobile = phone.e164;
  else if (phone.status === 'invalid') {
    flags.push({ field: 'customerMobile', code: 'customer_mobile_invalid' });
    rejectedValues.customerMobile = phone.raw;
  }
  const customerName = cleanName(at.customerName === undefined ? '' : cells[at.customerName]) || null;
  const customerExternalId = get('customerExternalId') || null;
  if (!customerMobile && !customerExternalId && !customerName) reasons.push({ field: 'customerMobile', code: 'customer_missing' });

  let quantity: number | null = null;
  const rawQuantity = get('quantity');
  if (rawQuantity) {
    const m = /^(\d{1,9})(?:\.0+)?\s*(件|个|份|台|箱|套|瓶|盒|包)?$/.exec(rawQuantity);
    if (m) quantity = Number(m[1]);
    else {
      flags.push({ field: 'quantity', code: 'quantity_invalid' });
      rejectedValues.quantity = rawQuantity;
    }
  }
  const items = readItems(at.items === undefined ? '' : (cells[at.items] ?? '').normalize('NFKC').trim());
  const only = items[0];
  if (items.length === 1 && only && only.quantity === undefined && quantity !== null) only.quantity = quantity;

  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    flags,
    record: { orderNo, orderedAt, amount, items, quantity, customerName, customerMobile, customerExternalId, channel: get('channel') || null, rejectedValues },
  };
}
