import type { RuleKind } from '../pool.tables.ts';

/** What recycle rules read of a private record; the pool keeps these facts on its own rows. */
export type RecycleFacts = {
  level: string | null;
  claimedAt: Date;
  lastFollowUpAt: Date | null;
  lastOpportunityAt: Date | null;
  openProbability: number | null;
  wonAt: Date | null;
  /** ISO date (yyyy-mm-dd) the record's contract runs to. */
  contractUntil: string | null;
};

export type RecycleRule = { id?: string; level: string | null; kind: RuleKind; days: number; enabled: boolean };

export type RecyclePolicy = {
  warnDays: number;
  exemptWon: boolean;
  exemptOpenProbability: number | null;
  exemptLiveContract: boolean;
};

export type Exemption = 'won' | 'open_opportunity' | 'live_contract';

export type Verdict =
  | { state: 'exempt'; exemption: Exemption }
  | { state: 'safe' }
  | { state: 'ok' | 'warn' | 'fall'; deadline: Date; rule: { kind: RuleKind; days: number } };

const DAY = 86_400_000;
const later = (a: Date, b: Date | null) => (b && b > a ? b : a);

/**
 * When a rule would send the record back: N days after the later of the claim and the last event
 * the rule waits for. A won deal since the claim settles "no won deal" for good.
 */
export function deadlineOf(rule: Pick<RecycleRule, 'kind' | 'days'>, facts: RecycleFacts): Date | null {
  const days = rule.days * DAY;
  switch (rule.kind) {
    case 'no_follow_up':
      return new Date(later(facts.claimedAt, facts.lastFollowUpAt).getTime() + days);
    case 'no_opportunity':
      return new Date(later(facts.claimedAt, facts.lastOpportunityAt).getTime() + days);
    case 'no_won':
      return facts.wonAt && facts.wonAt >= facts.claimedAt ? null : new Date(facts.claimedAt.getTime() + days);
  }
}

export function exemptionOf(facts: RecycleFacts, policy: RecyclePolicy, now: Date): Exemption | null {
  if (policy.exemptWon && facts.wonAt) return 'won';
  if (policy.exemptOpenProbability !== null && facts.openProbability !== null && facts.openProbability >= policy.exemptOpenProbability) return 'open_opportunity';
  if (policy.exemptLiveContract && facts.contractUntil && facts.contractUntil >= now.toISOString().slice(0, 10)) return 'live_contract';
  return null;
}

/** Rules that apply to a level: the pool's rules for every level plus those for this one. */
export const rulesFor = (rules: readonly RecycleRule[], level: string | null) => rules.filter((r) => r.enabled && (r.level === null || r.level === level));

/**
 * The verdict on one private record: exempt, safe (no rule applies), or the earliest deadline of
 * the rules that apply and whether it has passed (fall) or is within the warning window (warn).
 * The daily job computes the same thing in one SQL statement; a test keeps the two in step.
 */
export function recycleVerdict(facts: RecycleFacts, rules: readonly RecycleRule[], policy: RecyclePolicy, now: Date): Verdict {
  const exemption = exemptionOf(facts, policy, now);
  if (exemption) return { state: 'exempt', exemption };
  let best: { deadline: Date; rule: RecycleRule } | null = null;
  for (const rule of rulesFor(rules, facts.level)) {
    const deadline = deadlineOf(rule, facts);
    if (deadline && (!best || deadline < best.deadline)) best = { deadline, rule };
  }
  if (!best) return { state: 'safe' };
  const rule = { kind: best.rule.kind, days: best.rule.days };
  if (best.deadline <= now) return { state: 'fall', deadline: best.deadline, rule };
  if (best.deadline.getTime() - policy.warnDays * DAY <= now.getTime()) return { state: 'warn', deadline: best.deadline, rule };
  return { state: 'ok', deadline: best.deadline, rule };
}
