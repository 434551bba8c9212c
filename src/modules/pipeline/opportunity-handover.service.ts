import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';

export type OpenOpportunityRef = { id: string; customerId: string; name: string };
export type OwnerChange = { id: string; ownerUserId: string };

/** A person's open opportunities (not deleted): what a handover moves. */
export async function openOpportunitiesOf(tx: Tx, userId: string): Promise<OpenOpportunityRef[]> {
  return queryRows<OpenOpportunityRef>(
    tx,
    sql`SELECT id, customer_id AS "customerId", name FROM opportunities
        WHERE owner_user_id = ${userId}::uuid AND deleted_at IS NULL AND status = 'open'
        ORDER BY id`,
  );
}

/**
 * Gives open opportunities new owners in one statement. Only the owner and `updated_at` change:
 * the stage, its history and the version stay, so an edit begun before the handover still
 * applies. With `fromUserId`, one someone else took meanwhile is left alone. Answers the ids that moved.
 */
export async function reassignOpportunities(tx: Tx, changes: readonly OwnerChange[], fromUserId?: string): Promise<string[]> {
  if (changes.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE opportunities o SET owner_user_id = c.owner, updated_at = now()
        FROM unnest(${sql.param(changes.map((c) => c.id))}::uuid[], ${sql.param(changes.map((c) => c.ownerUserId))}::uuid[]) AS c(id, owner)
        WHERE o.id = c.id AND o.deleted_at IS NULL AND o.status = 'open'
          AND (${fromUserId ?? null}::uuid IS NULL OR o.owner_user_id = ${fromUserId ?? null}::uuid)
        RETURNING o.id`,
  );
  return rows.map((r) => r.id);
}
