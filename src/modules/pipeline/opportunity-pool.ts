import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { noteFollowUp, noteOpportunityFacts } from '../pool/index.ts';

/**
 * Tells the pool what recycle rules read of these customers' opportunities: when the latest was
 * opened, the best open win probability, when one was last won. A stage move or a close is work on
 * the customer, so it also counts as a follow-up.
 */
export async function pushPoolFacts(tx: Tx, customerIds: readonly string[], followUpAt?: Date) {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const rows = await queryRows<{ customer_id: string; last: Date | null; prob: number | null; won: Date | null }>(
    tx,
    sql`SELECT c.id AS customer_id, max(o.created_at) AS last,
          max(o.win_probability) FILTER (WHERE o.status = 'open') AS prob,
          max(o.closed_at) FILTER (WHERE o.status = 'won') AS won
        FROM unnest(${sql.param(ids)}::uuid[]) AS c(id)
        LEFT JOIN opportunities o ON o.customer_id = c.id AND o.deleted_at IS NULL
        GROUP BY c.id`,
  );
  const at = (d: Date | string | null) => (d ? new Date(d) : null);
  await noteOpportunityFacts(tx, rows.map((r) => ({ customerId: r.customer_id, lastOpportunityAt: at(r.last), openProbability: r.prob, wonAt: at(r.won) })));
  if (followUpAt) await noteFollowUp(tx, 'customer', ids, followUpAt);
}
