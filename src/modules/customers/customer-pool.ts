import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { closeRecords, registerPoolRecordType, syncRecords, type PoolEntry } from '../pool/index.ts';
import { findVisible, scopeCondition, type CustomerRow } from './customers.service.ts';
import { customers } from './customers.tables.ts';

/** How a customer shows in a pool: its name and region, never its numbers. */
export const poolEntryOf = (c: Pick<CustomerRow, 'id' | 'name' | 'ownerUserId' | 'province' | 'city' | 'industry' | 'source'>): PoolEntry => ({
  type: 'customer',
  id: c.id,
  ownerUserId: c.ownerUserId,
  title: c.name,
  province: c.province,
  city: c.city,
  industry: c.industry,
  source: c.source,
});

/**
 * Keeps the pool in step after an owner change made here (create, edit, merge). A customer comes
 * under pool management once it has an owner; without one it stays out unless a manager moves it in.
 */
export async function syncCustomerPool(tx: Tx, actor: Actor, before: Pick<CustomerRow, 'ownerUserId'> | null, after: CustomerRow) {
  if (!after.ownerUserId && !before?.ownerUserId) return;
  await syncRecords(tx, actor, [poolEntryOf(after)], { kind: before ? 'assign' : 'enter' });
}

/** Customers written in bulk (demo data, seeds) with an owner enter their owner's private pool. */
export async function enterOwnedCustomers(tx: Tx, actor: Actor, rows: readonly CustomerRow[]) {
  await syncRecords(tx, actor, rows.filter((r) => r.ownerUserId).map(poolEntryOf), { kind: 'enter' });
}

export async function closeCustomerPool(tx: Tx, actor: Actor, ids: string[], reason: string) {
  await closeRecords(tx, actor, 'customer', ids, reason);
}

export function registerCustomerPoolType() {
  registerPoolRecordType('customer', {
    setOwners: async (tx, changes) => {
      await tx.execute(sql`UPDATE customers c SET owner_user_id = x.owner_user_id, updated_at = now() FROM (${changes}) AS x(record_id, owner_user_id) WHERE c.id = x.record_id`);
    },
    canSee: (tx, caller, id) => findVisible(tx, caller, id).then(
      () => true,
      () => false,
    ),
    entries: async (tx, caller, ids) => {
      const rows = await tx
        .select()
        .from(customers)
        .where(and(inArray(customers.id, [...ids]), isNull(customers.deletedAt), await scopeCondition(tx, caller)));
      return rows.map(poolEntryOf);
    },
  });
}
