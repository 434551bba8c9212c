import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { parseAddress } from '../../lib/address/index.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { closeCustomerPool, enterOwnedCustomers, syncCustomerPool } from './customer-pool.ts';
import { findVisible, getCustomer, type Customer, type CustomerRow } from './customers.service.ts';
import { refreshMatchKeys, writeMatchKeys } from './customer-match.service.ts';
import { customerContacts, customerIdentities, customers, customerSources, customerTags } from './customers.tables.ts';
import { cleanCustomer, type Identity } from './rules/clean-customer.ts';
import { completeness, DEFAULT_TEMPLATES, type FieldTemplate, type TemplateField } from './rules/completeness.ts';
import { getCustomerSettings } from './customer-settings.service.ts';
import { identityHolders } from './customer-bulk.repo.ts';

export type CustomerInput = {
  kind: 'person' | 'company';
  name: string;
  mobile?: string | null;
  email?: string | null;
  nationalId?: string | null;
  creditCode?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  street?: string | null;
  address?: string | null;
  industry?: string | null;
  source?: string | null;
  ownerUserId?: string | null;
  externalId?: string | null;
};

/** Column values of a customer after cleaning: normalised numbers, flags, search keys, completeness. */
/** Province, city, district and street from the address where the record does not give them. */
function withParsedAddress(input: CustomerInput): CustomerInput {
  if (!input.address?.trim() || (input.province && input.city && input.district && input.street)) return input;
  const parsed = parseAddress(input.address);
  return {
    ...input,
    province: input.province || parsed.province,
    city: input.city || parsed.city,
    district: input.district || parsed.district,
    street: input.street || parsed.street,
  };
}

export function cleanedValues(raw: CustomerInput, now: Date, templates: Record<'person' | 'company', FieldTemplate> = DEFAULT_TEMPLATES) {
  const input = withParsedAddress(raw);
  const clean = cleanCustomer(input, now);
  const values = {
    kind: input.kind,
    name: input.name.normalize('NFKC').trim(),
    mobile: clean.mobile,
    mobileStatus: clean.mobileStatus,
    email: clean.email,
    nationalId: clean.nationalId,
    creditCode: clean.creditCode,
    province: input.province ?? null,
    city: input.city ?? null,
    district: input.district ?? null,
    street: input.street ?? null,
    address: input.address ?? null,
    industry: input.industry ?? null,
    source: input.source ?? null,
    externalId: input.externalId ?? null,
    namePinyin: clean.namePinyin,
    nameInitials: clean.nameInitials,
    flags: clean.flags,
    rejectedValues: clean.rejected,
  };
  const invalid = new Set(Object.keys(clean.rejected));
  const score = completeness(values as Partial<Record<TemplateField, string | null>>, templates[input.kind], invalid).score;
  return { values: { ...values, completeness: score }, identities: clean.identities };
}

/** The customers that already hold any of these identities. */
export async function findByIdentities(tx: Tx, identities: Identity[]): Promise<{ kind: string; value: string; customerId: string }[]> {
  if (identities.length === 0) return [];
  const unique = new Map(identities.map((i) => [`${i.kind}:${i.value}`, i]));
  return identityHolders(tx, [...unique.values()]);
}

const FIELD_OF_IDENTITY: Record<string, string> = { mobile: 'mobile', national_id: 'nationalId', credit_code: 'creditCode', email: 'email', external: 'externalId' };

function duplicateError(kind: string, existingId: string) {
  const field = FIELD_OF_IDENTITY[kind] ?? kind;
  return new AppError(409, 'duplicate', { [field]: 'duplicate' }, {}, { existingId, identity: kind });
}

/**
 * Claims identities for a customer. The primary key (tenant, kind, value) makes this safe under
 * concurrency: a second writer of the same mobile gets a conflict, never a second customer.
 */
export async function claimIdentities(tx: Tx, tenantId: string, customerId: string, identities: Identity[], source: string | null) {
  if (identities.length === 0) return;
  const inserted = await tx
    .insert(customerIdentities)
    .values(identities.map((i) => ({ tenantId, customerId, kind: i.kind, value: i.value, source })))
    .onConflictDoNothing()
    .returning({ kind: customerIdentities.kind, value: customerIdentities.value });
  if (inserted.length === identities.length) return;
  const held = await findByIdentities(tx, identities);
  const other = held.find((h) => h.customerId !== customerId);
  if (other) throw duplicateError(other.kind, other.customerId);
}

export async function createCustomer(tx: Tx, caller: Caller, input: CustomerInput, channel = 'api'): Promise<Customer> {
  const { fieldTemplates } = await getCustomerSettings(tx);
  const { values, identities } = cleanedValues(input, new Date(), fieldTemplates);
  const existing = (await findByIdentities(tx, identities))[0];
  if (existing) throw duplicateError(existing.kind, existing.customerId);
  const [row] = await tx
    .insert(customers)
    .values({
      ...values,
      tenantId: caller.tenantId,
      // A salesperson who can only see their own records owns what they create.
      ownerUserId: caller.dataScope === 'own' ? caller.userId : (input.ownerUserId ?? caller.userId),
    })
    .returning();
  await claimIdentities(tx, caller.tenantId, row!.id, identities, channel);
  await writeMatchKeys(tx, caller.tenantId, [row!]);
  await tx.insert(customerSources).values({ tenantId: caller.tenantId, customerId: row!.id, channel });
  await recordAudit(tx, caller, { action: 'customer.create', entity: 'customer', entityId: row!.id, after: row });
  await syncCustomerPool(tx, caller, null, row!);
  return getCustomer(tx, caller, row!.id);
}

/** Re-cleans the whole record on every edit, and moves the identities to the new values. */
export async function updateCustomer(tx: Tx, caller: Caller, id: string, patch: Partial<CustomerInput>): Promise<Customer> {
  const before = await findVisible(tx, caller, id);
  const merged: CustomerInput = { ...rowToInput(before), ...patch };
  const { fieldTemplates } = await getCustomerSettings(tx);
  const { values, identities } = cleanedValues(merged, new Date(), fieldTemplates);
  const [row] = await tx
    .update(customers)
    .set({ ...values, ownerUserId: merged.ownerUserId ?? null, updatedAt: new Date() })
    .where(and(eq(customers.tenantId, caller.tenantId), eq(customers.id, id)))
    .returning();
  await replaceIdentities(tx, caller.tenantId, id, identities, 'edit');
  await writeMatchKeys(tx, caller.tenantId, [row!]);
  await recordAudit(tx, caller, { action: 'customer.update', entity: 'customer', entityId: id, before, after: row });
  await syncCustomerPool(tx, caller, before, row!);
  return getCustomer(tx, caller, id);
}

export async function replaceIdentities(tx: Tx, tenantId: string, customerId: string, identities: Identity[], source: string) {
  const kinds = ['mobile', 'national_id', 'credit_code'] as const;
  const current = await tx.select().from(customerIdentities).where(and(eq(customerIdentities.customerId, customerId), inArray(customerIdentities.kind, [...kinds])));
  const wanted = new Set(identities.map((i) => `${i.kind}:${i.value}`));
  const stale = current.filter((c) => !wanted.has(`${c.kind}:${c.value}`));
  for (const s of stale) {
    await tx.delete(customerIdentities).where(and(eq(customerIdentities.kind, s.kind), eq(customerIdentities.value, s.value)));
  }
  const have = new Set(current.map((c) => `${c.kind}:${c.value}`));
  await claimIdentities(tx, tenantId, customerId, identities.filter((i) => !have.has(`${i.kind}:${i.value}`)), source);
}

export function rowToInput(row: CustomerRow): CustomerInput {
  return {
    kind: row.kind,
    name: row.name,
    mobile: row.mobile ?? row.rejectedValues.mobile ?? null,
    email: row.email ?? row.rejectedValues.email ?? null,
    nationalId: row.nationalId ?? row.rejectedValues.nationalId ?? null,
    creditCode: row.creditCode ?? row.rejectedValues.creditCode ?? null,
    province: row.province,
    city: row.city,
    district: row.district,
    street: row.street,
    address: row.address,
    industry: row.industry,
    source: row.source,
    ownerUserId: row.ownerUserId,
    externalId: row.externalId,
  };
}

/** Soft delete: the row stays (and with it orders and history), its identities are released. */
export async function deleteCustomer(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findVisible(tx, caller, id);
  await tx.update(customers).set({ deletedAt: new Date() }).where(and(eq(customers.tenantId, caller.tenantId), eq(customers.id, id)));
  await tx.delete(customerIdentities).where(eq(customerIdentities.customerId, id));
  await writeMatchKeys(tx, caller.tenantId, [{ ...before, deletedAt: new Date() }]);
  await recordAudit(tx, caller, { action: 'customer.delete', entity: 'customer', entityId: id, before });
  await closeCustomerPool(tx, caller, [id], 'deleted');
}

/** A call result says the number is dead: it stays on record, marked, and stops identifying anyone. */
export async function markMobileDead(tx: Tx, caller: Caller, id: string): Promise<Customer> {
  const before = await findVisible(tx, caller, id);
  await tx.update(customers).set({ mobileStatus: 'dead', updatedAt: new Date() }).where(and(eq(customers.tenantId, caller.tenantId), eq(customers.id, id)));
  await tx.delete(customerIdentities).where(and(eq(customerIdentities.customerId, id), eq(customerIdentities.kind, 'mobile')));
  await recordAudit(tx, caller, { action: 'customer.mobile_dead', entity: 'customer', entityId: id, before: { mobileStatus: before.mobileStatus }, after: { mobileStatus: 'dead' } });
  return getCustomer(tx, caller, id);
}

export async function setTags(tx: Tx, caller: Caller, id: string, tags: string[]): Promise<Customer> {
  await findVisible(tx, caller, id);
  const unique = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  await tx.delete(customerTags).where(eq(customerTags.customerId, id));
  if (unique.length) await tx.insert(customerTags).values(unique.map((tag) => ({ tenantId: caller.tenantId, customerId: id, tag })));
  await recordAudit(tx, caller, { action: 'customer.tags', entity: 'customer', entityId: id, after: { tags: unique } });
  return getCustomer(tx, caller, id);
}

/** Bulk insert for the demo: cleaned like any other write, identities claimed, no audit per row. */
export async function insertCustomers(tx: Tx, tenantId: string, rows: CustomerInput[], channel = 'demo') {
  const now = new Date();
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => ({ input: r, ...cleanedValues(r, now) }));
    const inserted = await tx
      .insert(customers)
      .values(batch.map((b) => ({ ...b.values, tenantId, ownerUserId: b.input.ownerUserId ?? null })))
      .returning();
    const identities = batch.flatMap((b, j) => b.identities.map((id) => ({ tenantId, customerId: inserted[j]!.id, kind: id.kind, value: id.value, source: channel })));
    if (identities.length) await tx.insert(customerIdentities).values(identities).onConflictDoNothing();
    await tx.insert(customerSources).values(inserted.map((r) => ({ tenantId, customerId: r.id, channel })));
    await refreshMatchKeys(tx, tenantId, inserted.map((r) => r.id));
    await enterOwnedCustomers(tx, { tenantId, userId: null }, inserted);
  }
}

/** A person at a company (buyer, boss, finance contact). */
export async function addContact(
  tx: Tx,
  caller: Caller,
  companyId: string,
  input: { name: string; mobile?: string | null; email?: string | null; title?: string | null },
) {
  const company = await findVisible(tx, caller, companyId);
  if (company.kind !== 'company') throw new AppError(400, 'validation_failed', { kind: 'company_only' });
  const clean = cleanCustomer({ kind: 'person', name: input.name, mobile: input.mobile, email: input.email }, new Date());
  if (input.mobile && !clean.mobile) throw new AppError(400, 'validation_failed', { mobile: 'invalid_mobile' });
  const [row] = await tx
    .insert(customerContacts)
    .values({ tenantId: caller.tenantId, companyId, name: input.name, mobile: clean.mobile, email: clean.email, title: input.title ?? null })
    .returning();
  await recordAudit(tx, caller, { action: 'customer.contact_add', entity: 'customer', entityId: companyId, after: row });
  return { id: row!.id, name: row!.name, mobile: row!.mobile, email: row!.email, title: row!.title };
}
