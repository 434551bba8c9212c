import type { Tx } from '../../db/client.ts';
import type { LeadFacts } from '../../lib/sales-facts.ts';

/**
 * Hooks the leads module fills in (assignment must not import it): where outcomes for the seller
 * record come from, and the current open-lead load per person.
 */
export type OutcomeRow = { userId: string; facts: LeadFacts; won: boolean };
type OutcomeSource = (tx: Tx) => Promise<OutcomeRow[]>;
type LoadSource = (tx: Tx) => Promise<Map<string, number>>;

let outcomeSource: OutcomeSource | undefined;
let loadSource: LoadSource | undefined;

export function registerOutcomeSource(fn: OutcomeSource): void {
  outcomeSource = fn;
}

export function registerLoadSource(fn: LoadSource): void {
  loadSource = fn;
}

export const outcomeSourceOf = () => outcomeSource;

/** Open leads per person, or an empty map until the leads module registers its source. */
export async function currentLoad(tx: Tx): Promise<Map<string, number>> {
  return loadSource ? loadSource(tx) : new Map();
}
