import { describe, expect, it } from 'vitest';
import { choosePool, distanceKm } from './entry.ts';

describe('entering a pool', () => {
  const pools = [
    { id: 'default', isDefault: true, position: 0, entryCondition: null },
    { id: 'south', isDefault: false, position: 2, entryCondition: { all: [{ field: 'province', op: 'in' as const, value: ['广东省', '广西壮族自治区'] }] } },
    { id: 'gz-software', isDefault: false, position: 1, entryCondition: { all: [{ field: 'city', op: 'eq' as const, value: '广州市' }, { field: 'industry', op: 'eq' as const, value: '软件' }] } },
  ];

  it('takes the first pool by position whose condition matches, else the default', () => {
    expect(choosePool(pools, { province: '广东省', city: '广州市', industry: '软件' })).toBe('gz-software');
    expect(choosePool(pools, { province: '广东省', city: '深圳市', industry: '软件' })).toBe('south');
    expect(choosePool(pools, { province: '浙江省' })).toBe('default');
    expect(choosePool(pools, {})).toBe('default');
  });

  it('measures great-circle distances', () => {
    expect(distanceKm({ lat: 30.274, lng: 120.155 }, { lat: 30.274, lng: 120.155 })).toBe(0);
    const d = distanceKm({ lat: 39.904, lng: 116.407 }, { lat: 31.23, lng: 121.474 });
    expect(d).toBeGreaterThan(1050);
    expect(d).toBeLessThan(1080);
  });
});
