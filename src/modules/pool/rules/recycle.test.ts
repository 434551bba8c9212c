import { describe, expect, it } from 'vitest';
import { deadlineOf, exemptionOf, recycleVerdict, rulesFor, type RecycleFacts, type RecycleRule } from './recycle.ts';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const facts = (over: Partial<RecycleFacts> = {}): RecycleFacts => ({
  level: null,
  claimedAt: daysAgo(10),
  lastFollowUpAt: null,
  lastOpportunityAt: null,
  openProbability: null,
  wonAt: null,
  contractUntil: null,
  ...over,
});
const policy = { warnDays: 2, exemptWon: true, exemptOpenProbability: 70, exemptLiveContract: true };
const rule = (kind: RecycleRule['kind'], days: number, level: string | null = null, enabled = true): RecycleRule => ({ kind, days, level, enabled });

describe('recycle deadlines', () => {
  it('counts "no follow-up" from the later of the claim and the last follow-up', () => {
    expect(deadlineOf(rule('no_follow_up', 7), facts())).toEqual(daysAgo(3));
    expect(deadlineOf(rule('no_follow_up', 7), facts({ lastFollowUpAt: daysAgo(1) }))).toEqual(daysAgo(-6));
    // A follow-up before the claim (by the previous owner) does not help the new one.
    expect(deadlineOf(rule('no_follow_up', 7), facts({ lastFollowUpAt: daysAgo(20) }))).toEqual(daysAgo(3));
  });

  it('settles "no won deal" for good once a deal is won after the claim, not before it', () => {
    expect(deadlineOf(rule('no_won', 15), facts({ wonAt: daysAgo(2) }))).toBeNull();
    expect(deadlineOf(rule('no_won', 15), facts({ wonAt: daysAgo(30) }))).toEqual(daysAgo(-5));
  });

  it('applies the pool-wide rules and those of the record’s level only, enabled ones', () => {
    const rules = [rule('no_follow_up', 7), rule('no_follow_up', 3, 'A'), rule('no_won', 5, 'B'), rule('no_opportunity', 1, null, false)];
    expect(rulesFor(rules, 'A').map((r) => r.days)).toEqual([7, 3]);
    expect(rulesFor(rules, null).map((r) => r.days)).toEqual([7]);
  });
});

describe('recycle verdicts', () => {
  const rules = [rule('no_follow_up', 7), rule('no_won', 15)];

  it('falls when the earliest deadline has passed, naming the rule', () => {
    const v = recycleVerdict(facts(), rules, policy, now);
    expect(v).toEqual({ state: 'fall', deadline: daysAgo(3), rule: { kind: 'no_follow_up', days: 7 } });
  });

  it('warns inside the warning window, and is fine before it', () => {
    expect(recycleVerdict(facts({ lastFollowUpAt: daysAgo(6) }), rules, policy, now).state).toBe('warn');
    expect(recycleVerdict(facts({ claimedAt: daysAgo(1), lastFollowUpAt: daysAgo(1) }), rules, policy, now).state).toBe('ok');
    // Exactly at the deadline it falls.
    expect(recycleVerdict(facts({ claimedAt: daysAgo(7) }), [rule('no_follow_up', 7)], policy, now).state).toBe('fall');
  });

  it('exempts won customers, advanced opportunities and live contracts, per the pool’s policy', () => {
    expect(recycleVerdict(facts({ wonAt: daysAgo(40) }), rules, policy, now)).toEqual({ state: 'exempt', exemption: 'won' });
    expect(recycleVerdict(facts({ openProbability: 70 }), rules, policy, now)).toEqual({ state: 'exempt', exemption: 'open_opportunity' });
    expect(recycleVerdict(facts({ openProbability: 69 }), rules, policy, now).state).toBe('fall');
    expect(recycleVerdict(facts({ contractUntil: '2026-11-24' }), rules, policy, now)).toEqual({ state: 'exempt', exemption: 'live_contract' });
    expect(recycleVerdict(facts({ contractUntil: '2026-11-23' }), rules, policy, now).state).toBe('fall');
    expect(exemptionOf(facts({ wonAt: daysAgo(1) }), { ...policy, exemptWon: false }, now)).toBeNull();
  });

  it('is safe when no rule applies', () => {
    expect(recycleVerdict(facts({ level: 'C' }), [rule('no_follow_up', 3, 'A')], policy, now)).toEqual({ state: 'safe' });
  });
});
