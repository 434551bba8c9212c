/**
 * A seeded world for measuring matching assignment: sellers with a hidden skill per customer
 * segment (the ground-truth conversion probability of each seller × lead), a history of past
 * leads handed out in turn with their drawn outcomes, and held-out new leads.
 *
 * Truth: logit p(seller, lead) = intercept + seller talent + Σ over the lead's traits of
 * (how convertible the trait is for everyone + the seller's own affinity with it). Affinities are
 * sparse: each seller is strong or weak with a few industries, regions, sizes, sources and ages,
 * as real specialists are.
 */
import { createRandom, type Random } from '../../src/modules/demo/random.ts';
import type { LeadFacts } from '../../src/lib/sales-facts.ts';
import type { Outcome } from '../../src/modules/assignment/rules/matching.ts';

export const TRAITS = {
  industry: ['制造业', '零售', '软件', '医药', '教育', '物流'],
  region: ['华东', '华北', '华南', '华中', '西南', '西北', '东北'],
  companySize: ['1-49', '50-199', '200-999', '1000+'],
  source: ['referral', 'web_form', 'event', 'import', 'api'],
  ageBand: ['25-34', '35-44', '45-54', '55+', '<25'],
} as const;
type Trait = keyof typeof TRAITS;
const TRAIT_NAMES = Object.keys(TRAITS) as Trait[];

export type Lead = { id: string; facts: LeadFacts };
export type World = {
  sellers: string[];
  /** Ground truth: the probability this seller converts this lead. */
  truth(sellerIndex: number, lead: Lead): number;
  history: Outcome[];
  heldOut: Lead[];
};

export type WorldOptions = { seed: number; sellers: number; history: number; heldOut: number; intercept?: number; affinity?: number };

const gauss = (r: Random) => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function makeLead(r: Random, id: string): Lead {
  const pick = (t: Trait) => r.pick(TRAITS[t]);
  return {
    id,
    facts: {
      source: pick('source'), channel: null, industry: pick('industry'), province: null, region: pick('region'),
      companySize: pick('companySize'), ageBand: pick('ageBand'), hasCompany: true, hasCreditCode: false, hasMobile: true,
      hasEmail: false, completeness: 80, daysSinceCreated: 0, daysSinceActivity: null, activityCount: 0, score: null,
    },
  };
}

export function generateWorld(options: WorldOptions): World {
  const r = createRandom(options.seed);
  const intercept = options.intercept ?? -1.6;
  const affinityScale = options.affinity ?? 0.4;
  const sellers = Array.from({ length: options.sellers }, (_, i) => `seller-${i.toString().padStart(3, '0')}`);
  const common = new Map<string, number>();
  for (const t of TRAIT_NAMES) for (const v of TRAITS[t]) common.set(`${t}=${v}`, gauss(r) * 0.3);
  const talent = sellers.map(() => gauss(r) * 0.2);
  const affinity = sellers.map(() => {
    const m = new Map<string, number>();
    for (const t of TRAIT_NAMES) for (const v of TRAITS[t]) if (r.chance(0.3)) m.set(`${t}=${v}`, gauss(r) * affinityScale);
    return m;
  });
  const truth = (s: number, lead: Lead) => {
    let x = intercept + talent[s]!;
    for (const t of TRAIT_NAMES) {
      const key = `${t}=${lead.facts[t]}`;
      x += (common.get(key) ?? 0) + (affinity[s]!.get(key) ?? 0);
    }
    return sigmoid(x);
  };
  // The past: leads handed out in turn, each outcome drawn from the truth.
  const history: Outcome[] = [];
  for (let i = 0; i < options.history; i++) {
    const lead = makeLead(r, `h${i}`);
    const s = i % sellers.length;
    history.push({ userId: sellers[s]!, facts: lead.facts, won: r.chance(truth(s, lead)) });
  }
  const heldOut = Array.from({ length: options.heldOut }, (_, i) => makeLead(r, `n${i}`));
  return { sellers, truth, history, heldOut };
}
