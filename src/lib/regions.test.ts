import { describe, expect, it } from 'vitest';
import { regionOf } from './regions.ts';
import { ageBandOf } from './sales-facts.ts';

describe('regionOf', () => {
  it('maps full and short province names', () => {
    expect(regionOf('浙江省')).toBe('华东');
    expect(regionOf('浙江')).toBe('华东');
    expect(regionOf('广西壮族自治区')).toBe('华南');
    expect(regionOf('广西')).toBe('华南');
    expect(regionOf('内蒙古')).toBe('华北');
    expect(regionOf('北京')).toBe('华北');
    expect(regionOf('火星')).toBeNull();
    expect(regionOf(null)).toBeNull();
  });
});

describe('ageBandOf', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('bands ages and ignores impossible years', () => {
    expect(ageBandOf(2005, now)).toBe('<25');
    expect(ageBandOf(1990, now)).toBe('35-44');
    expect(ageBandOf(1960, now)).toBe('55+');
    expect(ageBandOf(2030, now)).toBeNull();
    expect(ageBandOf(null, now)).toBeNull();
  });
});
