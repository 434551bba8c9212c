import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { tenants } from './tenants.tables.ts';

export type Tenant = { id: string; slug: string; name: string };

export async function getTenant(tx: Tx, id: string): Promise<Tenant> {
  const [row] = await tx.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(eq(tenants.id, id));
  if (!row) throw notFound();
  return row;
}

/** Resolves a tenant slug without being inside that tenant (for login, the CLI and jobs). */
export async function tenantIdBySlug(db: Database, slug: string): Promise<string | undefined> {
  return db.systemTx(async (tx) => {
    const [row] = await queryRows<{ id: string | null }>(tx, sql`select tide_tenant_by_slug(${slug}) as id`);
    return row?.id ?? undefined;
  });
}

export async function allTenantIds(db: Database): Promise<string[]> {
  return db.systemTx(async (tx) =>
    (await queryRows<{ id: string }>(tx, sql`select tide_tenant_ids() as id`)).map((r) => r.id),
  );
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * Inserts the tenant row inside a transaction already scoped to the new id (RLS checks the
 * insert against it); the caller seeds roles and the first admin in the same transaction.
 */
export async function insertTenant(tx: Tx, input: { id: string; slug: string; name: string }): Promise<Tenant> {
  if (!SLUG_PATTERN.test(input.slug)) throw new AppError(400, 'validation_failed', { slug: 'invalid_format' });
  try {
    const [row] = await tx.insert(tenants).values(input).returning({ id: tenants.id, slug: tenants.slug, name: tenants.name });
    return row!;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if (e.code === '23505' || e.cause?.code === '23505') throw new AppError(409, 'duplicate', { slug: 'duplicate' });
    throw error;
  }
}
