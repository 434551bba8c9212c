import { daysBetween, regionOf, type OpportunityFacts } from '../../../lib/sales-facts.ts';
import type { OpportunityRow, StageRow } from '../pipeline.tables.ts';

export type CustomerTraits = { kind: 'person' | 'company'; source: string | null; industry: string | null; province: string | null };

/** What scoring sees of an opportunity at `now` (for training rows: the moment it closed, in its last open stage). */
export function opportunityFacts(
  row: Pick<OpportunityRow, 'amount' | 'products' | 'createdAt' | 'stageEnteredAt' | 'lastActivityAt' | 'expectedCloseDate'>,
  stage: Pick<StageRow, 'name' | 'probability'> & { pipelineName: string },
  customer: CustomerTraits | null,
  now: Date,
): OpportunityFacts {
  return {
    pipeline: stage.pipelineName,
    stage: stage.name,
    stageProbability: stage.probability,
    amount: Number(row.amount),
    productCount: row.products.length,
    source: customer?.source ?? null,
    industry: customer?.industry ?? null,
    region: regionOf(customer?.province),
    customerKind: customer?.kind ?? 'company',
    daysOpen: Math.max(0, daysBetween(row.createdAt, now)),
    daysInStage: Math.max(0, daysBetween(row.stageEnteredAt, now)),
    daysSinceActivity: row.lastActivityAt ? Math.max(0, daysBetween(row.lastActivityAt, now)) : null,
    daysToClose: row.expectedCloseDate ? daysUntil(row.expectedCloseDate, now) : null,
  };
}

/** Calendar days from today (UTC) to a date; negative when the date has passed. */
function daysUntil(date: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / 86_400_000);
}
