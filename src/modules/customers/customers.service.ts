import { and, eq, ilike, inArray, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { checkPhone, maskPhone } from '../../lib/phone.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { visibleOwnerIds } from '../org/index.ts';
import { customers } from './customers.tables.ts';

type Row = typeof customers.$inferSelect;
export type Customer = {
  id: string;
  kind: 'person' | 'company';
  name: string;
  mobile: string | null;
  email: string | null;
  creditCode: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  industry: string | null;
  source: string | null;
  ownerUserId: string | null;
  createdAt: string;
};

/** Phone numbers are masked for roles without `customers.phone`, in every response and export. */
function present(row: Row, caller: Caller): Customer {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mobile: can(caller, 'customers.phone') ? row.mobile : maskPhone(row.mobile),
    email: row.email,
    creditCode: row.creditCode,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    industry: row.industry,
    source: row.source,
    ownerUserId: row.ownerUserId,
    createdAt: row.createdAt.toISOString(),
  };
}

async function scopeCondition(tx: Tx, caller: Caller) {
  const owners = await visibleOwnerIds(tx, caller);
  return owners ? inArray(customers.ownerUserId, owners) : undefined;
}

export async function listCustomers(
  tx: Tx,
  caller: Caller,
  filter: { q?: string; kind?: 'person' | 'company'; limit: number; cursor?: string },
): Promise<Page<Customer>> {
  const { where: after, orderBy } = keyset({ column: customers.createdAt, direction: 'desc' }, customers.id, filter.cursor);
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const rows = await tx
    .select()
    .from(customers)
    .where(
      and(
        isNull(customers.deletedAt),
        await scopeCondition(tx, caller),
        filter.kind ? eq(customers.kind, filter.kind) : undefined,
        q ? or(ilike(customers.name, q), ilike(customers.mobile, q), ilike(customers.creditCode, q)) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, (r) => present(r, caller), (r) => [r.createdAt.toISOString(), r.id]);
}

/** A record outside the caller's scope is "not found", so ids cannot be probed. */
async function findVisible(tx: Tx, caller: Caller, id: string): Promise<Row> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt), await scopeCondition(tx, caller)));
  if (!row) throw notFound();
  return row;
}

export async function getCustomer(tx: Tx, caller: Caller, id: string): Promise<Customer> {
  return present(await findVisible(tx, caller, id), caller);
}

export type CustomerInput = {
  kind: 'person' | 'company';
  name: string;
  mobile?: string | null;
  email?: string | null;
  creditCode?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  street?: string | null;
  address?: string | null;
  industry?: string | null;
  source?: string | null;
  ownerUserId?: string | null;
};

function normaliseMobile(mobile: string | null | undefined) {
  if (mobile === undefined) return undefined;
  if (mobile === null || mobile.trim() === '') return null;
  const check = checkPhone(mobile);
  if (!check.ok) throw new AppError(400, 'validation_failed', { mobile: 'invalid_mobile' });
  return check.e164;
}

export async function createCustomer(tx: Tx, caller: Caller, input: CustomerInput): Promise<Customer> {
  const [row] = await tx
    .insert(customers)
    .values({
      ...input,
      tenantId: caller.tenantId,
      mobile: normaliseMobile(input.mobile) ?? null,
      // A salesperson who can only see their own records owns what they create.
      ownerUserId: caller.dataScope === 'own' ? caller.userId : (input.ownerUserId ?? caller.userId),
    })
    .returning();
  const created = present(row!, caller);
  await recordAudit(tx, caller, { action: 'customer.create', entity: 'customer', entityId: created.id, after: row });
  return created;
}

export async function updateCustomer(tx: Tx, caller: Caller, id: string, patch: Partial<CustomerInput>): Promise<Customer> {
  const before = await findVisible(tx, caller, id);
  const [row] = await tx
    .update(customers)
    .set({ ...patch, mobile: normaliseMobile(patch.mobile), updatedAt: new Date() })
    .where(and(eq(customers.tenantId, caller.tenantId), eq(customers.id, id)))
    .returning();
  await recordAudit(tx, caller, { action: 'customer.update', entity: 'customer', entityId: id, before, after: row });
  return present(row!, caller);
}

export async function deleteCustomer(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findVisible(tx, caller, id);
  await tx
    .update(customers)
    .set({ deletedAt: new Date() })
    .where(and(eq(customers.tenantId, caller.tenantId), eq(customers.id, id)));
  await recordAudit(tx, caller, { action: 'customer.delete', entity: 'customer', entityId: id, before });
}

/** Bulk insert for the demo and imports; no audit per row (the caller audits the batch). */
export async function insertCustomers(tx: Tx, tenantId: string, rows: (CustomerInput & { nationalId?: string | null })[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(customers).values(rows.slice(i, i + 500).map((r) => ({ ...r, tenantId })));
  }
}
