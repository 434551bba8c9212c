import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { cleanedValues } from './customer-write.service.ts';
import { customerIdentities, customers } from './customers.tables.ts';

type Values = ReturnType<typeof cleanedValues>['values'];
export type NewCustomer = Values & { id: string; ownerUserId: string | null };

const col = <T>(rows: readonly T[], pick: (r: T) => unknown) => sql.param(rows.map(pick));

/**
 * Set-based writes for imports: one statement per table and batch, rows passed as arrays and
 * unnested by PostgreSQL, so a batch of 1,000 customers costs a handful of round trips and no
 * per-row SQL building.
 */
export async function bulkInsertCustomers(tx: Tx, tenantId: string, rows: NewCustomer[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into customers (tenant_id, id, kind, name, mobile, mobile_status, email, national_id, credit_code, province, city,
      district, street, address, industry, source, external_id, name_pinyin, name_initials, flags, rejected_values, completeness, owner_user_id)
    select ${tenantId}::uuid, v.id, v.kind, v.name, v.mobile, v.mobile_status, v.email, v.national_id, v.credit_code, v.province, v.city,
      v.district, v.street, v.address, v.industry, v.source, v.external_id, v.name_pinyin, v.name_initials,
      coalesce(string_to_array(nullif(v.flags, ''), ','), '{}'), v.rejected::jsonb, v.completeness, v.owner
    from unnest(${col(rows, (r) => r.id)}::uuid[], ${col(rows, (r) => r.kind)}::text[], ${col(rows, (r) => r.name)}::text[],
      ${col(rows, (r) => r.mobile)}::text[], ${col(rows, (r) => r.mobileStatus)}::text[], ${col(rows, (r) => r.email)}::text[],
      ${col(rows, (r) => r.nationalId)}::text[], ${col(rows, (r) => r.creditCode)}::text[], ${col(rows, (r) => r.province)}::text[],
      ${col(rows, (r) => r.city)}::text[], ${col(rows, (r) => r.district)}::text[], ${col(rows, (r) => r.street)}::text[],
      ${col(rows, (r) => r.address)}::text[], ${col(rows, (r) => r.industry)}::text[], ${col(rows, (r) => r.source)}::text[],
      ${col(rows, (r) => r.externalId)}::text[], ${col(rows, (r) => r.namePinyin)}::text[], ${col(rows, (r) => r.nameInitials)}::text[],
      ${col(rows, (r) => r.flags.join(','))}::text[], ${col(rows, (r) => JSON.stringify(r.rejectedValues))}::text[],
      ${col(rows, (r) => r.completeness)}::int[], ${col(rows, (r) => r.ownerUserId)}::uuid[])
      as v(id, kind, name, mobile, mobile_status, email, national_id, credit_code, province, city, district, street, address,
        industry, source, external_id, name_pinyin, name_initials, flags, rejected, completeness, owner)`);
}

export async function bulkUpdateCustomers(tx: Tx, rows: (Values & { id: string })[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update customers c set kind = v.kind, name = v.name, mobile = v.mobile, mobile_status = v.mobile_status, email = v.email,
      national_id = v.national_id, credit_code = v.credit_code, province = v.province, city = v.city, district = v.district,
      street = v.street, address = v.address, industry = v.industry, source = v.source, external_id = v.external_id,
      name_pinyin = v.name_pinyin, name_initials = v.name_initials, flags = coalesce(string_to_array(nullif(v.flags, ''), ','), '{}'),
      rejected_values = v.rejected::jsonb, completeness = v.completeness, updated_at = ${now}
    from unnest(${col(rows, (r) => r.id)}::uuid[], ${col(rows, (r) => r.kind)}::text[], ${col(rows, (r) => r.name)}::text[],
      ${col(rows, (r) => r.mobile)}::text[], ${col(rows, (r) => r.mobileStatus)}::text[], ${col(rows, (r) => r.email)}::text[],
      ${col(rows, (r) => r.nationalId)}::text[], ${col(rows, (r) => r.creditCode)}::text[], ${col(rows, (r) => r.province)}::text[],
      ${col(rows, (r) => r.city)}::text[], ${col(rows, (r) => r.district)}::text[], ${col(rows, (r) => r.street)}::text[],
      ${col(rows, (r) => r.address)}::text[], ${col(rows, (r) => r.industry)}::text[], ${col(rows, (r) => r.source)}::text[],
      ${col(rows, (r) => r.externalId)}::text[], ${col(rows, (r) => r.namePinyin)}::text[], ${col(rows, (r) => r.nameInitials)}::text[],
      ${col(rows, (r) => r.flags.join(','))}::text[], ${col(rows, (r) => JSON.stringify(r.rejectedValues))}::text[],
      ${col(rows, (r) => r.completeness)}::int[])
      as v(id, kind, name, mobile, mobile_status, email, national_id, credit_code, province, city, district, street, address,
        industry, source, external_id, name_pinyin, name_initials, flags, rejected, completeness)
    where c.id = v.id`);
}

/** Inserts identities, skipping those already held; answers the ones this call inserted. */
export async function bulkInsertIdentities(
  tx: Tx,
  tenantId: string,
  rows: { customerId: string; kind: string; value: string }[],
  source: string | null,
): Promise<{ kind: string; value: string }[]> {
  if (rows.length === 0) return [];
  const result = (await tx.execute(sql`
    insert into customer_identities (tenant_id, customer_id, kind, value, source)
    select ${tenantId}::uuid, v.customer_id, v.kind, v.value, ${source}
    from unnest(${col(rows, (r) => r.customerId)}::uuid[], ${col(rows, (r) => r.kind)}::text[], ${col(rows, (r) => r.value)}::text[])
      as v(customer_id, kind, value)
    on conflict do nothing
    returning kind, value`)) as unknown as { rows: { kind: string; value: string }[] };
  return result.rows;
}

/** Writes the keys of these customers, first clearing the old keys of `replacedIds`. */
export async function bulkReplaceMatchKeys(tx: Tx, tenantId: string, replacedIds: string[], keys: { customerId: string; key: string }[]): Promise<void> {
  if (replacedIds.length) await tx.execute(sql`delete from customer_match_keys where customer_id = any(${sql.param(replacedIds)}::uuid[])`);
  if (keys.length === 0) return;
  await tx.execute(sql`
    insert into customer_match_keys (tenant_id, customer_id, key)
    select ${tenantId}::uuid, v.customer_id, v.key
    from unnest(${col(keys, (k) => k.customerId)}::uuid[], ${col(keys, (k) => k.key)}::text[]) as v(customer_id, key)
    on conflict do nothing`);
}

export async function bulkInsertSources(tx: Tx, tenantId: string, rows: { customerId: string; line: number }[], channel: string, importId: string | null): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into customer_sources (tenant_id, customer_id, channel, import_id, line)
    select ${tenantId}::uuid, v.customer_id, ${channel}, ${importId}::uuid, v.line
    from unnest(${col(rows, (r) => r.customerId)}::uuid[], ${col(rows, (r) => r.line)}::int[]) as v(customer_id, line)`);
}

/** Adds tags, keeping those a customer already has; answers the (customer, tag) pairs this call added. */
export async function bulkAddTags(tx: Tx, tenantId: string, rows: { customerId: string; tag: string }[]): Promise<{ customerId: string; tag: string }[]> {
  if (rows.length === 0) return [];
  const result = (await tx.execute(sql`
    insert into customer_tags (tenant_id, customer_id, tag)
    select ${tenantId}::uuid, v.customer_id, v.tag
    from unnest(${col(rows, (r) => r.customerId)}::uuid[], ${col(rows, (r) => r.tag)}::text[]) as v(customer_id, tag)
    on conflict do nothing
    returning customer_id as "customerId", tag`)) as unknown as { rows: { customerId: string; tag: string }[] };
  return result.rows;
}

/**
 * The list of ids as a table to join customers with: a nested loop over the primary key. Written
 * as `id = any(…)` the planner turns a few thousand ids into a scan of the whole tenant once the
 * base has a few hundred thousand customers.
 */
export const wantedIds = (ids: string[]) => sql`unnest(${sql.param(ids)}::uuid[]) as wanted(id)`;
export const isWanted = eq(customers.id, sql`wanted.id`);

/** Whole customer rows by id. */
export const customerRowsByIds = (tx: Tx, ids: string[]) => tx.select(getTableColumns(customers)).from(customers).innerJoin(wantedIds(ids), isWanted);

/** Holders of these identities, joined pair by pair on the primary key (tenant, kind, value). */
export function identityHolders(tx: Tx, identities: { kind: string; value: string }[]) {
  return tx
    .select({ kind: customerIdentities.kind, value: customerIdentities.value, customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .innerJoin(
      sql`unnest(${col(identities, (i) => i.kind)}::text[], ${col(identities, (i) => i.value)}::text[]) as wanted(kind, value)`,
      and(eq(customerIdentities.kind, sql`wanted.kind`), eq(customerIdentities.value, sql`wanted.value`)),
    );
}
