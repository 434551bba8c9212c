import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { maskPhone } from '../../lib/phone.ts';
import { can, type Caller } from '../../server/caller.ts';
import { notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page, type SortKey } from '../../server/pagination.ts';
import { visibleOwnerIds } from '../org/index.ts';
import { fewNameMatches, searchCondition, tagCondition } from './customer-search.ts';
import {
  customerContacts,
  customerIdentities,
  customerMerges,
  customers,
  customerSources,
  customerTags,
  orders,
} from './customers.tables.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type Customer = {
  id: string;
  kind: 'person' | 'company';
  name: string;
  mobile: string | null;
  mobileStatus: 'valid' | 'invalid' | 'dead' | null;
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
  flags: string[];
  completeness: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
};

const maskNationalId = (id: string | null) => (id ? `${id.slice(0, 6)}********${id.slice(14)}` : id);

/** Phone numbers and ID numbers are masked for roles without `customers.phone`, in every answer and export. */
export function presentCustomer(row: CustomerRow, caller: Caller, tags: string[] = []): Customer {
  const full = can(caller, 'customers.phone');
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mobile: full ? row.mobile : maskPhone(row.mobile),
    mobileStatus: row.mobileStatus,
    email: row.email,
    nationalId: full ? row.nationalId : maskNationalId(row.nationalId),
    creditCode: row.creditCode,
    province: row.province,
    city: row.city,
    district: row.district,
    street: row.street,
    address: row.address,
    industry: row.industry,
    source: row.source,
    ownerUserId: row.ownerUserId,
    flags: row.flags,
    completeness: row.completeness,
    tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function scopeCondition(tx: Tx, caller: Caller) {
  const owners = await visibleOwnerIds(tx, caller);
  return owners ? inArray(customers.ownerUserId, owners) : undefined;
}

export type CustomerFilter = {
  q?: string;
  kind?: 'person' | 'company';
  tag?: string;
  province?: string;
  city?: string;
  source?: string;
  ownerUserId?: string;
  flag?: string;
  maxCompleteness?: number;
  sort?: 'createdAt' | '-createdAt' | 'name' | '-name' | 'completeness' | '-completeness';
  limit: number;
  cursor?: string;
};

export async function customerConditions(tx: Tx, caller: Caller, filter: Omit<CustomerFilter, 'limit' | 'cursor' | 'sort'>) {
  return and(
    isNull(customers.deletedAt),
    await scopeCondition(tx, caller),
    filter.q ? searchCondition(filter.q) : undefined,
    filter.kind ? eq(customers.kind, filter.kind) : undefined,
    filter.tag ? tagCondition(filter.tag) : undefined,
    filter.province ? eq(customers.province, filter.province) : undefined,
    filter.city ? eq(customers.city, filter.city) : undefined,
    filter.source ? eq(customers.source, filter.source) : undefined,
    filter.ownerUserId ? eq(customers.ownerUserId, filter.ownerUserId) : undefined,
    filter.flag ? sql`${filter.flag} = any(${customers.flags})` : undefined,
    filter.maxCompleteness !== undefined ? lte(customers.completeness, filter.maxCompleteness) : undefined,
  );
}

/**
 * Sort orders of the list, each served by an index. Names sort by their pinyin (阿里 < Bob < 李四 <
 * 张三), as a Chinese reader looks a name up; code point order would put 张 before 李.
 */
const SORTS: Record<'createdAt' | 'name' | 'completeness', SortKey<CustomerRow>> = {
  createdAt: { column: customers.createdAt, cursor: (r: CustomerRow) => r.createdAt.toISOString() },
  name: { column: sql`coalesce(${customers.namePinyin}, '')`, cursor: (r: CustomerRow) => r.namePinyin ?? '' },
  completeness: { column: customers.completeness, cursor: (r: CustomerRow) => r.completeness },
};

export async function tagsOf(tx: Tx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await tx.select().from(customerTags).where(inArray(customerTags.customerId, ids)).orderBy(asc(customerTags.tag));
  for (const r of rows) map.set(r.customerId, [...(map.get(r.customerId) ?? []), r.tag]);
  return map;
}

export async function listCustomers(tx: Tx, caller: Caller, filter: CustomerFilter): Promise<Page<Customer>> {
  const sort = filter.sort ?? '-createdAt';
  const key = sort.replace('-', '') as keyof typeof SORTS;
  const { column, cursor } = SORTS[key];
  const { where: after, orderBy } = keyset({ column, direction: sort.startsWith('-') ? 'desc' : 'asc' }, customers.id, filter.cursor);
  // A name search with few matches: those ids, filtered and paged like any list.
  const few = filter.q ? await fewNameMatches(tx, filter.q) : undefined;
  if (few && few.length === 0) return { items: [], nextCursor: null };
  const rows = await tx
    .select()
    .from(customers)
    .where(and(await customerConditions(tx, caller, few ? { ...filter, q: undefined } : filter), few ? sql`${customers.id} = any(${sql.param(few)}::uuid[])` : undefined, after))
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  const tags = await tagsOf(tx, rows.map((r) => r.id));
  return toPage(
    rows,
    filter.limit,
    (r) => presentCustomer(r, caller, tags.get(r.id)),
    (r) => [cursor(r), r.id],
  );
}

/** A record outside the caller's scope is "not found", so ids cannot be probed. */
export async function findVisible(tx: Tx, caller: Caller, id: string): Promise<CustomerRow> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt), await scopeCondition(tx, caller)));
  if (!row) throw notFound();
  return row;
}

export async function getCustomer(tx: Tx, caller: Caller, id: string): Promise<Customer> {
  const row = await findVisible(tx, caller, id);
  return presentCustomer(row, caller, (await tagsOf(tx, [id])).get(id));
}

/** Everything on the customer page: profile, identities, contacts, orders, sources, merge history. */
export async function getCustomerDetail(tx: Tx, caller: Caller, id: string) {
  const customer = await getCustomer(tx, caller, id);
  const full = can(caller, 'customers.phone');
  const [identities, contacts, recentOrders, sources, merges, totals] = await Promise.all([
    tx.select().from(customerIdentities).where(eq(customerIdentities.customerId, id)).orderBy(asc(customerIdentities.kind)),
    tx.select().from(customerContacts).where(eq(customerContacts.companyId, id)).orderBy(asc(customerContacts.createdAt)),
    tx.select().from(orders).where(eq(orders.customerId, id)).orderBy(desc(orders.orderedAt)).limit(50),
    tx.select().from(customerSources).where(eq(customerSources.customerId, id)).orderBy(desc(customerSources.receivedAt)).limit(50),
    tx
      .select()
      .from(customerMerges)
      .where(sql`${customerMerges.survivorId} = ${id} or ${customerMerges.mergedId} = ${id}`)
      .orderBy(desc(customerMerges.at)),
    tx.select({ n: sql<number>`count(*)::int`, sum: sql<string>`coalesce(sum(${orders.amount}), 0)::text` }).from(orders).where(eq(orders.customerId, id)),
  ]);
  const maskId = (kind: string, value: string) => (full ? value : kind === 'mobile' ? maskPhone(value)! : kind === 'national_id' ? maskNationalId(value)! : value);
  return {
    customer,
    identities: identities.map((i) => ({ kind: i.kind, value: maskId(i.kind, i.value), source: i.source, createdAt: i.createdAt.toISOString() })),
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, mobile: full ? c.mobile : maskPhone(c.mobile), email: c.email, title: c.title })),
    orders: recentOrders.map((o) => ({ id: o.id, channel: o.channel, orderNo: o.orderNo, orderedAt: o.orderedAt.toISOString(), amount: o.amount, items: o.items })),
    orderTotals: { count: totals[0]?.n ?? 0, amount: totals[0]?.sum ?? '0' },
    sources: sources.map((s) => ({ channel: s.channel, importId: s.importId, line: s.line, receivedAt: s.receivedAt.toISOString() })),
    merges: merges.map((m) => ({
      id: m.id,
      survivorId: m.survivorId,
      mergedId: m.mergedId,
      score: m.score,
      reasons: m.reasons,
      automatic: m.automatic,
      at: m.at.toISOString(),
      undoneAt: m.undoneAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Name and traits of many customers at once, without the data-scope check: for records that
 * point at a customer (opportunities, leads) and for jobs. The caller decides what it may show.
 */
export async function customerSummaries(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; kind: 'person' | 'company'; source: string | null; industry: string | null; province: string | null }>();
  const rows = await tx
    .select({ id: customers.id, name: customers.name, kind: customers.kind, source: customers.source, industry: customers.industry, province: customers.province })
    .from(customers)
    .where(inArray(customers.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}
