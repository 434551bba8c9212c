import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import { opportunities, pipelines, pipelineStages, type PipelineRow, type StageKind, type StageRow } from './pipeline.tables.ts';

export type Stage = { id: string; name: string; position: number; probability: number; kind: StageKind };
export type Pipeline = { id: string; name: string; position: number; isDefault: boolean; stages: Stage[] };
export type StageInput = { name: string; probability: number; kind: StageKind };

/** The stages a new tenant's pipeline starts with. */
export const DEFAULT_STAGES: readonly StageInput[] = [
  { name: '初步接触', probability: 10, kind: 'open' },
  { name: '需求确认', probability: 30, kind: 'open' },
  { name: '方案报价', probability: 50, kind: 'open' },
  { name: '商务谈判', probability: 70, kind: 'open' },
  { name: '赢单', probability: 100, kind: 'won' },
  { name: '输单', probability: 0, kind: 'lost' },
];
export const DEFAULT_PIPELINE_NAME = '新签';

const presentStage = (s: StageRow): Stage => ({ id: s.id, name: s.name, position: s.position, probability: s.probability, kind: s.kind });

async function stagesOf(tx: Tx, pipelineIds: string[]): Promise<Map<string, Stage[]>> {
  const map = new Map<string, Stage[]>();
  if (pipelineIds.length === 0) return map;
  const rows = await tx
    .select()
    .from(pipelineStages)
    .where(and(inArray(pipelineStages.pipelineId, pipelineIds), isNull(pipelineStages.deletedAt)))
    .orderBy(asc(pipelineStages.position), asc(pipelineStages.name));
  for (const r of rows) map.set(r.pipelineId, [...(map.get(r.pipelineId) ?? []), presentStage(r)]);
  return map;
}

const present = (p: PipelineRow, stages: Stage[]): Pipeline => ({ id: p.id, name: p.name, position: p.position, isDefault: p.isDefault, stages });

async function insertPipeline(tx: Tx, tenantId: string, name: string, isDefault: boolean, stages: readonly StageInput[]): Promise<PipelineRow> {
  const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(pipelines).where(isNull(pipelines.deletedAt));
  const [row] = await tx.insert(pipelines).values({ tenantId, name, isDefault, position: n }).returning();
  await tx.insert(pipelineStages).values(stages.map((s, i) => ({ tenantId, pipelineId: row!.id, name: s.name, probability: s.probability, kind: s.kind, position: i })));
  return row!;
}

/** A tenant with no pipeline gets the default one on first use; the lock stops two first uses making two. */
export async function ensureDefaultPipeline(tx: Tx, tenantId: string): Promise<void> {
  const exists = async () => (await tx.select({ id: pipelines.id }).from(pipelines).where(isNull(pipelines.deletedAt)).limit(1)).length > 0;
  if (await exists()) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pipelines:${tenantId}`}))`);
  if (await exists()) return;
  await insertPipeline(tx, tenantId, DEFAULT_PIPELINE_NAME, true, DEFAULT_STAGES);
}

export async function listPipelines(tx: Tx, caller: Caller): Promise<Pipeline[]> {
  await ensureDefaultPipeline(tx, caller.tenantId);
  const rows = await tx.select().from(pipelines).where(isNull(pipelines.deletedAt)).orderBy(asc(pipelines.position), asc(pipelines.createdAt));
  const stages = await stagesOf(tx, rows.map((r) => r.id));
  return rows.map((r) => present(r, stages.get(r.id) ?? []));
}

export async function findPipeline(tx: Tx, id: string): Promise<PipelineRow> {
  const [row] = await tx.select().from(pipelines).where(and(eq(pipelines.id, id), isNull(pipelines.deletedAt)));
  if (!row) throw notFound();
  return row;
}

export async function getPipeline(tx: Tx, id: string): Promise<Pipeline> {
  const row = await findPipeline(tx, id);
  return present(row, (await stagesOf(tx, [id])).get(id) ?? []);
}

/** The default pipeline (or the first one), creating the tenant's default when there is none. */
export async function defaultPipeline(tx: Tx, tenantId: string): Promise<PipelineRow> {
  await ensureDefaultPipeline(tx, tenantId);
  const [row] = await tx.select().from(pipelines).where(isNull(pipelines.deletedAt)).orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.position), asc(pipelines.createdAt)).limit(1);
  return row!;
}

export async function pipelineStagesOf(tx: Tx, pipelineId: string): Promise<StageRow[]> {
  return tx.select().from(pipelineStages).where(and(eq(pipelineStages.pipelineId, pipelineId), isNull(pipelineStages.deletedAt))).orderBy(asc(pipelineStages.position));
}

export async function createPipeline(tx: Tx, caller: Caller, input: { name: string; isDefault?: boolean; stages?: StageInput[] }): Promise<Pipeline> {
  await ensureDefaultPipeline(tx, caller.tenantId);
  if (input.isDefault) await tx.update(pipelines).set({ isDefault: false }).where(eq(pipelines.isDefault, true));
  const row = await insertPipeline(tx, caller.tenantId, input.name, input.isDefault ?? false, input.stages ?? DEFAULT_STAGES);
  await recordAudit(tx, caller, { action: 'pipeline.create', entity: 'pipeline', entityId: row.id, after: input });
  return getPipeline(tx, row.id);
}

export async function updatePipeline(tx: Tx, caller: Caller, id: string, input: { name?: string; isDefault?: true; position?: number }): Promise<Pipeline> {
  const before = await findPipeline(tx, id);
  if (input.isDefault) await tx.update(pipelines).set({ isDefault: false }).where(eq(pipelines.isDefault, true));
  await tx.update(pipelines).set({ ...input, updatedAt: new Date() }).where(eq(pipelines.id, id));
  await recordAudit(tx, caller, { action: 'pipeline.update', entity: 'pipeline', entityId: id, before: { name: before.name, isDefault: before.isDefault, position: before.position }, after: input });
  return getPipeline(tx, id);
}

const openOpportunityCount = async (tx: Tx, where: ReturnType<typeof eq>) =>
  (await tx.select({ n: sql<number>`count(*)::int` }).from(opportunities).where(and(where, isNull(opportunities.deletedAt))))[0]?.n ?? 0;

/** A pipeline or stage that still holds opportunities cannot go: 409 with the count. */
export async function deletePipeline(tx: Tx, caller: Caller, id: string): Promise<void> {
  const row = await findPipeline(tx, id);
  const count = await openOpportunityCount(tx, eq(opportunities.pipelineId, id));
  if (count > 0) throw new AppError(409, 'pipeline_not_empty', undefined, { count }, { count });
  const now = new Date();
  await tx.update(pipelines).set({ deletedAt: now, isDefault: false }).where(eq(pipelines.id, id));
  await tx.update(pipelineStages).set({ deletedAt: now }).where(eq(pipelineStages.pipelineId, id));
  if (row.isDefault) {
    const [next] = await tx.select({ id: pipelines.id }).from(pipelines).where(isNull(pipelines.deletedAt)).orderBy(asc(pipelines.position)).limit(1);
    if (next) await tx.update(pipelines).set({ isDefault: true }).where(eq(pipelines.id, next.id));
  }
  await recordAudit(tx, caller, { action: 'pipeline.delete', entity: 'pipeline', entityId: id, before: { name: row.name } });
}

export async function findStage(tx: Tx, pipelineId: string, stageId: string): Promise<StageRow> {
  const [row] = await tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.id, stageId), eq(pipelineStages.pipelineId, pipelineId), isNull(pipelineStages.deletedAt)));
  if (!row) throw notFound();
  return row;
}

export async function addStage(tx: Tx, caller: Caller, pipelineId: string, input: StageInput & { position?: number }): Promise<Pipeline> {
  await findPipeline(tx, pipelineId);
  const stages = await pipelineStagesOf(tx, pipelineId);
  // Open stages go before the closing ones unless a position is given.
  const firstClosed = stages.findIndex((s) => s.kind !== 'open');
  const at = Math.min(input.position ?? (input.kind === 'open' && firstClosed >= 0 ? firstClosed : stages.length), stages.length);
  const [row] = await tx.insert(pipelineStages).values({ tenantId: caller.tenantId, pipelineId, name: input.name, probability: input.probability, kind: input.kind, position: at }).returning();
  await renumber(tx, [...stages.slice(0, at).map((s) => s.id), row!.id, ...stages.slice(at).map((s) => s.id)]);
  await recordAudit(tx, caller, { action: 'pipeline.stage.create', entity: 'pipeline', entityId: pipelineId, after: { stageId: row!.id, ...input } });
  return getPipeline(tx, pipelineId);
}

export async function updateStage(tx: Tx, caller: Caller, pipelineId: string, stageId: string, input: Partial<StageInput>): Promise<Pipeline> {
  const before = await findStage(tx, pipelineId, stageId);
  await tx.update(pipelineStages).set(input).where(eq(pipelineStages.id, stageId));
  await recordAudit(tx, caller, { action: 'pipeline.stage.update', entity: 'pipeline', entityId: pipelineId, before: presentStage(before), after: { stageId, ...input } });
  return getPipeline(tx, pipelineId);
}

export async function reorderStages(tx: Tx, caller: Caller, pipelineId: string, stageIds: string[]): Promise<Pipeline> {
  await findPipeline(tx, pipelineId);
  const current = await pipelineStagesOf(tx, pipelineId);
  const same = stageIds.length === current.length && new Set(stageIds).size === stageIds.length && current.every((s) => stageIds.includes(s.id));
  if (!same) throw invalid({ stageIds: 'must_list_every_stage' });
  await renumber(tx, stageIds);
  await recordAudit(tx, caller, { action: 'pipeline.stage.reorder', entity: 'pipeline', entityId: pipelineId, before: current.map((s) => s.id), after: stageIds });
  return getPipeline(tx, pipelineId);
}

export async function deleteStage(tx: Tx, caller: Caller, pipelineId: string, stageId: string): Promise<Pipeline> {
  const stage = await findStage(tx, pipelineId, stageId);
  const count = await openOpportunityCount(tx, eq(opportunities.stageId, stageId));
  if (count > 0) throw new AppError(409, 'stage_not_empty', undefined, { count }, { count });
  const stages = await pipelineStagesOf(tx, pipelineId);
  if (stages.filter((s) => s.kind === 'open').length === 1 && stage.kind === 'open') throw new AppError(409, 'last_open_stage');
  await tx.update(pipelineStages).set({ deletedAt: new Date() }).where(eq(pipelineStages.id, stageId));
  await renumber(tx, stages.filter((s) => s.id !== stageId).map((s) => s.id));
  await recordAudit(tx, caller, { action: 'pipeline.stage.delete', entity: 'pipeline', entityId: pipelineId, before: presentStage(stage) });
  return getPipeline(tx, pipelineId);
}

async function renumber(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  const cases = sql.join(ids.map((id, i) => sql`when ${id}::uuid then ${i}::int`), sql` `);
  await tx.update(pipelineStages).set({ position: sql`case ${pipelineStages.id} ${cases} end` }).where(inArray(pipelineStages.id, ids));
}
