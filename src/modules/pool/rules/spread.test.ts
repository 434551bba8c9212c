import { describe, expect, it } from 'vitest';
import { familiesOf, planHandover, spreadFamilies, type HandoverItem } from './spread.ts';

const customer = (id: string): HandoverItem => ({ type: 'customer', id, customerId: null, title: id });
const lead = (id: string, customerId: string | null = null): HandoverItem => ({ type: 'lead', id, customerId, title: id });
const opportunity = (id: string, customerId: string): HandoverItem => ({ type: 'opportunity', id, customerId, title: id });

const ownerOf = (plan: { id: string; toUserId: string }[], id: string) => plan.find((p) => p.id === id)?.toUserId;
const countsOf = (plan: { toUserId: string }[]) => {
  const counts: Record<string, number> = {};
  for (const p of plan) counts[p.toUserId] = (counts[p.toUserId] ?? 0) + 1;
  return counts;
};

describe('families', () => {
  it('keeps a customer with its opportunities and linked leads, and groups leftovers sharing a customer', () => {
    const families = familiesOf([
      opportunity('o1', 'c1'), lead('l1', 'c1'), customer('c1'),
      lead('l2', 'cX'), opportunity('o2', 'cX'),
      lead('l3'),
    ]);
    expect(families.map((f) => [f.key, f.items.map((i) => i.id), f.weight])).toEqual([
      ['c1', ['c1', 'l1', 'o1'], 2],
      ['cX', ['l2', 'o2'], 1],
      ['lead:l3', ['l3'], 1],
    ]);
  });

  it('a family of opportunities only weighs its count', () => {
    expect(familiesOf([opportunity('o1', 'c9'), opportunity('o2', 'c9')])[0]!.weight).toBe(2);
  });

  it('the order does not depend on the order items come in', () => {
    const items = [customer('c2'), customer('c1'), lead('l1', 'c2'), lead('l0')];
    expect(familiesOf(items)).toEqual(familiesOf([...items].reverse()));
  });
});

describe('spreading', () => {
  it('round robin deals families out in turn and every family member goes with it', () => {
    const items = [customer('c1'), opportunity('o1', 'c1'), lead('l1', 'c1'), customer('c2'), customer('c3'), customer('c4'), lead('l9')];
    const plan = planHandover(items, ['u1', 'u2'], 'round_robin');
    expect(ownerOf(plan, 'o1')).toBe(ownerOf(plan, 'c1'));
    expect(ownerOf(plan, 'l1')).toBe(ownerOf(plan, 'c1'));
    expect(plan.map((p) => [p.id, p.toUserId]).filter(([id]) => id!.startsWith('c') || id === 'l9')).toEqual([
      ['c1', 'u1'], ['c2', 'u2'], ['c3', 'u1'], ['c4', 'u2'], ['l9', 'u1'],
    ]);
  });

  it('round robin over many families is balanced within one', () => {
    const items = Array.from({ length: 10 }, (_, i) => customer(`c${String(i).padStart(2, '0')}`));
    expect(countsOf(planHandover(items, ['u1', 'u2', 'u3'], 'round_robin'))).toEqual({ u1: 4, u2: 3, u3: 3 });
  });

  it('least loaded fills the lightest first and counts what it has given', () => {
    const items = Array.from({ length: 6 }, (_, i) => customer(`c${i}`));
    const plan = planHandover(items, ['u1', 'u2', 'u3'], 'least_loaded', new Map([['u1', 5], ['u2', 1]]));
    // u3 holds nothing, u2 one, u1 five: u3 and u2 take turns until they pass u1's load.
    expect(countsOf(plan)).toEqual({ u2: 3, u3: 3 });
    const plan2 = planHandover(Array.from({ length: 12 }, (_, i) => customer(`c${String(i).padStart(2, '0')}`)), ['u1', 'u2', 'u3'], 'least_loaded', new Map([['u1', 5], ['u2', 1]]));
    // Totals after: u1 5 + a, u2 1 + b, u3 0 + c, a + b + c = 12: six each when levelled.
    expect(countsOf(plan2)).toEqual({ u1: 1, u2: 5, u3: 6 });
  });

  it('least loaded places heavy families first so the result is level', () => {
    const items = [customer('b'), customer('c'), customer('d'), customer('z'), lead('z1', 'z'), lead('z2', 'z'), lead('z3', 'z')];
    const chosen = spreadFamilies(familiesOf(items), ['u1', 'u2'], 'least_loaded');
    expect([...chosen.entries()].sort()).toEqual([['b', 'u2'], ['c', 'u2'], ['d', 'u2'], ['z', 'u1']]);
  });

  it('one recipient gets everything; none is refused', () => {
    expect(countsOf(planHandover([customer('c1'), lead('l1')], ['u1'], 'least_loaded'))).toEqual({ u1: 2 });
    expect(() => planHandover([customer('c1')], [], 'round_robin')).toThrow();
    expect(planHandover([], [], 'round_robin')).toEqual([]);
  });
});
