import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { MovementKind, RecordType } from './pool.tables.ts';

export type Movement = {
  recordType: RecordType;
  recordId: string;
  kind: MovementKind;
  fromUserId?: string | null;
  toUserId?: string | null;
  fromPoolId?: string | null;
  toPoolId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
  actorUserId?: string | null;
  runId?: string | null;
  at?: Date;
};

/** Writes movements in one statement (unnest), however many; the history of every record. */
export async function recordMovements(tx: Tx, tenantId: string, rows: readonly Movement[]) {
  if (rows.length === 0) return;
  const col = <T>(f: (m: Movement) => T) => sql.param(rows.map(f));
  const now = new Date().toISOString();
  await tx.execute(sql`
    INSERT INTO pool_movements (tenant_id, record_type, record_id, kind, from_user_id, to_user_id, from_pool_id, to_pool_id, reason, detail, actor_user_id, run_id, at)
    SELECT ${tenantId}::uuid, u.* FROM unnest(
      ${col((m) => m.recordType)}::text[], ${col((m) => m.recordId)}::uuid[], ${col((m) => m.kind)}::text[],
      ${col((m) => m.fromUserId ?? null)}::uuid[], ${col((m) => m.toUserId ?? null)}::uuid[],
      ${col((m) => m.fromPoolId ?? null)}::uuid[], ${col((m) => m.toPoolId ?? null)}::uuid[],
      ${col((m) => m.reason ?? null)}::text[], ${col((m) => (m.detail ? JSON.stringify(m.detail) : null))}::jsonb[],
      ${col((m) => m.actorUserId ?? null)}::uuid[], ${col((m) => m.runId ?? null)}::uuid[],
      ${col((m) => (m.at ?? new Date(now)).toISOString())}::timestamptz[]
    ) AS u`);
}
