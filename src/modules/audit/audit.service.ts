import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { auditLog } from './audit.tables.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditRecord = {
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
};

/** Written in the caller's transaction, so the record and the change commit or roll back together. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  });
}

export type AuditFilter = {
  action?: string;
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
};

export async function listAudit(tx: Tx, filter: AuditFilter): Promise<Page<AuditRecord>> {
  const { where: after, orderBy } = keyset({ column: auditLog.at, direction: 'desc' }, auditLog.id, filter.cursor);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(
      and(
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
        filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
        filter.from ? gte(auditLog.at, filter.from) : undefined,
        filter.to ? lte(auditLog.at, filter.to) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  return toPage(
    rows,
    filter.limit,
    (r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      ip: r.ip,
      requestId: r.requestId,
    }),
    (r) => [r.at.toISOString(), r.id],
  );
}

export async function countAudit(tx: Tx, action: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, action));
  return row?.n ?? 0;
}
