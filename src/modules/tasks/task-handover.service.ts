import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import type { TaskRecordType } from './tasks.tables.ts';

export type OpenTaskRef = { id: string; recordType: TaskRecordType; recordId: string; title: string };
export type AssigneeChange = { id: string; assigneeUserId: string };

/** A person's open tasks (not done, not deleted): what a handover moves. */
export async function openTasksOf(tx: Tx, userId: string): Promise<OpenTaskRef[]> {
  return queryRows<OpenTaskRef>(
    tx,
    sql`SELECT id, record_type AS "recordType", record_id AS "recordId", title FROM follow_up_tasks
        WHERE assignee_user_id = ${userId}::uuid AND done_at IS NULL AND deleted_at IS NULL
        ORDER BY due_at, id`,
  );
}

/**
 * Gives open tasks new assignees in one statement; only the assignee and `updated_at` change. With
 * `fromUserId`, a task someone else took or finished meanwhile is left alone. Answers the ids that moved.
 */
export async function reassignTasks(tx: Tx, changes: readonly AssigneeChange[], fromUserId?: string): Promise<string[]> {
  if (changes.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE follow_up_tasks t SET assignee_user_id = c.assignee, updated_at = now()
        FROM unnest(${sql.param(changes.map((c) => c.id))}::uuid[], ${sql.param(changes.map((c) => c.assigneeUserId))}::uuid[]) AS c(id, assignee)
        WHERE t.id = c.id AND t.done_at IS NULL AND t.deleted_at IS NULL
          AND (${fromUserId ?? null}::uuid IS NULL OR t.assignee_user_id = ${fromUserId ?? null}::uuid)
        RETURNING t.id`,
  );
  return rows.map((r) => r.id);
}
