import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { OpportunityFacts } from '../../lib/sales-facts.ts';
import { opportunities, opportunityStageHistory, pipelines, pipelineStages, type OpportunityStatus } from './pipeline.tables.ts';
import { opportunityFacts, type CustomerTraits } from './rules/opportunity-facts.ts';

export type LeadOutcome = 'won' | 'lost' | 'open';
const RANK: Record<OpportunityStatus, number> = { won: 3, open: 2, lost: 1 };

/** The best outcome among each lead's opportunities: won beats open beats lost. Leads without opportunities are absent. */
export async function leadOutcomes(tx: Tx, leadIds?: string[]): Promise<Map<string, LeadOutcome>> {
  const outcomes = new Map<string, LeadOutcome>();
  if (leadIds && leadIds.length === 0) return outcomes;
  const rows = await tx
    .selectDistinct({ leadId: opportunities.leadId, status: opportunities.status })
    .from(opportunities)
    .where(and(isNotNull(opportunities.leadId), isNull(opportunities.deletedAt), leadIds ? inArray(opportunities.leadId, leadIds) : undefined));
  for (const r of rows) {
    const current = outcomes.get(r.leadId!);
    if (!current || RANK[r.status] > RANK[current]) outcomes.set(r.leadId!, r.status);
  }
  return outcomes;
}

export type OpportunityFunnelRow = {
  id: string;
  leadId: string | null;
  ownerUserId: string | null;
  createdAt: Date;
  status: OpportunityStatus;
  closedAt: Date | null;
  amount: string;
};

/**
 * Opportunities for the funnel. With `leadIds`: every opportunity of those leads created from `from`
 * on (a cohort of leads keeps converting after the period); without: those created in [from, to).
 */
export async function opportunityFunnelRows(tx: Tx, filter: { from: Date; to: Date; leadIds?: string[] }): Promise<OpportunityFunnelRow[]> {
  if (filter.leadIds && filter.leadIds.length === 0) return [];
  return tx
    .select({
      id: opportunities.id,
      leadId: opportunities.leadId,
      ownerUserId: opportunities.ownerUserId,
      createdAt: opportunities.createdAt,
      status: opportunities.status,
      closedAt: opportunities.closedAt,
      amount: opportunities.amount,
    })
    .from(opportunities)
    .where(
      and(
        isNull(opportunities.deletedAt),
        gte(opportunities.createdAt, filter.from),
        filter.leadIds ? inArray(opportunities.leadId, filter.leadIds) : lt(opportunities.createdAt, filter.to),
      ),
    )
    .orderBy(asc(opportunities.createdAt));
}

export type OpportunityTrainingRow = { id: string; facts: OpportunityFacts; won: boolean; closedAt: Date };

/**
 * Closed opportunities with their facts at the moment they closed, in the last open stage they were
 * in (the won/lost stage itself would give the answer away). For the scoring module's learned model.
 */
export async function opportunityTrainingRows(tx: Tx, customerTraits: (customerId: string) => Promise<CustomerTraits | null>): Promise<OpportunityTrainingRow[]> {
  const closed = await tx
    .select()
    .from(opportunities)
    .where(and(isNull(opportunities.deletedAt), ne(opportunities.status, 'open'), isNotNull(opportunities.closedAt)));
  if (closed.length === 0) return [];
  const history = await tx
    .select({ opportunityId: opportunityStageHistory.opportunityId, stageId: opportunityStageHistory.stageId, enteredAt: opportunityStageHistory.enteredAt, kind: pipelineStages.kind, name: pipelineStages.name, probability: pipelineStages.probability, pipelineName: pipelines.name })
    .from(opportunityStageHistory)
    .innerJoin(pipelineStages, eq(pipelineStages.id, opportunityStageHistory.stageId))
    .innerJoin(pipelines, eq(pipelines.id, pipelineStages.pipelineId))
    .where(inArray(opportunityStageHistory.opportunityId, closed.map((c) => c.id)))
    .orderBy(asc(opportunityStageHistory.enteredAt));
  const lastOpen = new Map<string, (typeof history)[number]>();
  for (const h of history) if (h.kind === 'open') lastOpen.set(h.opportunityId, h);
  const traits = new Map<string, CustomerTraits | null>();
  const rows: OpportunityTrainingRow[] = [];
  for (const c of closed) {
    const stay = lastOpen.get(c.id);
    if (!stay) continue;
    if (!traits.has(c.customerId)) traits.set(c.customerId, await customerTraits(c.customerId));
    const facts = opportunityFacts({ ...c, stageEnteredAt: stay.enteredAt }, stay, traits.get(c.customerId) ?? null, c.closedAt!);
    rows.push({ id: c.id, facts, won: c.status === 'won', closedAt: c.closedAt! });
  }
  return rows;
}
