import { matches, type Condition } from '../../../lib/conditions.ts';
import type { LeadFacts } from '../../../lib/sales-facts.ts';
import { DEFAULT_MATCHING, featuresOf, loadFactor, predict, type FeaturePart, type SellerModel } from './matching.ts';

/**
 * Choosing a person (or a team queue) for one lead under one rule: pure, no database, no clock.
 * The caller passes what it loaded once (people, availability, load, cursor, seller model).
 */
export type Method = 'random' | 'round_robin' | 'load_balanced' | 'queue' | 'matching' | 'fixed';
export const METHODS = ['random', 'round_robin', 'load_balanced', 'queue', 'matching', 'fixed'] as const satisfies readonly Method[];

export type RuleSettings = { alpha?: number; softCap?: number; basePrior?: number; featurePrior?: number };
export type AssignmentRule = {
  id: string;
  name: string;
  condition: Condition;
  method: Method;
  userIds: string[];
  teamId: string | null;
  cap: number | null;
  settings: RuleSettings;
};

export type Person = { id: string; status: 'active' | 'inactive' };
/** Dates as 'YYYY-MM-DD' in the tenant's calendar. */
export type Availability = { absentFrom: string | null; absentUntil: string | null; leadCap: number | null };
export type SkipWhy = 'inactive' | 'absent' | 'full' | 'unknown';
export type Skipped = { userId: string; why: SkipWhy; load?: number; cap?: number };

export type MatchingScore = { userId: string; p: number; base: number; load: number; cap: number; loadFactor: number; score: number; parts?: FeaturePart[] };

export type Reason = {
  method: Method;
  rule: string;
  outcome: 'assigned' | 'queued' | 'nobody_available';
  considered: number;
  skipped: Skipped[];
  load?: number;
  cap?: number | null;
  tied?: number;
  matching?: { chosen: MatchingScore; runnersUp: MatchingScore[]; softCap?: number };
  /** Earlier matching rules that had nobody available, when this one took the lead instead. */
  fellThrough?: { ruleId: string; rule: string; method: Method; skipped: Skipped[] }[];
};

export type Choice = { userId: string | null; teamId: string | null; reason: Reason; lastUserId?: string };

export type ChooseContext = {
  /** Candidate ids in turn order (the rule's list, or the team's active members). */
  candidates: readonly string[];
  people: ReadonlyMap<string, Person>;
  availability: ReadonlyMap<string, Availability>;
  load: ReadonlyMap<string, number>;
  today: string;
  lastUserId: string | null;
  random: () => number;
  model?: SellerModel;
  /** Position of each candidate in `candidates`, when the caller keeps it across leads. */
  turnIndex?: ReadonlyMap<string, number>;
};

export function isAbsent(a: Availability | undefined, today: string): boolean {
  if (!a || (!a.absentFrom && !a.absentUntil)) return false;
  return (a.absentFrom ?? '0000-00-00') <= today && today <= (a.absentUntil ?? '9999-12-31');
}

/** The cap that applies: the lower of the rule's cap and the person's own, or null for none. */
export function capOf(ruleCap: number | null, a: Availability | undefined): number | null {
  const own = a?.leadCap ?? null;
  if (ruleCap === null) return own;
  return own === null ? ruleCap : Math.min(ruleCap, own);
}

/** Candidates able to take a lead now, in turn order, and those passed over with why. */
export function available(rule: AssignmentRule, ctx: ChooseContext) {
  const ok: { userId: string; load: number; cap: number | null }[] = [];
  const skipped: Skipped[] = [];
  for (const userId of ctx.candidates) {
    const person = ctx.people.get(userId);
    if (!person) {
      skipped.push({ userId, why: 'unknown' });
      continue;
    }
    if (person.status !== 'active') {
      skipped.push({ userId, why: 'inactive' });
      continue;
    }
    const a = ctx.availability.get(userId);
    if (isAbsent(a, ctx.today)) {
      skipped.push({ userId, why: 'absent' });
      continue;
    }
    const load = ctx.load.get(userId) ?? 0;
    const cap = capOf(rule.cap, a);
    if (cap !== null && load >= cap) {
      skipped.push({ userId, why: 'full', load, cap });
      continue;
    }
    ok.push({ userId, load, cap });
  }
  return { ok, skipped };
}

/** Where the turn starts: the position just after the last one served. */
function turnStart(ctx: ChooseContext): { index: ReadonlyMap<string, number>; start: number } {
  const index = ctx.turnIndex ?? new Map(ctx.candidates.map((id, i) => [id, i]));
  const at = ctx.lastUserId === null ? -1 : (index.get(ctx.lastUserId) ?? -1);
  return { index, start: at + 1 };
}

/** 0 for the one whose turn it is, counting on round the circle. */
const rankOf = (t: { index: ReadonlyMap<string, number>; start: number }, n: number, userId: string) => ((t.index.get(userId) ?? 0) - t.start + n) % n;

/** The candidates rotated to start just after the last one served: the fair turn order. */
function rotate<T extends { userId: string }>(ctx: ChooseContext, items: readonly T[]): T[] {
  const t = turnStart(ctx);
  const n = ctx.candidates.length;
  return [...items].sort((a, b) => rankOf(t, n, a.userId) - rankOf(t, n, b.userId));
}

/** The first in turn among these. */
function nextInTurn<T extends { userId: string }>(ctx: ChooseContext, items: readonly T[]): T {
  const t = turnStart(ctx);
  const n = ctx.candidates.length;
  let best = items[0]!;
  let bestRank = rankOf(t, n, best.userId);
  for (let i = 1; i < items.length; i++) {
    const r = rankOf(t, n, items[i]!.userId);
    if (r < bestRank) {
      best = items[i]!;
      bestRank = r;
    }
  }
  return best;
}

export function matchesRule(rule: AssignmentRule, facts: LeadFacts): boolean {
  return matches(rule.condition, facts);
}

export function choose(rule: AssignmentRule, facts: LeadFacts, ctx: ChooseContext): Choice {
  const base = { method: rule.method, rule: rule.name, considered: ctx.candidates.length };
  if (rule.method === 'queue') {
    return { userId: null, teamId: rule.teamId, reason: { ...base, outcome: 'queued', considered: 0, skipped: [] } };
  }
  const { ok, skipped } = available(rule, ctx);
  const nobody: Choice = { userId: null, teamId: null, reason: { ...base, outcome: 'nobody_available', skipped } };
  const done = (pick: { userId: string; load: number; cap: number | null }, extra: Partial<Reason> = {}): Choice => ({
    userId: pick.userId,
    teamId: null,
    lastUserId: pick.userId,
    reason: { ...base, outcome: 'assigned', skipped, load: pick.load, cap: pick.cap, ...extra },
  });
  if (rule.method === 'fixed') {
    // One person: nobody else stands in when they cannot take it.
    const first = ok[0];
    return first && first.userId === ctx.candidates[0] ? done(first) : nobody;
  }
  if (ok.length === 0) return nobody;
  switch (rule.method) {
    case 'random':
      return done(ok[Math.min(ok.length - 1, Math.floor(ctx.random() * ok.length))]!);
    case 'round_robin': {
      // Those passed over in this turn are reported; the next in turn after the last served gets it.
      return done(nextInTurn(ctx, ok));
    }
    case 'load_balanced': {
      let least = Infinity;
      for (const c of ok) if (c.load < least) least = c.load;
      const tied = ok.filter((c) => c.load === least);
      return done(nextInTurn(ctx, tied), { tied: tied.length });
    }
    case 'matching':
      return chooseByMatching(rule, facts, ctx, ok, done);
  }
}

function chooseByMatching(
  rule: AssignmentRule,
  facts: LeadFacts,
  ctx: ChooseContext,
  ok: { userId: string; load: number; cap: number | null }[],
  done: (pick: { userId: string; load: number; cap: number | null }, extra?: Partial<Reason>) => Choice,
): Choice {
  const model = ctx.model ?? { tenantRate: 0.5, sellers: new Map() };
  const features = featuresOf(facts);
  const alpha = rule.settings.alpha ?? 1;
  const options = { basePrior: rule.settings.basePrior ?? DEFAULT_MATCHING.basePrior, featurePrior: rule.settings.featurePrior ?? DEFAULT_MATCHING.featurePrior };
  // Without a cap, a soft one: twice the mean load plus some room, or the rule's setting.
  const meanLoad = ok.reduce((s, c) => s + c.load, 0) / ok.length;
  const softCap = rule.settings.softCap ?? Math.ceil(2 * meanLoad + 10);
  const turn = rotate(ctx, ok);
  let best: { pick: (typeof ok)[number]; score: MatchingScore } | undefined;
  const scores: MatchingScore[] = [];
  for (const c of turn) {
    const prediction = predict(model, c.userId, features, options, false);
    const cap = c.cap ?? Math.max(softCap, c.load + 1);
    const factor = loadFactor(c.load, cap, alpha);
    const score: MatchingScore = { userId: c.userId, p: prediction.p, base: prediction.base, load: c.load, cap, loadFactor: factor, score: prediction.p * factor };
    scores.push(score);
    // Strictly better only: among equals the one next in turn wins, which keeps ties fair.
    if (!best || score.score > best.score.score) best = { pick: c, score };
  }
  const rounded = (s: MatchingScore): MatchingScore => ({ ...s, p: round(s.p), base: round(s.base), loadFactor: round(s.loadFactor), score: round(s.score) });
  const runnersUp = scores
    .filter((s) => s !== best!.score)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(rounded);
  // Only the chosen one's parts are spelled out in the reason.
  const chosen = { ...rounded(best!.score), parts: predict(model, best!.pick.userId, features, options).parts };
  return done(best!.pick, { matching: { chosen, runnersUp, ...(best!.pick.cap === null ? { softCap } : {}) } });
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
