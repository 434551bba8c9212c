import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { closeCustomerPool, syncCustomerPool } from './customer-pool.ts';
import { survive } from '../dedupe/index.ts';
import { refreshMatchKeys } from './customer-match.service.ts';
import { moveFollowers, moveFollowersBack, type MovedFollowers } from './merge-followers.ts';
import { getCustomerSettings, type CustomerSettings } from './customer-settings.service.ts';
import { cleanedValues, rowToInput, type CustomerInput } from './customer-write.service.ts';
import type { CustomerRow } from './customers.service.ts';
import {
  customerContacts,
  customerIdentities,
  customerMerges,
  customers,
  customerSources,
  customerTags,
  matchReviews,
  orders,
} from './customers.tables.ts';

export type MergeReason = { code: string; weight: number; detail?: string };
/** `followers` (leads, opportunities, tasks…) is absent on merges recorded before it existed. */
type Moved = { orders: string[]; sources: number[]; contacts: string[]; identities: { kind: string; value: string }[]; tags: string[]; followers?: MovedFollowers };

/**
 * Survivorship, per the tenant's settings: for each field the newest non-empty value of the two
 * records, or the value from the most trusted source (by the records' source channel), so that
 * nothing known about the customer is dropped. Kind and owner stay the survivor's.
 */
export function surviveValues(survivor: CustomerRow, merged: CustomerRow, settings: Pick<CustomerSettings, 'survivorship' | 'sourceTrust'>): CustomerInput {
  const result = survive(
    [survivor, merged].map((r) => ({ values: rowToInput(r) as Record<string, unknown>, source: r.source ?? '', updatedAt: r.updatedAt.toISOString() })),
    settings.survivorship,
    settings.sourceTrust,
  );
  return { ...(result.values as CustomerInput), kind: survivor.kind, ownerUserId: survivor.ownerUserId ?? merged.ownerUserId };
}

async function live(tx: Tx, id: string): Promise<CustomerRow> {
  const [row] = await tx.select().from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt)));
  if (!row) throw notFound();
  return row;
}

/**
 * Merges `mergedId` into `survivorId`: orders, sources, contacts, identities and tags move to the
 * survivor, and so do the other modules' records on it (linked leads, opportunities, follow-up
 * tasks: merge-followers.ts); the other record is kept (soft-deleted, pointing at the survivor), and everything
 * moved is written down so that the merge can be undone.
 */
export async function mergeCustomers(
  tx: Tx,
  actor: Actor,
  survivorId: string,
  mergedId: string,
  decision: { score?: number | null; reasons?: MergeReason[]; automatic?: boolean } = {},
): Promise<{ mergeId: string; survivorId: string; mergedId: string }> {
  if (survivorId === mergedId) throw new AppError(400, 'validation_failed', { otherId: 'same_record' });
  const survivor = await live(tx, survivorId);
  const merged = await live(tx, mergedId);
  const now = new Date();

  const movedOrders = await tx.update(orders).set({ customerId: survivorId }).where(eq(orders.customerId, mergedId)).returning({ id: orders.id });
  const movedSources = await tx.update(customerSources).set({ customerId: survivorId }).where(eq(customerSources.customerId, mergedId)).returning({ id: customerSources.id });
  const movedContacts = await tx.update(customerContacts).set({ companyId: survivorId }).where(eq(customerContacts.companyId, mergedId)).returning({ id: customerContacts.id });
  const movedIdentities = await tx.update(customerIdentities).set({ customerId: survivorId }).where(eq(customerIdentities.customerId, mergedId)).returning({ kind: customerIdentities.kind, value: customerIdentities.value });
  const survivorTags = new Set((await tx.select().from(customerTags).where(eq(customerTags.customerId, survivorId))).map((t) => t.tag));
  const addedTags = (await tx.select().from(customerTags).where(eq(customerTags.customerId, mergedId))).map((t) => t.tag).filter((t) => !survivorTags.has(t));
  if (addedTags.length) await tx.insert(customerTags).values(addedTags.map((tag) => ({ tenantId: actor.tenantId, customerId: survivorId, tag })));
  const movedFollowers = await moveFollowers(tx, mergedId, survivorId);

  const settings = await getCustomerSettings(tx);
  const { values } = cleanedValues(surviveValues(survivor, merged, settings), now, settings.fieldTemplates);
  const [survived] = await tx.update(customers).set({ ...values, ownerUserId: survivor.ownerUserId ?? merged.ownerUserId, updatedAt: now }).where(eq(customers.id, survivorId)).returning();
  // A survivor nobody held takes the merged record's owner, and with it a place in their private pool.
  if (!survivor.ownerUserId && survived!.ownerUserId) await syncCustomerPool(tx, actor, survivor, survived!);
  await tx.update(customers).set({ mergedInto: survivorId, deletedAt: now }).where(eq(customers.id, mergedId));
  await tx
    .update(matchReviews)
    .set({ status: 'merged', decidedBy: actor.userId, decidedAt: now })
    .where(and(eq(matchReviews.status, 'pending'), inArray(matchReviews.aId, [survivorId, mergedId]), inArray(matchReviews.bId, [survivorId, mergedId])));

  const moved: Moved = {
    orders: movedOrders.map((o) => o.id),
    sources: movedSources.map((s) => s.id),
    contacts: movedContacts.map((c) => c.id),
    identities: movedIdentities,
    tags: addedTags,
    followers: movedFollowers,
  };
  const [merge] = await tx
    .insert(customerMerges)
    .values({
      tenantId: actor.tenantId,
      survivorId,
      mergedId,
      score: decision.score ?? null,
      reasons: decision.reasons ?? [],
      survivorBefore: survivor as unknown as Record<string, unknown>,
      moved,
      decidedBy: actor.userId,
      automatic: decision.automatic ?? false,
    })
    .returning({ id: customerMerges.id });
  await refreshMatchKeys(tx, actor.tenantId, [survivorId, mergedId]);
  await closeCustomerPool(tx, actor, [mergedId], 'merged');
  await recordAudit(tx, actor, { action: 'customer.merge', entity: 'customer', entityId: survivorId, before: { survivor, merged }, after: { mergeId: merge!.id, moved } });
  return { mergeId: merge!.id, survivorId, mergedId };
}

/** Puts both records back as they were before the merge; refused if the survivor was merged on since. */
export async function undoMerge(tx: Tx, actor: Actor, mergeId: string): Promise<{ id: string; undoneAt: string }> {
  const [merge] = await tx.select().from(customerMerges).where(eq(customerMerges.id, mergeId));
  if (!merge) throw notFound();
  if (merge.undoneAt) throw conflict('conflict');
  const [survivor] = await tx.select().from(customers).where(eq(customers.id, merge.survivorId));
  if (!survivor || survivor.mergedInto) throw conflict('conflict');
  const moved = merge.moved as unknown as Moved;
  const now = new Date();
  if (moved.orders.length) await tx.update(orders).set({ customerId: merge.mergedId }).where(inArray(orders.id, moved.orders));
  if (moved.sources.length) await tx.update(customerSources).set({ customerId: merge.mergedId }).where(inArray(customerSources.id, moved.sources));
  if (moved.contacts.length) await tx.update(customerContacts).set({ companyId: merge.mergedId }).where(inArray(customerContacts.id, moved.contacts));
  for (const i of moved.identities) {
    await tx.update(customerIdentities).set({ customerId: merge.mergedId }).where(and(eq(customerIdentities.kind, i.kind as 'mobile'), eq(customerIdentities.value, i.value)));
  }
  if (moved.tags.length) await tx.delete(customerTags).where(and(eq(customerTags.customerId, merge.survivorId), inArray(customerTags.tag, moved.tags)));
  await moveFollowersBack(tx, moved.followers, merge.mergedId);
  const before = merge.survivorBefore as unknown as CustomerRow;
  const { values } = cleanedValues(rowToInput({ ...before, rejectedValues: before.rejectedValues ?? {} } as CustomerRow), now);
  const [heldBefore] = await tx.select({ ownerUserId: customers.ownerUserId }).from(customers).where(eq(customers.id, merge.survivorId));
  const [survivorNow] = await tx.update(customers).set({ ...values, ownerUserId: before.ownerUserId, updatedAt: now }).where(eq(customers.id, merge.survivorId)).returning();
  if (heldBefore?.ownerUserId !== survivorNow!.ownerUserId) await syncCustomerPool(tx, actor, heldBefore ?? null, survivorNow!);
  await tx.update(customers).set({ mergedInto: null, deletedAt: null, updatedAt: now }).where(eq(customers.id, merge.mergedId));
  await tx.update(customerMerges).set({ undoneAt: now }).where(eq(customerMerges.id, mergeId));
  await refreshMatchKeys(tx, actor.tenantId, [merge.survivorId, merge.mergedId]);
  const [restored] = await tx.select().from(customers).where(eq(customers.id, merge.mergedId));
  if (restored?.ownerUserId) await syncCustomerPool(tx, actor, null, restored);
  await recordAudit(tx, actor, { action: 'customer.merge_undo', entity: 'customer', entityId: merge.survivorId, after: { mergeId, restored: merge.mergedId } });
  return { id: mergeId, undoneAt: now.toISOString() };
}
