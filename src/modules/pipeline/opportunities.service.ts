import { and, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/contains-search.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError, invalid, notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { pushPoolFacts } from './opportunity-pool.ts';
import { customerSummaries, findVisible } from '../customers/index.ts';
import { userNames, visibleOwnerIds } from '../org/index.ts';
import { scoreOpportunities } from './opportunity-scoring.ts';
import { opportunities, opportunityStageHistory, pipelineStages, type OpportunityRow, type OpportunityStatus, type ProductItem, type ScoreReason } from './pipeline.tables.ts';
import { defaultPipeline, findPipeline, getPipeline, pipelineStagesOf, type Pipeline, type Stage } from './pipelines.service.ts';
import { opportunityAmount } from './rules/amount.ts';

export type Opportunity = {
  id: string;
  customerId: string;
  customerName: string | null;
  leadId: string | null;
  pipelineId: string;
  stageId: string;
  stageName: string | null;
  stageProbability: number | null;
  name: string;
  amount: string;
  currency: string;
  expectedCloseDate: string | null;
  products: ProductItem[];
  status: OpportunityStatus;
  lostReason: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  winProbability: number | null;
  scoreReasons: ScoreReason[];
  stageEnteredAt: string;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type OpportunityInput = {
  customerId: string;
  leadId?: string | null;
  pipelineId?: string;
  stageId?: string;
  name: string;
  amount?: number | null;
  currency?: string;
  expectedCloseDate?: string | null;
  products?: ProductItem[];
  ownerUserId?: string;
};

/** Names and stages for a page of rows: a few set queries. */
export async function presentOpportunities(tx: Tx, caller: Caller, rows: OpportunityRow[]): Promise<Opportunity[]> {
  if (rows.length === 0) return [];
  const stageIds = [...new Set(rows.map((r) => r.stageId))];
  const stages = new Map((await tx.select().from(pipelineStages).where(inArray(pipelineStages.id, stageIds))).map((s) => [s.id, s]));
  const owners = await userNames(tx, [...new Set(rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])))]);
  // The opportunity is in the caller's scope, so the name of its customer may be shown.
  const customers = await customerSummaries(tx, rows.map((r) => r.customerId));
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    customerName: customers.get(r.customerId)?.name ?? null,
    leadId: r.leadId,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    stageName: stages.get(r.stageId)?.name ?? null,
    stageProbability: stages.get(r.stageId)?.probability ?? null,
    name: r.name,
    amount: r.amount,
    currency: r.currency,
    expectedCloseDate: r.expectedCloseDate,
    products: r.products,
    status: r.status,
    lostReason: r.lostReason,
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerUserId ? (owners.get(r.ownerUserId) ?? null) : null,
    winProbability: r.winProbability,
    scoreReasons: r.scoreReasons,
    stageEnteredAt: r.stageEnteredAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function scopeCondition(tx: Tx, caller: Caller): Promise<SQL | undefined> {
  const owners = await visibleOwnerIds(tx, caller);
  return owners ? inArray(opportunities.ownerUserId, owners) : undefined;
}

/** An opportunity outside the caller's scope is "not found", so ids cannot be probed. */
export async function findVisibleOpportunity(tx: Tx, caller: Caller, id: string): Promise<OpportunityRow> {
  const [row] = await tx
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.id, id), isNull(opportunities.deletedAt), await scopeCondition(tx, caller)));
  if (!row) throw notFound();
  return row;
}

export async function getOpportunity(tx: Tx, caller: Caller, id: string): Promise<Opportunity> {
  const [presented] = await presentOpportunities(tx, caller, [await findVisibleOpportunity(tx, caller, id)]);
  return presented!;
}

/** Names of opportunities other records point at (a follow-up task), without the data-scope check; deleted ones are left out. */
export async function opportunityTitles(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: opportunities.id, name: opportunities.name })
    .from(opportunities)
    .where(and(inArray(opportunities.id, [...new Set(ids)]), isNull(opportunities.deletedAt)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An owner must be someone whose records the caller may see (themself for a salesperson). */
async function checkOwner(tx: Tx, caller: Caller, ownerUserId: string) {
  const owners = await visibleOwnerIds(tx, caller);
  if (owners && !owners.includes(ownerUserId)) throw invalid({ ownerUserId: 'invalid_reference' });
  if (!owners && (await userNames(tx, [ownerUserId])).size === 0) throw invalid({ ownerUserId: 'invalid_reference' });
}

/** Creates an opportunity on a visible customer, in the given or default pipeline's first open stage. Also used by lead conversion. */
export async function createOpportunity(tx: Tx, caller: Caller, input: OpportunityInput): Promise<Opportunity> {
  await findVisible(tx, caller, input.customerId).catch(() => {
    throw invalid({ customerId: 'invalid_reference' });
  });
  const pipeline = input.pipelineId
    ? await findPipeline(tx, input.pipelineId).catch(() => {
        throw invalid({ pipelineId: 'invalid_reference' });
      })
    : await defaultPipeline(tx, caller.tenantId);
  const stages = await pipelineStagesOf(tx, pipeline.id);
  const stage = input.stageId ? stages.find((s) => s.id === input.stageId) : stages.find((s) => s.kind === 'open');
  if (!stage || stage.kind !== 'open') throw invalid({ stageId: 'unknown_stage' });
  const ownerUserId = input.ownerUserId ?? caller.userId;
  if (input.ownerUserId && input.ownerUserId !== caller.userId) await checkOwner(tx, caller, input.ownerUserId);
  const products = input.products ?? [];
  const now = new Date();
  const [row] = await tx
    .insert(opportunities)
    .values({
      tenantId: caller.tenantId,
      customerId: input.customerId,
      leadId: input.leadId ?? null,
      pipelineId: pipeline.id,
      stageId: stage.id,
      name: input.name,
      amount: opportunityAmount(input.amount, products),
      currency: input.currency ?? 'CNY',
      expectedCloseDate: input.expectedCloseDate ?? null,
      products,
      ownerUserId,
      stageEnteredAt: now,
      createdBy: caller.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(opportunityStageHistory).values({ tenantId: caller.tenantId, opportunityId: row!.id, stageId: stage.id, userId: caller.userId, enteredAt: now });
  await recordAudit(tx, caller, { action: 'opportunity.create', entity: 'opportunity', entityId: row!.id, after: { ...input, amount: row!.amount, pipelineId: pipeline.id, stageId: stage.id } });
  await scoreOpportunities(tx, caller, [row!], now);
  await pushPoolFacts(tx, [row!.customerId]);
  return getOpportunity(tx, caller, row!.id);
}

export async function updateOpportunity(
  tx: Tx,
  caller: Caller,
  id: string,
  input: Omit<Partial<OpportunityInput>, 'customerId' | 'pipelineId' | 'stageId' | 'leadId'> & { version?: number },
): Promise<Opportunity> {
  const before = await findVisibleOpportunity(tx, caller, id);
  if (input.ownerUserId && input.ownerUserId !== before.ownerUserId) await checkOwner(tx, caller, input.ownerUserId);
  const products = input.products ?? before.products;
  // A new product list re-derives the amount unless one is given; an explicit null asks for the derived amount.
  const amount =
    input.amount !== undefined ? opportunityAmount(input.amount, products) : input.products !== undefined ? opportunityAmount(null, products) : before.amount;
  const { version, ...changes } = input;
  const [row] = await tx
    .update(opportunities)
    .set({ ...changes, products, amount, updatedAt: new Date(), version: sql`${opportunities.version} + 1` })
    .where(and(eq(opportunities.id, id), eq(opportunities.version, version ?? before.version)))
    .returning();
  if (!row) throw new AppError(409, 'stale_version');
  await recordAudit(tx, caller, { action: 'opportunity.update', entity: 'opportunity', entityId: id, before: { name: before.name, amount: before.amount, products: before.products, ownerUserId: before.ownerUserId, expectedCloseDate: before.expectedCloseDate }, after: input });
  await scoreOpportunities(tx, caller, [row]);
  await pushPoolFacts(tx, [row.customerId]);
  return getOpportunity(tx, caller, id);
}

export async function deleteOpportunity(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findVisibleOpportunity(tx, caller, id);
  await tx.update(opportunities).set({ deletedAt: new Date() }).where(eq(opportunities.id, id));
  await recordAudit(tx, caller, { action: 'opportunity.delete', entity: 'opportunity', entityId: id, before: { name: before.name, amount: before.amount, status: before.status } });
  await pushPoolFacts(tx, [before.customerId]);
}

export type OpportunityFilter = {
  q?: string;
  pipelineId?: string;
  stageId?: string;
  ownerUserId?: string;
  customerId?: string;
  status?: OpportunityStatus;
  limit: number;
  cursor?: string;
};


export async function listOpportunities(tx: Tx, caller: Caller, filter: OpportunityFilter): Promise<Page<Opportunity>> {
  const { where: after, orderBy } = keyset({ column: opportunities.createdAt, direction: 'desc' }, opportunities.id, filter.cursor);
  const rows = await tx
    .select()
    .from(opportunities)
    .where(
      and(
        isNull(opportunities.deletedAt),
        await scopeCondition(tx, caller),
        filter.q ? ilike(opportunities.name, `%${escapeLike(filter.q)}%`) : undefined,
        filter.pipelineId ? eq(opportunities.pipelineId, filter.pipelineId) : undefined,
        filter.stageId ? eq(opportunities.stageId, filter.stageId) : undefined,
        filter.ownerUserId ? eq(opportunities.ownerUserId, filter.ownerUserId) : undefined,
        filter.customerId ? eq(opportunities.customerId, filter.customerId) : undefined,
        filter.status ? eq(opportunities.status, filter.status) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  const page = toPage(rows, filter.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await presentOpportunities(tx, caller, page.items), nextCursor: page.nextCursor };
}

export type BoardColumn = { stage: Stage; count: number; amount: string; items: Opportunity[] };
const CARDS_PER_COLUMN = 50;

/** Per stage of a pipeline: open opportunities, and those won or lost in the recent period. */
export async function getBoard(tx: Tx, caller: Caller, pipelineId: string, filter: { ownerUserId?: string; recentDays: number }, now = new Date()) {
  const pipeline: Pipeline = await getPipeline(tx, pipelineId);
  const since = new Date(now.getTime() - filter.recentDays * 86_400_000);
  const where = and(
    eq(opportunities.pipelineId, pipelineId),
    isNull(opportunities.deletedAt),
    await scopeCondition(tx, caller),
    filter.ownerUserId ? eq(opportunities.ownerUserId, filter.ownerUserId) : undefined,
    sql`(${opportunities.status} = 'open' or ${opportunities.closedAt} >= ${since.toISOString()})`,
  );
  const totals = await tx
    .select({ stageId: opportunities.stageId, n: sql<number>`count(*)::int`, sum: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(16,2)::text` })
    .from(opportunities)
    .where(where)
    .groupBy(opportunities.stageId);
  const ranked = tx
    .select({ id: opportunities.id, rank: sql<number>`row_number() over (partition by ${opportunities.stageId} order by ${opportunities.updatedAt} desc, ${opportunities.id})`.as('rank') })
    .from(opportunities)
    .where(where)
    .as('ranked');
  const rows = await tx
    .select({ o: opportunities })
    .from(opportunities)
    .innerJoin(ranked, eq(ranked.id, opportunities.id))
    .where(sql`${ranked.rank} <= ${CARDS_PER_COLUMN}`)
    .orderBy(desc(opportunities.updatedAt), opportunities.id);
  const cards = await presentOpportunities(tx, caller, rows.map((r) => r.o));
  const byStage = new Map(totals.map((t) => [t.stageId, t]));
  const columns: BoardColumn[] = pipeline.stages.map((stage) => ({
    stage,
    count: byStage.get(stage.id)?.n ?? 0,
    amount: byStage.get(stage.id)?.sum ?? '0.00',
    items: cards.filter((c) => c.stageId === stage.id),
  }));
  return { pipeline, columns };
}
