import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { recordAudit } from '../audit/index.ts';
import type { Qualified } from '../leads/index.ts';

/**
 * A qualified lead's open follow-ups go on to the customer it became: the next call is planned on
 * the record the salesperson now works. Done ones stay on the lead, as its history. Each move is audited.
 */
export async function carryOpenTasksToCustomer(tx: Tx, caller: Caller, { leadId, customerId }: Qualified): Promise<string[]> {
  const moved = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE follow_up_tasks SET record_type = 'customer', record_id = ${customerId}::uuid, updated_at = now()
        WHERE record_type = 'lead' AND record_id = ${leadId}::uuid AND done_at IS NULL AND deleted_at IS NULL
        RETURNING id`,
  );
  for (const { id } of moved) {
    await recordAudit(tx, caller, { action: 'task.update', entity: 'task', entityId: id, before: { recordType: 'lead', recordId: leadId }, after: { recordType: 'customer', recordId: customerId } });
  }
  return moved.map((m) => m.id);
}
