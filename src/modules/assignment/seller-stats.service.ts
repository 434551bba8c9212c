import type { Tx } from '../../db/client.ts';
import { deleteAllStats, incrementStats, listStatRows } from './assignment.repo.ts';
import { BASE_FEATURE, buildModel, DEFAULT_MATCHING, tallyOutcomes } from './rules/matching.ts';
import { outcomeSourceOf, type OutcomeRow } from './sources.ts';

/** The feedback loop: each closed lead adds a trial (and a win) to its seller's record. */
export async function recordOutcomes(tx: Tx, rows: OutcomeRow[]): Promise<void> {
  await incrementStats(tx, tallyOutcomes(rows));
}

/** Replaces the whole record with one rebuilt from these outcomes. */
export async function rebuildSellerStats(tx: Tx, rows: OutcomeRow[]): Promise<{ sellers: number; rows: number }> {
  const tallies = tallyOutcomes(rows);
  await deleteAllStats(tx);
  await incrementStats(tx, tallies);
  return { sellers: new Set(tallies.map((t) => t.userId)).size, rows: tallies.length };
}

/** The nightly rebuild from the registered outcome source; undefined when none is registered. */
export async function rebuildFromSource(tx: Tx) {
  const source = outcomeSourceOf();
  if (!source) return undefined;
  return rebuildSellerStats(tx, await source(tx));
}

/** A seller's matching record: base rate and per-trait rates, smoothed as the matching method sees them. */
export async function sellerRecord(tx: Tx, userId: string) {
  const all = await listStatRows(tx);
  const model = buildModel(all);
  const own = all.filter((r) => r.userId === userId);
  const baseRow = own.find((r) => r.feature === BASE_FEATURE) ?? { trials: 0, wins: 0 };
  const prior = DEFAULT_MATCHING.basePrior;
  const baseRate = (baseRow.wins + prior * model.tenantRate) / (baseRow.trials + prior);
  const round = (x: number) => Number(x.toFixed(4));
  return {
    userId,
    tenantRate: round(model.tenantRate),
    base: { trials: baseRow.trials, wins: baseRow.wins, rate: round(baseRate) },
    features: own
      .filter((r) => r.feature !== BASE_FEATURE)
      .map((r) => ({ feature: r.feature, trials: r.trials, wins: r.wins, rate: round((r.wins + DEFAULT_MATCHING.featurePrior * baseRate) / (r.trials + DEFAULT_MATCHING.featurePrior)) }))
      .sort((a, b) => b.trials - a.trials || a.feature.localeCompare(b.feature)),
  };
}
