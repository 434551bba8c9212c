import { describe, expect, it } from 'vitest';
import { cityShortNames, districtShortNames, divisionIndex, provinceShortNames } from './division-index.ts';

describe('short names', () => {
  it('strips the level suffix and the ethnic names of autonomous divisions', () => {
    expect(provinceShortNames('浙江省')).toEqual(['浙江']);
    expect(provinceShortNames('北京市')).toEqual(['北京']);
    expect(provinceShortNames('广西壮族自治区')).toEqual(['广西']);
    expect(provinceShortNames('内蒙古自治区')).toEqual(['内蒙古', '内蒙']);
    expect(cityShortNames('杭州市')).toEqual(['杭州']);
    expect(cityShortNames('黔东南苗族侗族自治州')).toEqual(['黔东南']);
    expect(cityShortNames('博尔塔拉蒙古自治州')).toEqual(['博尔塔拉']);
    expect(cityShortNames('大兴安岭地区')).toEqual(['大兴安岭']);
    expect(cityShortNames('阿拉善盟')).toEqual(['阿拉善']);
    expect(districtShortNames('西湖区')).toEqual(['西湖']);
    expect(districtShortNames('浦东新区')).toEqual(['浦东']);
    expect(districtShortNames('长阳土家族自治县')).toEqual(['长阳']);
    expect(districtShortNames('义乌市')).toEqual(['义乌']);
  });

  it('gives no short name that would be a single character or a development zone', () => {
    expect(districtShortNames('城区')).toEqual([]);
    expect(districtShortNames('矿区')).toEqual([]);
    expect(districtShortNames('石家庄高新技术产业开发区')).toEqual([]);
  });
});

describe('divisionIndex', () => {
  const index = divisionIndex();

  it('is built once', () => {
    expect(divisionIndex()).toBe(index);
  });

  it('holds every province, with 6-digit GB/T 2260 codes', () => {
    expect(index.provinces.get('330000')?.name).toBe('浙江省');
    expect(index.provinces.get('110000')?.municipality).toBe(true);
    expect(index.provinces.size).toBe(34); // 31 + Taiwan, Hong Kong, Macao
    expect(index.cities.get('330100')?.name).toBe('杭州市');
    expect(index.districts.get('330106')?.name).toBe('西湖区');
  });

  it('leaves out the grouping pseudo-cities and keeps municipalities on their official city codes', () => {
    expect(index.cityNames.has('市辖区')).toBe(false);
    expect(index.districts.get('110105')?.cityCode).toBe('110100');
    expect(index.districts.get('500229')?.cityCode).toBe('500200'); // 城口县
  });

  it('has no city above the county-level cities that report to their province', () => {
    expect(index.districts.get('429004')).toMatchObject({ name: '仙桃市', cityCode: null, provinceCode: '420000' });
  });

  it('finds a name that several districts share', () => {
    const codes = (index.districtNames.get('朝阳区') ?? []).map((h) => h.entry.code).sort();
    expect(codes).toEqual(['110105', '220104']);
  });

  it('indexes streets by name with their district', () => {
    const streets = index.streetNames.get('西溪街道') ?? [];
    expect(streets.some((s) => s.districtCode === '330106' && s.code === '330106004')).toBe(true);
  });
});
