/**
 * Held-out leads of a generated world handed out under a policy, scored with the world's ground
 * truth: expected conversions (the sum of true probabilities, so no outcome noise) and the load spread.
 * The policies run through the real rule code (`choose`), as the assigner does.
 */
import { choose, type AssignmentRule, type Method, type Person } from '../../src/modules/assignment/rules/choose.ts';
import { buildModel, tallyOutcomes } from '../../src/modules/assignment/rules/matching.ts';
import type { World } from './generator.ts';

export type PolicyResult = { conversionRate: number; expectedConversions: number; maxLoad: number; minLoad: number };

export function simulate(world: World, method: Method, options: { capFactor?: number; alpha?: number } = {}): PolicyResult {
  const n = world.heldOut.length;
  const cap = options.capFactor ? Math.ceil((n / world.sellers.length) * options.capFactor) : null;
  const rule: AssignmentRule = { id: 'r', name: method, condition: { all: [] }, method, userIds: world.sellers, teamId: null, cap, settings: { alpha: options.alpha ?? 1 } };
  const model = method === 'matching' ? buildModel(tallyOutcomes(world.history)) : undefined;
  const people = new Map<string, Person>(world.sellers.map((id) => [id, { id, status: 'active' }]));
  const index = new Map(world.sellers.map((id, i) => [id, i]));
  const load = new Map<string, number>();
  let last: string | null = null;
  let expected = 0;
  for (const lead of world.heldOut) {
    const choice = choose(rule, lead.facts, { candidates: world.sellers, people, availability: new Map(), load, today: '2026-11-24', lastUserId: last, random: Math.random, model });
    if (!choice.userId) continue;
    load.set(choice.userId, (load.get(choice.userId) ?? 0) + 1);
    last = choice.userId;
    expected += world.truth(index.get(choice.userId)!, lead);
  }
  const loads = world.sellers.map((id) => load.get(id) ?? 0);
  return { conversionRate: expected / n, expectedConversions: expected, maxLoad: Math.max(...loads), minLoad: Math.min(...loads) };
}

/** The best any assignment could do lead by lead with unlimited capacity: an upper bound for reference. */
export function oracle(world: World): number {
  let sum = 0;
  for (const lead of world.heldOut) sum += Math.max(...world.sellers.map((_, s) => world.truth(s, lead)));
  return sum / world.heldOut.length;
}
