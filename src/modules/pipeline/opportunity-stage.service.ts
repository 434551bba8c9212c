import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError, forbidden, invalid } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { pushPoolFacts } from './opportunity-pool.ts';
import { userNames } from '../org/index.ts';
import { findVisibleOpportunity, getOpportunity, type Opportunity } from './opportunities.service.ts';
import { scoreOpportunities } from './opportunity-scoring.ts';
import { opportunities, opportunityStageHistory, pipelineStages, type OpportunityRow, type OpportunityStatus } from './pipeline.tables.ts';
import { pipelineStagesOf } from './pipelines.service.ts';

/**
 * Changes stage and status in one conditional UPDATE: only an open opportunity at the expected
 * version matches, so of two moves or closes at the same moment exactly one succeeds. The stay in
 * the old stage is closed and a new one opened in the same transaction.
 */
async function transition(
  tx: Tx,
  caller: Caller,
  before: OpportunityRow,
  change: { stageId: string; status: OpportunityStatus; lostReason?: string; expectOpen: boolean; version?: number },
  now: Date,
): Promise<OpportunityRow> {
  const [row] = await tx
    .update(opportunities)
    .set({
      stageId: change.stageId,
      status: change.status,
      lostReason: change.status === 'lost' ? (change.lostReason ?? null) : null,
      closedAt: change.status === 'open' ? null : now,
      stageEnteredAt: change.stageId === before.stageId ? before.stageEnteredAt : now,
      updatedAt: now,
      version: sql`${opportunities.version} + 1`,
      ...(change.status === 'open' ? {} : { winProbability: change.status === 'won' ? 100 : 0 }),
    })
    .where(
      and(
        eq(opportunities.id, before.id),
        isNull(opportunities.deletedAt),
        change.expectOpen ? eq(opportunities.status, 'open') : sql`${opportunities.status} <> 'open'`,
        eq(opportunities.version, change.version ?? before.version),
      ),
    )
    .returning();
  if (!row) {
    const [current] = await tx.select({ status: opportunities.status }).from(opportunities).where(eq(opportunities.id, before.id));
    if (change.expectOpen && current?.status !== 'open') throw new AppError(409, 'opportunity_closed');
    if (!change.expectOpen && current?.status === 'open') throw new AppError(409, 'opportunity_not_closed');
    throw new AppError(409, 'stale_version');
  }
  if (change.stageId !== before.stageId) {
    await tx
      .update(opportunityStageHistory)
      .set({ leftAt: now })
      .where(and(eq(opportunityStageHistory.opportunityId, before.id), isNull(opportunityStageHistory.leftAt)));
    await tx.insert(opportunityStageHistory).values({
      tenantId: caller.tenantId,
      opportunityId: before.id,
      stageId: change.stageId,
      fromStageId: before.stageId,
      userId: caller.userId,
      enteredAt: now,
    });
  }
  return row;
}

function assertOpen(row: OpportunityRow) {
  if (row.status !== 'open') throw new AppError(409, 'opportunity_closed');
}

export async function moveStage(tx: Tx, caller: Caller, id: string, input: { stageId: string; version?: number }, now = new Date()): Promise<Opportunity> {
  const before = await findVisibleOpportunity(tx, caller, id);
  const stages = await pipelineStagesOf(tx, before.pipelineId);
  const stage = stages.find((s) => s.id === input.stageId);
  if (!stage) throw invalid({ stageId: 'unknown_stage' });
  assertOpen(before);
  if (stage.kind !== 'open') throw invalid({ stageId: 'closed_stage' });
  if (stage.id === before.stageId) return getOpportunity(tx, caller, id);
  const row = await transition(tx, caller, before, { stageId: stage.id, status: 'open', expectOpen: true, version: input.version }, now);
  await recordAudit(tx, caller, { action: 'opportunity.stage', entity: 'opportunity', entityId: id, before: { stageId: before.stageId }, after: { stageId: stage.id } });
  await scoreOpportunities(tx, caller, [row], now);
  await pushPoolFacts(tx, [before.customerId], now);
  return getOpportunity(tx, caller, id);
}

export async function closeOpportunity(
  tx: Tx,
  caller: Caller,
  id: string,
  input: { outcome: 'won' | 'lost'; reason?: string; version?: number },
  now = new Date(),
): Promise<Opportunity> {
  const before = await findVisibleOpportunity(tx, caller, id);
  assertOpen(before);
  const stages = await pipelineStagesOf(tx, before.pipelineId);
  // Without a won/lost stage in the pipeline the opportunity keeps its stage and only changes status.
  const stageId = stages.find((s) => s.kind === input.outcome)?.id ?? before.stageId;
  await transition(tx, caller, before, { stageId, status: input.outcome, lostReason: input.reason, expectOpen: true, version: input.version }, now);
  await recordAudit(tx, caller, { action: `opportunity.${input.outcome}`, entity: 'opportunity', entityId: id, before: { stageId: before.stageId, status: 'open' }, after: { stageId, status: input.outcome, reason: input.reason ?? null } });
  await pushPoolFacts(tx, [before.customerId], now);
  return getOpportunity(tx, caller, id);
}

/** Reopens a won or lost opportunity into the last open stage it was in (managers and admins). */
export async function reopenOpportunity(tx: Tx, caller: Caller, id: string, now = new Date()): Promise<Opportunity> {
  if (caller.roleKey !== 'admin' && caller.roleKey !== 'manager') throw forbidden();
  const before = await findVisibleOpportunity(tx, caller, id);
  if (before.status === 'open') throw new AppError(409, 'opportunity_not_closed');
  const stages = await pipelineStagesOf(tx, before.pipelineId);
  const openIds = new Set(stages.filter((s) => s.kind === 'open').map((s) => s.id));
  const history = await tx.select().from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, id)).orderBy(asc(opportunityStageHistory.enteredAt));
  const last = [...history].reverse().find((h) => openIds.has(h.stageId));
  const stageId = last?.stageId ?? stages.find((s) => s.kind === 'open')?.id;
  if (!stageId) throw new AppError(409, 'last_open_stage');
  await transition(tx, caller, before, { stageId, status: 'open', expectOpen: false }, now);
  await recordAudit(tx, caller, { action: 'opportunity.reopen', entity: 'opportunity', entityId: id, before: { status: before.status, stageId: before.stageId }, after: { status: 'open', stageId } });
  await pushPoolFacts(tx, [before.customerId]);
  return getOpportunity(tx, caller, id);
}

export type HistoryEntry = {
  id: string;
  stageId: string;
  stageName: string | null;
  fromStageId: string | null;
  enteredAt: string;
  leftAt: string | null;
  durationSeconds: number | null;
  userId: string | null;
  userName: string | null;
};

/** One row per stay in a stage, oldest first, with the time spent there (the current stay of an open opportunity: until now). */
export async function stageHistory(tx: Tx, caller: Caller, id: string, now = new Date()): Promise<HistoryEntry[]> {
  const opp = await findVisibleOpportunity(tx, caller, id);
  const rows = await tx.select().from(opportunityStageHistory).where(eq(opportunityStageHistory.opportunityId, id)).orderBy(asc(opportunityStageHistory.enteredAt), asc(opportunityStageHistory.leftAt));
  const stageIds = [...new Set(rows.map((r) => r.stageId))];
  const stages = new Map(stageIds.length ? (await tx.select().from(pipelineStages).where(inArray(pipelineStages.id, stageIds))).map((s) => [s.id, s.name]) : []);
  const users = await userNames(tx, [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))]);
  return rows.map((r) => {
    const end = r.leftAt ?? (opp.status === 'open' ? now : null);
    return {
      id: r.id,
      stageId: r.stageId,
      stageName: stages.get(r.stageId) ?? null,
      fromStageId: r.fromStageId,
      enteredAt: r.enteredAt.toISOString(),
      leftAt: r.leftAt?.toISOString() ?? null,
      durationSeconds: end ? Math.max(0, Math.round((end.getTime() - r.enteredAt.getTime()) / 1000)) : null,
      userId: r.userId,
      userName: r.userId ? (users.get(r.userId) ?? null) : null,
    };
  });
}
