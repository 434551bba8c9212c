import { describe, expect, it } from 'vitest';
import { opportunityFacts } from './opportunity-facts.ts';

const now = new Date('2026-03-10T08:00:00Z');
const row = {
  amount: '12000.50',
  products: [{ name: 'A', quantity: 1, unitPrice: 12000.5 }],
  createdAt: new Date('2026-03-01T09:00:00Z'),
  stageEnteredAt: new Date('2026-03-07T07:00:00Z'),
  lastActivityAt: null,
  expectedCloseDate: '2026-03-08',
};
const stage = { name: '方案报价', probability: 50, pipelineName: '新签' };

describe('opportunityFacts', () => {
  it('derives flat facts from the row, stage and customer', () => {
    const facts = opportunityFacts(row, stage, { kind: 'company', source: 'referral', industry: '制造业', province: '浙江省' }, now);
    expect(facts).toEqual({
      pipeline: '新签',
      stage: '方案报价',
      stageProbability: 50,
      amount: 12000.5,
      productCount: 1,
      source: 'referral',
      industry: '制造业',
      region: '华东',
      customerKind: 'company',
      daysOpen: 8,
      daysInStage: 3,
      daysSinceActivity: null,
      daysToClose: -2,
    });
  });

  it('copes with an unknown customer and no close date', () => {
    const facts = opportunityFacts({ ...row, expectedCloseDate: null, lastActivityAt: new Date('2026-03-09T08:00:00Z') }, stage, null, now);
    expect(facts.customerKind).toBe('company');
    expect(facts.region).toBeNull();
    expect(facts.daysToClose).toBeNull();
    expect(facts.daysSinceActivity).toBe(1);
  });
});
