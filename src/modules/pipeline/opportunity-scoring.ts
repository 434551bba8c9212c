import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { OpportunityFacts } from '../../lib/sales-facts.ts';
import type { Caller } from '../../server/caller.ts';
import { customerSummaries } from '../customers/index.ts';
import { getScoringSettings, loadScorer, registerScoringTarget, type Scorer } from '../scoring/index.ts';
import { opportunityTrainingRows } from './opportunity-exports.service.ts';
import { opportunities, pipelines, pipelineStages, type OpportunityRow, type ScoreReason } from './pipeline.tables.ts';
import { opportunityFacts, type CustomerTraits } from './rules/opportunity-facts.ts';

export type OpportunityScorer = { score(facts: OpportunityFacts): { score: number; reasons: ScoreReason[] } };

/**
 * The one place the scoring module is wired in. With a trained model the win probability is the
 * blended score. Without one, the rules' base score says nothing about an opportunity, so the
 * stage's probability takes its place: win probability = stage probability + the matched rules'
 * points (e.g. 方案报价 50 % − 15 for no follow-up in 30 days = 35 %), the stage shown as a reason.
 */
export async function loadOpportunityScorer(tx: Tx): Promise<OpportunityScorer> {
  const [scorer, settings] = await Promise.all([loadScorer(tx, 'opportunity'), getScoringSettings(tx)]);
  return stageAnchored(scorer, settings.base);
}

export function stageAnchored(scorer: Scorer, base: number): OpportunityScorer {
  return {
    score(facts) {
      const result = scorer.score(facts);
      if (scorer.modelActive) return { score: result.score, reasons: result.reasons };
      const stage: ScoreReason = { kind: 'rule', label: `stageProbability = ${facts.stageProbability}`, weight: facts.stageProbability, field: 'stageProbability', value: facts.stageProbability } as ScoreReason;
      return { score: Math.max(0, Math.min(100, facts.stageProbability + (result.ruleScore - base))), reasons: [stage, ...result.reasons].slice(0, 5) };
    },
  };
}

/** Reads any customer of the tenant, for jobs that run without a caller (training, rescoring). */
const tenantReader = { dataScope: 'all', userId: '', tenantId: '', permissions: [] } as unknown as Caller;

/** Customer traits the facts need (the opportunity is visible, so its customer's traits may be used). */
export async function customerTraits(tx: Tx, _caller: Caller, customerId: string): Promise<CustomerTraits | null> {
  const c = (await customerSummaries(tx, [customerId])).get(customerId);
  return c ? { kind: c.kind, source: c.source, industry: c.industry, province: c.province } : null;
}

/** Facts of open opportunities as of `now`, keyed by id. */
export async function factsOf(tx: Tx, caller: Caller, rows: OpportunityRow[], now: Date): Promise<Map<string, OpportunityFacts>> {
  const facts = new Map<string, OpportunityFacts>();
  if (rows.length === 0) return facts;
  const stages = await tx
    .select({ id: pipelineStages.id, name: pipelineStages.name, probability: pipelineStages.probability, pipelineName: pipelines.name })
    .from(pipelineStages)
    .innerJoin(pipelines, eq(pipelines.id, pipelineStages.pipelineId))
    .where(inArray(pipelineStages.id, [...new Set(rows.map((r) => r.stageId))]));
  const byId = new Map(stages.map((s) => [s.id, s]));
  const traits = await customerSummaries(tx, rows.map((r) => r.customerId));
  for (const row of rows) {
    const stage = byId.get(row.stageId);
    if (stage) facts.set(row.id, opportunityFacts(row, stage, traits.get(row.customerId) ?? null, now));
  }
  return facts;
}

async function applyScores(tx: Tx, caller: Caller, scorer: OpportunityScorer, rows: OpportunityRow[], now: Date): Promise<number> {
  const facts = await factsOf(tx, caller, rows, now);
  let count = 0;
  for (const row of rows) {
    const f = facts.get(row.id);
    if (!f) continue;
    const result = scorer.score(f);
    await tx
      .update(opportunities)
      .set({ winProbability: Math.max(0, Math.min(100, Math.round(result.score))), scoreReasons: result.reasons, scoredAt: now })
      .where(eq(opportunities.id, row.id));
    count++;
  }
  return count;
}

/** Stores win probability and reasons on open opportunities when a scorer is available. */
export async function scoreOpportunities(tx: Tx, caller: Caller, rows: OpportunityRow[], now = new Date()): Promise<void> {
  const open = rows.filter((r) => r.status === 'open');
  if (open.length === 0) return;
  await applyScores(tx, caller, await loadOpportunityScorer(tx), open, now);
}

/** After retraining: every open opportunity of the tenant, with the fresh scorer. */
export async function rescoreOpenOpportunities(tx: Tx, scorer: Scorer, now = new Date()): Promise<number> {
  const open = await tx.select().from(opportunities).where(and(isNull(opportunities.deletedAt), eq(opportunities.status, 'open')));
  return applyScores(tx, tenantReader, stageAnchored(scorer, (await getScoringSettings(tx)).base), open, now);
}

let registered = false;
/** Tells scoring where opportunity history comes from (scoring may not read our tables). */
export function registerOpportunityScoring() {
  if (registered) return;
  registered = true;
  registerScoringTarget('opportunity', {
    trainingRows: async (tx) =>
      (await opportunityTrainingRows(tx, (customerId) => customerTraits(tx, tenantReader, customerId))).map((r) => ({ facts: r.facts, won: r.won, at: r.closedAt })),
    rescore: (tx, scorer) => rescoreOpenOpportunities(tx, scorer),
  });
}
