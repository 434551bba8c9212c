import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

export type ImportChange = { entity: 'customer' | 'order' | 'lead'; entityId: string; action: 'created' | 'updated'; before: Record<string, unknown> | null };

/**
 * Records what a batch changed, for undo: one statement with the rows as arrays (a thousand
 * customers' "before" values as bound parameters would cost more to build than to write).
 * Sequence numbers follow the list's order, which revert walks backwards.
 */
export async function recordChanges(tx: Tx, tenantId: string, importId: string, changes: ImportChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`
    insert into import_changes (tenant_id, import_id, entity, entity_id, action, before)
    select ${tenantId}::uuid, ${importId}::uuid, v.entity, v.entity_id, v.action, v.before::jsonb
    from unnest(${sql.param(changes.map((c) => c.entity))}::text[], ${sql.param(changes.map((c) => c.entityId))}::uuid[],
      ${sql.param(changes.map((c) => c.action))}::text[], ${sql.param(changes.map((c) => (c.before ? JSON.stringify(c.before) : null)))}::text[])
      with ordinality as v(entity, entity_id, action, before, ord)
    order by v.ord`);
}
