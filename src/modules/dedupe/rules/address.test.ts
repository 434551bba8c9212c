import { describe, expect, it } from 'vitest';
import { addressSimilarity, chineseNumberToArabic, normalizeAddress } from './address.ts';

describe('normalizeAddress', () => {
  it('drops province, city and district and normalises spacing and width', () => {
    expect(normalizeAddress('浙江省杭州市西湖区文三路 123 号')).toBe('文三路123号');
    expect(normalizeAddress('杭州市西湖区文三路１２３號')).toBe('文三路123号');
    expect(normalizeAddress('中国上海市浦东新区张江路 88 号 A 座 1203 室')).toBe('张江路88号a座1203');
  });

  it('keeps a street named after a city', () => {
    expect(normalizeAddress('上海市黄浦区北京东路 2 号')).toBe('北京东路2号');
    expect(normalizeAddress('杭州路 5 号')).toBe('杭州路5号');
  });

  it('turns Chinese numerals into digits and 层/F into 楼', () => {
    expect(normalizeAddress('文三路八十八号三层')).toBe('文三路88号3楼');
    expect(normalizeAddress('文三路88号3F')).toBe('文三路88号3楼');
  });

  it('uses the record fields, and the street when there is no address', () => {
    expect(normalizeAddress({ province: '浙江省', city: '杭州市', district: '西湖区', address: '浙江省杭州市西湖区文三路 123 号' })).toBe('文三路123号');
    expect(normalizeAddress({ street: '文三路' })).toBe('文三路');
    expect(normalizeAddress({ address: null, street: null })).toBe('');
    expect(normalizeAddress(null)).toBe('');
  });
});

describe('chineseNumberToArabic', () => {
  it('reads both counting and digit-by-digit forms', () => {
    expect(chineseNumberToArabic('八十八')).toBe(88);
    expect(chineseNumberToArabic('十二')).toBe(12);
    expect(chineseNumberToArabic('一百零五')).toBe(105);
    expect(chineseNumberToArabic('一二零三')).toBe(1203);
  });
});

describe('addressSimilarity', () => {
  const n = normalizeAddress;
  it('is 1 for the same address spelled differently', () => {
    expect(addressSimilarity(n('浙江省杭州市西湖区文三路 123 号'), n('杭州西湖区文三路123號'))).toBe(1);
  });

  it('is high when one address only adds the floor, not when the other has only the street', () => {
    expect(addressSimilarity(n('文三路123号'), n('文三路123号5楼'))).toBeGreaterThanOrEqual(0.9);
    expect(addressSimilarity(n('中关村大街'), n('中关村大街27号'))).toBeLessThan(0.9);
  });

  it('is at most 0.6 for another house number on the same street', () => {
    expect(addressSimilarity(n('文三路123号'), n('文三路125号'))).toBeLessThanOrEqual(0.6);
  });

  it('is low for another street and 0 when one is unknown', () => {
    expect(addressSimilarity(n('文三路123号'), n('教工路18号'))).toBeLessThan(0.5);
    expect(addressSimilarity('', n('文三路123号'))).toBe(0);
  });
});
