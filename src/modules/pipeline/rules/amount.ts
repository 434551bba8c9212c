import type { ProductItem } from '../pipeline.tables.ts';

/** Cents, so that sums of prices do not pick up binary floating-point noise. */
const toCents = (value: number) => Math.round(value * 100);

/** The amount of an opportunity as numeric(14,2) text: the given amount, else the sum of its products. */
export function opportunityAmount(amount: number | null | undefined, products: readonly ProductItem[]): string {
  if (amount !== null && amount !== undefined) return (toCents(amount) / 100).toFixed(2);
  const cents = products.reduce((sum, p) => sum + Math.round(p.quantity * toCents(p.unitPrice)), 0);
  return (cents / 100).toFixed(2);
}
