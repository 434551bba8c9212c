import { describe, expect, it } from 'vitest';
import type { LeadFacts } from '../../../lib/sales-facts.ts';
import { choose, isAbsent, type AssignmentRule, type Availability, type ChooseContext, type Person } from './choose.ts';
import { buildModel, tallyOutcomes } from './matching.ts';

const facts = (overrides: Partial<LeadFacts> = {}): LeadFacts => ({
  source: 'referral', channel: null, industry: '制造业', province: '浙江省', region: '华东', companySize: '50-199', ageBand: '35-44',
  hasCompany: true, hasCreditCode: false, hasMobile: true, hasEmail: false, completeness: 80, daysSinceCreated: 0,
  daysSinceActivity: null, activityCount: 0, score: 70, ...overrides,
});
const rule = (overrides: Partial<AssignmentRule> = {}): AssignmentRule => ({
  id: 'r1', name: '华东', condition: { all: [] }, method: 'round_robin', userIds: ['a', 'b', 'c'], teamId: null, cap: null, settings: {}, ...overrides,
});
const people = (inactive: string[] = []) => new Map<string, Person>(['a', 'b', 'c', 'd'].map((id) => [id, { id, status: inactive.includes(id) ? 'inactive' : 'active' }]));
const ctx = (overrides: Partial<ChooseContext> = {}): ChooseContext => ({
  candidates: ['a', 'b', 'c'], people: people(), availability: new Map(), load: new Map(), today: '2026-11-24', lastUserId: null, random: () => 0.5, ...overrides,
});

/** Runs n leads through a rule, carrying the cursor and load as the assigner does. */
function run(r: AssignmentRule, n: number, c: ChooseContext): string[] {
  const load = new Map(c.load);
  let last = c.lastUserId;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const choice = choose(r, facts(), { ...c, load, lastUserId: last });
    out.push(choice.userId ?? '-');
    if (choice.userId) load.set(choice.userId, (load.get(choice.userId) ?? 0) + 1);
    if (choice.lastUserId) last = choice.lastUserId;
  }
  return out;
}

describe('round robin', () => {
  it('takes turns in order and continues after the last one served', () => {
    expect(run(rule(), 5, ctx())).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect(run(rule(), 2, ctx({ lastUserId: 'b' }))).toEqual(['c', 'a']);
  });

  it('skips inactive, absent and full people, saying why', () => {
    const availability = new Map<string, Availability>([['b', { absentFrom: '2026-11-20', absentUntil: '2026-11-30', leadCap: null }]]);
    const choice = choose(rule({ cap: 3 }), facts(), ctx({ people: people(['a']), availability, load: new Map([['c', 3]]) }));
    expect(choice.userId).toBeNull();
    expect(choice.reason.outcome).toBe('nobody_available');
    expect(choice.reason.skipped).toEqual([
      { userId: 'a', why: 'inactive' },
      { userId: 'b', why: 'absent' },
      { userId: 'c', why: 'full', load: 3, cap: 3 },
    ]);
    expect(run(rule(), 3, ctx({ people: people(['b']) }))).toEqual(['a', 'c', 'a']);
  });

  it("uses the lower of the rule's cap and the person's own", () => {
    const availability = new Map<string, Availability>([['a', { absentFrom: null, absentUntil: null, leadCap: 1 }]]);
    expect(run(rule({ cap: 2 }), 6, ctx({ availability }))).toEqual(['a', 'b', 'c', 'b', 'c', '-']);
  });
});

describe('absence', () => {
  it('covers the days from..until inclusive, open-ended on either side', () => {
    const a = (absentFrom: string | null, absentUntil: string | null) => ({ absentFrom, absentUntil, leadCap: null });
    expect(isAbsent(a('2026-11-24', '2026-11-24'), '2026-11-24')).toBe(true);
    expect(isAbsent(a('2026-11-25', null), '2026-11-24')).toBe(false);
    expect(isAbsent(a(null, '2026-11-23'), '2026-11-24')).toBe(false);
    expect(isAbsent(a(null, null), '2026-11-24')).toBe(false);
  });
});

describe('load balanced', () => {
  it('gives the lead to the least loaded, ties in turn', () => {
    expect(run(rule({ method: 'load_balanced' }), 4, ctx({ load: new Map([['a', 2], ['b', 0], ['c', 1]]) }))).toEqual(['b', 'c', 'b', 'c']);
    const choice = choose(rule({ method: 'load_balanced' }), facts(), ctx());
    expect(choice.reason.tied).toBe(3);
  });
});

describe('random, fixed and queue', () => {
  it('random draws from the injected source among those available', () => {
    expect(choose(rule({ method: 'random' }), facts(), ctx({ random: () => 0.99 })).userId).toBe('c');
    expect(choose(rule({ method: 'random' }), facts(), ctx({ random: () => 0.99, people: people(['c']) })).userId).toBe('b');
  });

  it('fixed gives it to the first person only, or to nobody when they cannot take it', () => {
    expect(choose(rule({ method: 'fixed', userIds: ['b'] }), facts(), ctx({ candidates: ['b'] })).userId).toBe('b');
    const off = choose(rule({ method: 'fixed', userIds: ['b'] }), facts(), ctx({ candidates: ['b'], people: people(['b']) }));
    expect(off.userId).toBeNull();
    expect(off.reason.skipped).toEqual([{ userId: 'b', why: 'inactive' }]);
  });

  it('queue puts it in the team queue', () => {
    const choice = choose(rule({ method: 'queue', teamId: 'team-1', userIds: [] }), facts(), ctx({ candidates: [] }));
    expect(choice).toMatchObject({ userId: null, teamId: 'team-1', reason: { outcome: 'queued' } });
  });
});

describe('matching', () => {
  // b converts manufacturing leads far better than a and c; everyone has the same overall record size.
  const history = [
    ...Array.from({ length: 40 }, (_, i) => ({ userId: 'a', facts: facts({ industry: i % 2 ? '制造业' : '零售' }), won: i % 4 === 1 })),
    ...Array.from({ length: 40 }, (_, i) => ({ userId: 'b', facts: facts({ industry: i % 2 ? '制造业' : '零售' }), won: i % 2 === 1 })),
    ...Array.from({ length: 40 }, (_, i) => ({ userId: 'c', facts: facts({ industry: i % 2 ? '制造业' : '零售' }), won: i % 8 === 1 })),
  ];
  const model = buildModel(tallyOutcomes(history));

  it('picks the seller with the best record with similar leads, and explains it', () => {
    const choice = choose(rule({ method: 'matching' }), facts(), ctx({ model }));
    expect(choice.userId).toBe('b');
    const m = choice.reason.matching!;
    expect(m.chosen.p).toBeGreaterThan(m.runnersUp[0]!.p);
    expect(m.chosen.parts!.map((p) => p.feature)).toContain('industry=制造业');
    expect(m.chosen.parts!.find((p) => p.feature === 'industry=制造业')!.lift).toBeGreaterThan(0);
  });

  it('balances against load so the best seller is not flooded', () => {
    const picks = run(rule({ method: 'matching', cap: 10 }), 24, ctx({ model }));
    const count = (id: string) => picks.filter((p) => p === id).length;
    expect(count('b')).toBeGreaterThan(count('a'));
    expect(count('b')).toBeLessThanOrEqual(10);
    expect(count('a') + count('c')).toBeGreaterThan(0);
  });

  it('with no record falls back to the least loaded in turn', () => {
    expect(run(rule({ method: 'matching' }), 3, ctx())).toEqual(['a', 'b', 'c']);
  });
});
