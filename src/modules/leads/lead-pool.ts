import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { closeRecords, levelFromScore, noteFollowUp, registerPoolRecordType, syncRecords, type PoolEntry } from '../pool/index.ts';
import { findVisibleLead, leadScope, type LeadRow } from './leads.service.ts';
import { leads } from './leads.tables.ts';

type LeadLike = Pick<LeadRow, 'id' | 'name' | 'source'> &
  Partial<Pick<LeadRow, 'company' | 'ownerUserId' | 'queueTeamId' | 'province' | 'city' | 'industry' | 'score' | 'assignedAt'>>;

/** How a lead shows in a pool: company and name, region, a level from its score; never its number. */
export const poolEntryOf = (l: LeadLike): PoolEntry => ({
  type: 'lead',
  id: l.id,
  ownerUserId: l.ownerUserId ?? null,
  title: l.company ? `${l.company} · ${l.name}` : l.name,
  province: l.province,
  city: l.city,
  industry: l.industry,
  source: l.source,
  level: levelFromScore(l.score),
  at: l.assignedAt,
});

/**
 * Open leads live in the pools: an owned one in its owner's private pool, an unowned one in a public
 * pool. A lead waiting in a team queue is the manager's to hand out, so it stays out until then.
 */
export async function syncLeadPool(tx: Tx, actor: Actor, rows: readonly LeadLike[], kind: 'enter' | 'assign' = 'enter') {
  const queued = rows.filter((r) => r.queueTeamId && !r.ownerUserId);
  await syncRecords(tx, actor, rows.filter((r) => !(r.queueTeamId && !r.ownerUserId)).map(poolEntryOf), { kind });
  if (queued.length > 0) await closeRecords(tx, actor, 'lead', queued.map((r) => r.id), 'queued');
}

export const closeLeadPool = (tx: Tx, actor: Actor, ids: string[], reason: string) => closeRecords(tx, actor, 'lead', ids, reason);

/** A call or visit keeps the lead, and the customer it belongs to, from falling for "no follow-up". */
export async function noteLeadFollowUp(tx: Tx, lead: Pick<LeadRow, 'id' | 'customerId'>, at: Date) {
  await noteFollowUp(tx, 'lead', [lead.id], at);
  if (lead.customerId) await noteFollowUp(tx, 'customer', [lead.customerId], at);
}

export function registerLeadPoolType() {
  registerPoolRecordType('lead', {
    setOwners: async (tx, changes) => {
      await tx.execute(sql`
        UPDATE leads l SET owner_user_id = x.owner_user_id, queue_team_id = NULL,
          assigned_at = CASE WHEN x.owner_user_id IS NULL THEN l.assigned_at ELSE now() END, updated_at = now()
        FROM (${changes}) AS x(record_id, owner_user_id) WHERE l.id = x.record_id`);
    },
    canSee: (tx, caller, id) => findVisibleLead(tx, caller, id).then(
      () => true,
      () => false,
    ),
    entries: async (tx, caller, ids) => {
      // Only open leads belong in a pool; closed ones (qualified, disqualified) stay out.
      const rows = await tx
        .select()
        .from(leads)
        .where(and(inArray(leads.id, [...ids]), isNull(leads.deletedAt), inArray(leads.status, ['new', 'working']), await leadScope(tx, caller)));
      return rows.map(poolEntryOf);
    },
  });
}
