import { describe, expect, it } from 'vitest';
import { opportunityAmount } from './amount.ts';

describe('opportunityAmount', () => {
  it('keeps a given amount, rounded to cents', () => {
    expect(opportunityAmount(1234.5, [{ name: 'x', quantity: 9, unitPrice: 9 }])).toBe('1234.50');
    expect(opportunityAmount(0.125, [])).toBe('0.13');
    expect(opportunityAmount(0, [{ name: 'x', quantity: 1, unitPrice: 5 }])).toBe('0.00');
  });

  it('derives the amount from products when none is given, without float noise', () => {
    expect(opportunityAmount(undefined, [{ name: 'a', quantity: 3, unitPrice: 0.1 }, { name: 'b', quantity: 2, unitPrice: 1999.99 }])).toBe('4000.28');
    expect(opportunityAmount(null, [{ name: 'a', quantity: 1.5, unitPrice: 10 }])).toBe('15.00');
  });

  it('is zero without amount and products', () => {
    expect(opportunityAmount(undefined, [])).toBe('0.00');
  });
});
