import { matches, type Condition, type Facts } from '../../../lib/conditions.ts';

export type EntryPool = { id: string; isDefault: boolean; position: number; entryCondition: Condition | null };

/**
 * The pool a record lands in when it comes under pool management: the first pool (by position)
 * whose entry condition matches its facts, else the default pool.
 */
export function choosePool(pools: readonly EntryPool[], facts: Facts): string {
  const ordered = [...pools].sort((a, b) => a.position - b.position);
  const hit = ordered.find((p) => p.entryCondition && matches(p.entryCondition, facts));
  const fallback = ordered.find((p) => p.isDefault) ?? ordered[0];
  if (!hit && !fallback) throw new Error('no pool to enter');
  return (hit ?? fallback)!.id;
}

/** Great-circle distance in kilometres, for "nearby first" in the public pool. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
