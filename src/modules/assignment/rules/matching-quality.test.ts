import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../../bench/assignment/generator.ts';
import { simulate } from '../../../../bench/assignment/simulate.ts';

describe('matching vs round robin on a generated history (bench/assignment)', () => {
  it('converts more held-out leads than round robin while keeping the load within the cap', () => {
    for (const seed of [1, 2, 3]) {
      const world = generateWorld({ seed, sellers: 12, history: 6000, heldOut: 1200 });
      const rr = simulate(world, 'round_robin');
      const matching = simulate(world, 'matching', { capFactor: 1.5 });
      expect(matching.conversionRate).toBeGreaterThan(rr.conversionRate * 1.05);
      expect(matching.maxLoad).toBeLessThanOrEqual(Math.ceil((1200 / 12) * 1.5));
      expect(rr.maxLoad - rr.minLoad).toBe(0);
    }
  });
});
