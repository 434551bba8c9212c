import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './random.ts';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const c = createRandom(124);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int within inclusive bounds and reaches both ends', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = random.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('picks by weight', () => {
    const random = createRandom(2);
    let heavy = 0;
    for (let i = 0; i < 4000; i++) if (random.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.85);
    expect(heavy / 4000).toBeLessThan(0.95);
  });

  it('refuses empty choices', () => {
    const random = createRandom(3);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([])).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('gives different, stable seeds per stream', () => {
    expect(deriveSeed(1, 'users')).toBe(deriveSeed(1, 'users'));
    expect(deriveSeed(1, 'users')).not.toBe(deriveSeed(1, 'customers'));
    expect(deriveSeed(1, 'users')).not.toBe(deriveSeed(2, 'users'));
  });
});
