import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';

export type OpenLeadRef = { id: string; customerId: string | null; name: string; company: string | null };
export type OwnerChange = { id: string; ownerUserId: string };

/** A person's open leads (new or working, not deleted): what a handover moves. */
export async function openLeadsOf(tx: Tx, userId: string): Promise<OpenLeadRef[]> {
  return queryRows<OpenLeadRef>(
    tx,
    sql`SELECT id, customer_id AS "customerId", name, company FROM leads
        WHERE owner_user_id = ${userId}::uuid AND deleted_at IS NULL AND status IN ('new', 'working')
        ORDER BY id`,
  );
}

/**
 * Gives open leads new owners in one statement; only the owner and `updated_at` change, so
 * activities, scores and custom fields stay as they were. With `fromUserId`, a lead someone else
 * took meanwhile is left alone. Answers the ids that moved.
 */
export async function reassignLeads(tx: Tx, changes: readonly OwnerChange[], fromUserId?: string): Promise<string[]> {
  if (changes.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE leads l SET owner_user_id = c.owner, updated_at = now()
        FROM unnest(${sql.param(changes.map((c) => c.id))}::uuid[], ${sql.param(changes.map((c) => c.ownerUserId))}::uuid[]) AS c(id, owner)
        WHERE l.id = c.id AND l.deleted_at IS NULL AND l.status IN ('new', 'working')
          AND (${fromUserId ?? null}::uuid IS NULL OR l.owner_user_id = ${fromUserId ?? null}::uuid)
        RETURNING l.id`,
  );
  return rows.map((r) => r.id);
}
