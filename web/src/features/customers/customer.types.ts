export type CustomerKind = 'person' | 'company';
export type MobileStatus = 'valid' | 'invalid' | 'dead';

/** A customer as the list and the customer page get it; phone and ID numbers may come masked (138****5678). */
export type Customer = {
  id: string;
  kind: CustomerKind;
  name: string;
  mobile: string | null;
  mobileStatus: MobileStatus | null;
  email: string | null;
  nationalId: string | null;
  creditCode: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  address: string | null;
  industry: string | null;
  source: string | null;
  ownerUserId: string | null;
  /** Check results such as `mobile_invalid`; see KNOWN_FLAGS. */
  flags: string[];
  /** 0–100 against the tenant's field template. */
  completeness: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
};

/** The fields a person edits (POST /customers, PATCH /customers/:id). */
export const EDITABLE_FIELDS = [
  'name',
  'mobile',
  'email',
  'nationalId',
  'creditCode',
  'province',
  'city',
  'district',
  'street',
  'address',
  'industry',
  'source',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type CustomerInput = { kind: CustomerKind } & Partial<Record<EditableField, string | null>>;

export const KNOWN_FLAGS = [
  'mobile_missing',
  'mobile_invalid',
  'mobile_not_mobile',
  'email_invalid',
  'national_id_invalid',
  'credit_code_invalid',
] as const;
export type KnownFlag = (typeof KNOWN_FLAGS)[number];

export type MatchReason = { code: string; weight: number; detail?: string | null };

export type Identity = { kind: string; value: string; source: string | null; createdAt: string };
export type Contact = { id: string; name: string; mobile: string | null; email: string | null; title: string | null };
export type Order = { id: string; channel: string; orderNo: string; orderedAt: string; amount: string; items: unknown };
export type CustomerSource = { channel: string; importId: string | null; line: number | null; receivedAt: string };
export type Merge = {
  id: string;
  survivorId: string;
  mergedId: string;
  score: number | null;
  reasons: unknown;
  automatic: boolean;
  at: string;
  undoneAt: string | null;
};

export type CustomerDetail = {
  customer: Customer;
  identities: Identity[];
  contacts: Contact[];
  orders: Order[];
  orderTotals: { count: number; amount: string };
  sources: CustomerSource[];
  merges: Merge[];
};

export type CustomerSort = '-createdAt' | 'name' | 'completeness';

/** What the list filters by; the same query goes to the export. */
export type CustomerFilter = {
  q?: string;
  kind?: CustomerKind;
  tag?: string;
  flag?: string;
  province?: string;
  city?: string;
  sort?: CustomerSort;
};
