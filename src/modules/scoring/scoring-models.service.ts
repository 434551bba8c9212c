import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { topWeights } from './rules/explain.ts';
import type { ScoreReason, ScoringTarget } from './rules/rule-score.ts';
import { makeScorer, type Scorer, type TrainedModel } from './rules/scorer.ts';
import { trainOnHistory, type HistoryRow } from './rules/train.ts';
import { getScoringSettings, MIN_PER_CLASS } from './scoring-settings.service.ts';
import { rulesForScoring } from './scoring-rules.service.ts';
import { scoringModels, type ModelStatus } from './scoring.tables.ts';

/** What the admin sees of a training run. */
export type ModelSummary = {
  id: string;
  target: ScoringTarget;
  status: ModelStatus;
  algorithm: string;
  samples: number;
  positives: number;
  negatives: number;
  auc: number | null;
  ruleAuc: number | null;
  blendAuc: number | null;
  trainRows: number;
  heldOutRows: number;
  minHistory: number;
  minPerClass: number;
  trainedAt: string;
  topWeights: ScoreReason[];
};

/** Stored in `scoring_models.model`: the model itself (when trained) and the run's facts. */
type StoredModel = Partial<TrainedModel> & { blendAuc?: number | null; trainRows?: number; heldOutRows?: number; minHistory?: number; minPerClass?: number };

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

function toSummary(row: typeof scoringModels.$inferSelect): ModelSummary {
  const stored = row.model as StoredModel;
  return {
    id: row.id,
    target: row.target,
    status: row.status,
    algorithm: row.algorithm,
    samples: row.samples,
    positives: row.positives,
    negatives: row.samples - row.positives,
    auc: round4(row.auc),
    ruleAuc: round4(row.ruleAuc),
    blendAuc: round4(stored.blendAuc ?? null),
    trainRows: stored.trainRows ?? 0,
    heldOutRows: stored.heldOutRows ?? 0,
    minHistory: stored.minHistory ?? 0,
    minPerClass: stored.minPerClass ?? MIN_PER_CLASS,
    trainedAt: row.trainedAt.toISOString(),
    topWeights: stored.encoder && stored.weights ? topWeights(stored.encoder.columns, stored.weights, 10) : [],
  };
}

/**
 * Trains the target's model on the given closed records and stores the run. Enough history:
 * the new model becomes active and the previous one is retired. Too little: the run is stored as
 * 'insufficient' with its counts, and the previous model is retired too, so scores use rules only.
 */
export async function trainModel(tx: Tx, target: ScoringTarget, rows: readonly HistoryRow[], options: { now?: Date } = {}): Promise<ModelSummary> {
  const settings = await getScoringSettings(tx);
  const rules = await rulesForScoring(tx, target);
  const outcome = trainOnHistory(target, rows, rules, {
    minHistory: settings.minHistory,
    minPerClass: MIN_PER_CLASS,
    base: settings.base,
    modelWeight: settings.modelWeight,
    heldOutShare: 0.2,
  });
  await tx.update(scoringModels).set({ status: 'retired' }).where(and(eq(scoringModels.target, target), eq(scoringModels.status, 'active')));
  const stored: StoredModel = {
    ...(outcome.model ?? {}),
    blendAuc: outcome.blendAuc,
    trainRows: outcome.trainRows,
    heldOutRows: outcome.heldOutRows,
    minHistory: settings.minHistory,
    minPerClass: MIN_PER_CLASS,
  };
  const [row] = await tx
    .insert(scoringModels)
    .values({
      tenantId: sql`tide_current_tenant()`,
      target,
      algorithm: 'logistic_l2',
      status: outcome.status,
      samples: outcome.samples,
      positives: outcome.positives,
      auc: outcome.auc,
      ruleAuc: outcome.ruleAuc,
      model: stored as Record<string, unknown>,
      trainedAt: options.now ?? new Date(),
    })
    .returning();
  return toSummary(row!);
}

/** The newest training run of a target, or null before the first. */
export async function latestModel(tx: Tx, target: ScoringTarget): Promise<ModelSummary | null> {
  const [row] = await tx.select().from(scoringModels).where(eq(scoringModels.target, target)).orderBy(desc(scoringModels.trainedAt), desc(scoringModels.id)).limit(1);
  return row ? toSummary(row) : null;
}

async function activeModel(tx: Tx, target: ScoringTarget): Promise<TrainedModel | null> {
  const [row] = await tx
    .select({ model: scoringModels.model })
    .from(scoringModels)
    .where(and(eq(scoringModels.target, target), eq(scoringModels.status, 'active')))
    .orderBy(desc(scoringModels.trainedAt))
    .limit(1);
  const stored = row?.model as StoredModel | undefined;
  if (!stored?.encoder || !stored.weights || typeof stored.bias !== 'number') return null;
  return { algorithm: 'logistic', encoder: stored.encoder, bias: stored.bias, weights: stored.weights };
}

/**
 * Loads the target's rules, settings and active model once; the scorer then scores any number of
 * records in memory (the leads module scores batches of 100,000 with one).
 */
export async function loadScorer(tx: Tx, target: ScoringTarget): Promise<Scorer> {
  // One after another: a transaction runs one statement at a time anyway.
  const settings = await getScoringSettings(tx);
  const rules = await rulesForScoring(tx, target);
  const model = await activeModel(tx, target);
  return makeScorer({ rules, base: settings.base, modelWeight: settings.modelWeight, model });
}
