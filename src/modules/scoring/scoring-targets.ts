import type { Tx } from '../../db/client.ts';
import type { ScoringTarget } from './rules/rule-score.ts';
import type { Scorer } from './rules/scorer.ts';
import type { HistoryRow } from './rules/train.ts';
import { loadScorer, trainModel, type ModelSummary } from './scoring-models.service.ts';

/**
 * Where a target's history comes from and how its records get rescored. Scoring does not read
 * leads or opportunities itself (those modules depend on scoring, not the other way round):
 * they register here from their own code.
 */
export type ScoringTargetSource = {
  /** Closed records (won or lost) with their facts as they were when they closed. */
  trainingRows(tx: Tx): Promise<HistoryRow[]>;
  /** Rescores the open records with a fresh scorer; returns how many were rescored. */
  rescore?(tx: Tx, scorer: Scorer): Promise<number>;
};

const sources = new Map<ScoringTarget, ScoringTargetSource>();

/** Registers (or replaces) a target's source; returns a function that puts the previous one back. */
export function registerScoringTarget(target: ScoringTarget, source: ScoringTargetSource): () => void {
  const previous = sources.get(target);
  sources.set(target, source);
  return () => {
    if (sources.get(target) !== source) return;
    if (previous) sources.set(target, previous);
    else sources.delete(target);
  };
}

export const registeredTargets = (): ScoringTarget[] => (['lead', 'opportunity'] as const).filter((t) => sources.has(t));

export type RetrainResult = { target: ScoringTarget; model: ModelSummary; rescored: number | null };

/** Retrains every registered target in the transaction's tenant, then rescores its open records. */
export async function retrainTenant(tx: Tx, options: { targets?: readonly ScoringTarget[]; now?: Date } = {}): Promise<RetrainResult[]> {
  const results: RetrainResult[] = [];
  for (const target of options.targets ?? registeredTargets()) {
    const source = sources.get(target);
    if (!source) continue;
    const rows = await source.trainingRows(tx);
    const model = await trainModel(tx, target, rows, { now: options.now });
    const rescored = source.rescore ? await source.rescore(tx, await loadScorer(tx, target)) : null;
    results.push({ target, model, rescored });
  }
  return results;
}
