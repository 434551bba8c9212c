import { describe, expect, it } from 'vitest';
import { BASE_FEATURE, buildModel, featuresOf, loadFactor, predict, tallyOutcomes } from './matching.ts';

const lead = { industry: '制造业', region: '华东', companySize: null, source: 'referral', ageBand: '35-44' };

describe('seller record', () => {
  it('names the traits of a lead, leaving out missing ones', () => {
    expect(featuresOf(lead)).toEqual(['industry=制造业', 'region=华东', 'source=referral', 'ageBand=35-44']);
  });

  it('tallies outcomes into a base row and one row per trait', () => {
    const rows = tallyOutcomes([
      { userId: 'u', facts: lead, won: true },
      { userId: 'u', facts: { ...lead, industry: '零售' }, won: false },
    ]);
    const row = (feature: string) => rows.find((r) => r.feature === feature);
    expect(row(BASE_FEATURE)).toMatchObject({ trials: 2, wins: 1 });
    expect(row('industry=制造业')).toMatchObject({ trials: 1, wins: 1 });
    expect(row('industry=零售')).toMatchObject({ trials: 1, wins: 0 });
    expect(row('region=华东')).toMatchObject({ trials: 2, wins: 1 });
  });

  it('smooths small records towards the base rate, and trusts large ones', () => {
    const small = buildModel(tallyOutcomes([{ userId: 'u', facts: lead, won: true }]));
    const p = predict(small, 'u', ['industry=制造业']);
    expect(p.p).toBeLessThan(0.8);
    const big = buildModel(tallyOutcomes(Array.from({ length: 400 }, (_, i) => ({ userId: 'u', facts: lead, won: i % 5 !== 0 }))));
    expect(predict(big, 'u', []).base).toBeGreaterThan(0.75);
    expect(predict(big, 'unknown', []).base).toBeCloseTo(big.tenantRate, 5);
  });

  it('load factor falls from 1 at no load to 0 at the cap', () => {
    expect(loadFactor(0, 10, 1)).toBe(1);
    expect(loadFactor(5, 10, 2)).toBeCloseTo(0.25);
    expect(loadFactor(10, 10, 1)).toBe(0);
  });
});
