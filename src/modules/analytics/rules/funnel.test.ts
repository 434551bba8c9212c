import { describe, expect, it } from 'vitest';
import { funnel, median, type FunnelLead, type FunnelOpportunity } from './funnel.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
let seq = 0;
const lead = (over: Partial<FunnelLead> = {}): FunnelLead => ({
  id: `L${++seq}`,
  channel: '抖音',
  source: 'web_form',
  ownerUserId: 'u1',
  createdAt: day(0),
  qualifiedAt: null,
  status: 'new',
  ...over,
});
const opp = (leadId: string, over: Partial<FunnelOpportunity> = {}): FunnelOpportunity => ({
  id: `O${++seq}`,
  leadId,
  ownerUserId: 'u1',
  createdAt: day(5),
  status: 'open',
  closedAt: null,
  amount: '100.00',
  ...over,
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe('funnel', () => {
  it('counts each step, the rates between steps and the won amount', () => {
    const a = lead({ qualifiedAt: day(2), status: 'qualified' });
    const b = lead({ qualifiedAt: day(4), status: 'qualified' });
    const c = lead({ qualifiedAt: day(1), status: 'qualified' });
    const d = lead();
    const opportunities = [
      opp(a.id, { createdAt: day(3), status: 'won', closedAt: day(13), amount: '1000.10' }),
      opp(a.id, { createdAt: day(4), status: 'lost', closedAt: day(6), amount: '50.00' }),
      opp(b.id, { createdAt: day(10), status: 'lost', closedAt: day(12) }),
      opp('someone-else', { status: 'won', closedAt: day(9) }),
    ];
    const { total } = funnel([a, b, c, d], opportunities);
    expect(total).toMatchObject({ key: null, leads: 4, qualified: 3, opportunities: 2, won: 1, wonAmount: '1000.10' });
    expect(total.rates).toEqual({ qualified: 0.75, opportunities: 0.6667, won: 0.5, overall: 0.25 });
    // to qualified: 2, 4, 1 days → 2; to first opportunity: a 1 day, b 6 days → 3.5; to won: a 10 days.
    expect(total.medianDays).toEqual({ toQualified: 2, toOpportunity: 3.5, toWon: 10 });
  });

  it('never widens: a lead with an opportunity counts as qualified even without a qualified date', () => {
    const a = lead();
    const { total } = funnel([a], [opp(a.id, { createdAt: day(2) })]);
    expect(total).toMatchObject({ leads: 1, qualified: 1, opportunities: 1, won: 0 });
    expect(total.medianDays).toEqual({ toQualified: null, toOpportunity: 2, toWon: null });
    expect(total.rates.won).toBe(0);
  });

  it('answers nulls, not NaN, for empty steps and no leads', () => {
    const empty = funnel([], [opp('x')]);
    expect(empty.total).toMatchObject({ leads: 0, qualified: 0, opportunities: 0, won: 0, wonAmount: '0.00' });
    expect(empty.total.rates).toEqual({ qualified: null, opportunities: null, won: null, overall: null });
    expect(empty.byChannel).toEqual([]);
    expect(empty.byOwner).toEqual([]);
    const unqualified = funnel([lead()], []);
    expect(unqualified.total.rates).toEqual({ qualified: 0, opportunities: null, won: null, overall: 0 });
  });

  it('breaks down per channel, largest first, leads without a channel last', () => {
    const x1 = lead({ channel: '百度', qualifiedAt: day(1) });
    const x2 = lead({ channel: '百度' });
    const y = lead({ channel: '抖音', qualifiedAt: day(3) });
    const none = lead({ channel: null });
    const { byChannel } = funnel([none, y, x1, x2], [opp(y.id, { createdAt: day(4), status: 'won', closedAt: day(8), amount: '20' })]);
    expect(byChannel.map((r) => [r.key, r.leads, r.qualified, r.opportunities, r.won])).toEqual([
      ['百度', 2, 1, 0, 0],
      ['抖音', 1, 1, 1, 1],
      [null, 1, 0, 0, 0],
    ]);
    expect(byChannel[1]!.medianDays).toEqual({ toQualified: 3, toOpportunity: 1, toWon: 4 });
    expect(byChannel[1]!.wonAmount).toBe('20.00');
  });

  it('breaks down per owner', () => {
    const a = lead({ ownerUserId: 'u1', qualifiedAt: day(1) });
    const b = lead({ ownerUserId: 'u2', qualifiedAt: day(2) });
    const c = lead({ ownerUserId: 'u2', qualifiedAt: day(6) });
    const { byOwner } = funnel([a, b, c], [opp(b.id, { createdAt: day(3) }), opp(c.id, { createdAt: day(7) })]);
    expect(byOwner.map((r) => [r.key, r.leads, r.opportunities])).toEqual([
      ['u2', 2, 2],
      ['u1', 1, 0],
    ]);
    expect(byOwner[0]!.medianDays.toQualified).toBe(4);
    expect(byOwner[0]!.rates.opportunities).toBe(1);
  });
});
