import type { LeadFacts } from '../../../lib/sales-facts.ts';

/**
 * Matching: each seller's record with similar leads predicts who converts this lead best.
 * The record is counts of trials and wins per seller and customer trait ("industry=制造业"),
 * plus a base row ("*") per seller. Rates are Beta-smoothed: a trait rate towards the seller's
 * base rate, the seller's base rate towards the tenant's. Traits combine naive-Bayes style, as
 * log-odds lifts over the seller's base rate.
 */
export const MATCH_FEATURES = ['industry', 'region', 'companySize', 'source', 'ageBand'] as const satisfies readonly (keyof LeadFacts)[];
export const BASE_FEATURE = '*';

export type Tally = { trials: number; wins: number };
export type StatRow = Tally & { userId: string; feature: string };
export type Outcome = { userId: string; facts: Pick<LeadFacts, (typeof MATCH_FEATURES)[number]>; won: boolean };

/** The trait keys of a lead, e.g. ['industry=制造业', 'region=华东']; missing facts are left out. */
export function featuresOf(facts: Partial<Pick<LeadFacts, (typeof MATCH_FEATURES)[number]>>): string[] {
  const out: string[] = [];
  for (const name of MATCH_FEATURES) {
    const value = facts[name];
    if (value !== null && value !== undefined && value !== '') out.push(`${name}=${value}`);
  }
  return out;
}

/** Outcomes summed into stat rows (base row and one per trait), for an increment or a rebuild. */
export function tallyOutcomes(outcomes: readonly Outcome[]): StatRow[] {
  const rows = new Map<string, StatRow>();
  const bump = (userId: string, feature: string, won: boolean) => {
    const key = `${userId}\u0000${feature}`;
    const row = rows.get(key) ?? { userId, feature, trials: 0, wins: 0 };
    row.trials += 1;
    if (won) row.wins += 1;
    rows.set(key, row);
  };
  for (const o of outcomes) {
    bump(o.userId, BASE_FEATURE, o.won);
    for (const f of featuresOf(o.facts)) bump(o.userId, f, o.won);
  }
  return [...rows.values()];
}

export type SellerModel = { tenantRate: number; sellers: Map<string, Map<string, Tally>> };

export function buildModel(rows: readonly StatRow[]): SellerModel {
  const sellers = new Map<string, Map<string, Tally>>();
  let trials = 0;
  let wins = 0;
  for (const r of rows) {
    let features = sellers.get(r.userId);
    if (!features) sellers.set(r.userId, (features = new Map()));
    features.set(r.feature, { trials: r.trials, wins: r.wins });
    if (r.feature === BASE_FEATURE) {
      trials += r.trials;
      wins += r.wins;
    }
  }
  return { tenantRate: (wins + 1) / (trials + 2), sellers };
}

export type MatchingOptions = {
  /** Pseudo-trials pulling a seller's base rate towards the tenant's. */
  basePrior: number;
  /** Pseudo-trials pulling a trait rate towards the seller's base rate. */
  featurePrior: number;
};
export const DEFAULT_MATCHING: MatchingOptions = { basePrior: 20, featurePrior: 10 };

export type FeaturePart = { feature: string; trials: number; wins: number; rate: number; lift: number };
export type Prediction = { p: number; base: number; parts: FeaturePart[] };

const clamp = (p: number) => Math.min(0.999, Math.max(0.001, p));
const logit = (p: number) => Math.log(clamp(p) / (1 - clamp(p)));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

const NONE: Tally = { trials: 0, wins: 0 };

/** The expected conversion of a lead with these traits by this seller, with the parts that make it when asked. */
export function predict(model: SellerModel, userId: string, features: readonly string[], options: MatchingOptions = DEFAULT_MATCHING, explain = true): Prediction {
  const stats = model.sellers.get(userId);
  const own = stats?.get(BASE_FEATURE) ?? NONE;
  const base = (own.wins + options.basePrior * model.tenantRate) / (own.trials + options.basePrior);
  const baseLogit = logit(base);
  let x = baseLogit;
  const parts: FeaturePart[] = [];
  for (const feature of features) {
    const t = stats?.get(feature) ?? NONE;
    const rate = (t.wins + options.featurePrior * base) / (t.trials + options.featurePrior);
    const lift = logit(rate) - baseLogit;
    x += lift;
    if (explain) parts.push({ feature, trials: t.trials, wins: t.wins, rate: round(rate), lift: round(lift) });
  }
  return { p: sigmoid(x), base, parts };
}

/**
 * How much of the expected conversion counts given the seller's current load: (1 − load/cap)^α,
 * so the best seller is not flooded. Without a cap, a soft cap stands in for it.
 */
export function loadFactor(load: number, cap: number, alpha: number): number {
  if (cap <= 0) return 0;
  return Math.pow(Math.max(0, 1 - load / cap), alpha);
}
