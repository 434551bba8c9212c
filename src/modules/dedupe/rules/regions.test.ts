import { describe, expect, it } from 'vitest';
import { lookupRegion, regionPrefix, regionsCompatible } from './regions.ts';

describe('regionPrefix', () => {
  it('finds provinces and cities with and without their suffix', () => {
    expect(regionPrefix('上海市云帆')).toMatchObject({ length: 3, region: { level: 'province', short: '上海' } });
    expect(regionPrefix('杭州云帆')).toMatchObject({ length: 2, region: { level: 'city', short: '杭州', province: '浙江' } });
    expect(regionPrefix('浙江省杭州市')).toMatchObject({ length: 3, region: { level: 'province' } });
    expect(regionPrefix('广西壮族自治区南宁')).toMatchObject({ length: 7, region: { short: '广西' } });
  });

  it('finds the full name of a county on its own, the short name only inside its city', () => {
    expect(regionPrefix('义乌市小商品')).toMatchObject({ length: 3, region: { level: 'district', city: '金华' } });
    expect(regionPrefix('余杭云帆')).toBeNull();
    const hangzhou = regionPrefix('杭州')?.region;
    expect(hangzhou).toBeDefined();
    expect(regionPrefix('余杭云帆', hangzhou)).toMatchObject({ length: 2, region: { name: '余杭区' } });
    expect(regionPrefix('永安贸易', hangzhou)).toBeNull();
  });

  it('does not read an ordinary brand as a region', () => {
    expect(regionPrefix('云帆网络')).toBeNull();
    expect(regionPrefix('嘉禾食品')).toBeNull();
  });

  it('finds autonomous prefectures by their short name', () => {
    expect(regionPrefix('延边金达莱')).toMatchObject({ region: { name: '延边朝鲜族自治州' } });
  });
});

describe('lookupRegion / regionsCompatible', () => {
  it('knows pinyin names of provinces and cities', () => {
    expect(lookupRegion('Shanghai').map((r) => r.level)).toContain('province');
    expect(lookupRegion('hangzhou')[0]?.short).toBe('杭州');
    expect(lookupRegion('云帆')).toEqual([]);
  });

  it('treats a city and its province as compatible, two cities as not', () => {
    expect(regionsCompatible('浙江', '杭州')).toBe(true);
    expect(regionsCompatible('杭州市', '杭州')).toBe(true);
    expect(regionsCompatible('杭州', '上海')).toBe(false);
    expect(regionsCompatible('杭州', '宁波')).toBe(false);
    expect(regionsCompatible('杭州', 'Hangzhou')).toBe(true);
    expect(regionsCompatible('杭州', '云帆')).toBe(true);
  });
});

describe('regionsCompatible with county names', () => {
  it('places a short county name inside its city', () => {
    expect(regionsCompatible('余杭', '杭州')).toBe(true);
    expect(regionsCompatible('余杭', '上海')).toBe(false);
  });
});
