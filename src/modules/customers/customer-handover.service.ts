import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';

export type OwnedCustomerRef = { id: string; name: string };
export type OwnerChange = { id: string; ownerUserId: string };

/** The customers a person owns (not deleted, not merged away): what a handover moves. */
export async function customersOwnedBy(tx: Tx, userId: string): Promise<OwnedCustomerRef[]> {
  return queryRows<OwnedCustomerRef>(
    tx,
    sql`SELECT id, name FROM customers
        WHERE owner_user_id = ${userId}::uuid AND deleted_at IS NULL AND merged_into IS NULL
        ORDER BY id`,
  );
}

/** How many live customers each of these people owns (absent: none). */
export async function ownedCustomerCounts(tx: Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await queryRows<{ owner: string; n: number }>(
    tx,
    sql`SELECT owner_user_id AS owner, count(*)::int AS n FROM customers
        WHERE owner_user_id = ANY(${sql.param([...userIds])}::uuid[]) AND deleted_at IS NULL AND merged_into IS NULL
        GROUP BY owner_user_id`,
  );
  return new Map(rows.map((r) => [r.owner, Number(r.n)]));
}

/**
 * Gives customers new owners in one statement; only the owner and `updated_at` change. With
 * `fromUserId`, a customer someone else took meanwhile is left alone. Answers the ids that moved.
 */
export async function reassignCustomers(tx: Tx, changes: readonly OwnerChange[], fromUserId?: string): Promise<string[]> {
  if (changes.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE customers t SET owner_user_id = c.owner, updated_at = now()
        FROM unnest(${sql.param(changes.map((c) => c.id))}::uuid[], ${sql.param(changes.map((c) => c.ownerUserId))}::uuid[]) AS c(id, owner)
        WHERE t.id = c.id AND t.deleted_at IS NULL
          AND (${fromUserId ?? null}::uuid IS NULL OR t.owner_user_id = ${fromUserId ?? null}::uuid)
        RETURNING t.id`,
  );
  return rows.map((r) => r.id);
}
