import { describe, expect, it } from 'vitest';
import { DIVISIONS, formatAddress, listPlaces } from './divisions.ts';

describe('DIVISIONS', () => {
  it('nests codes: city under its province, district under its city', () => {
    for (const province of DIVISIONS) {
      expect(province.code).toMatch(/^[1-8]\d0000$/);
      expect(province.name.startsWith(province.shortName)).toBe(true);
      for (const city of province.cities) {
        expect(city.code).toMatch(/^\d{4}00$/);
        expect(city.code.slice(0, 2)).toBe(province.code.slice(0, 2));
        for (const district of city.districts) {
          expect(district.code).toMatch(/^\d{6}$/);
          expect(district.code.slice(0, 4)).toBe(city.code.slice(0, 4));
          expect(district.code.slice(4)).not.toBe('00');
          expect(district.streets.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('has unique codes', () => {
    const codes = DIVISIONS.flatMap((p) => [p.code, ...p.cities.flatMap((c) => [c.code, ...c.districts.map((d) => d.code)])]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('spot-checks a few codes against GB/T 2260', () => {
    const byCode = new Map(listPlaces().map((p) => [p.district.code, p.district.name]));
    expect(byCode.get('330106')).toBe('西湖区');
    expect(byCode.get('310115')).toBe('浦东新区');
    expect(byCode.get('440305')).toBe('南山区');
    expect(byCode.get('110108')).toBe('海淀区');
  });
});

describe('formatAddress', () => {
  const places = listPlaces();
  it('writes province, city, district, street and detail', () => {
    const xihu = places.find((p) => p.district.code === '330106');
    if (!xihu) throw new Error('missing 330106');
    expect(formatAddress(xihu, '文三路', ' 123 号')).toBe('浙江省杭州市西湖区文三路 123 号');
  });

  it('does not repeat the municipality name', () => {
    const pudong = places.find((p) => p.district.code === '310115');
    if (!pudong) throw new Error('missing 310115');
    expect(formatAddress(pudong, '张江路', ' 88 号')).toBe('上海市浦东新区张江路 88 号');
  });
});
