import { describe, expect, it } from 'vitest';
import { divisionKey, prepareRecord } from './prepare.ts';

describe('divisionKey', () => {
  it('drops the administrative suffix unless one character would be left', () => {
    expect(divisionKey('杭州市')).toBe('杭州');
    expect(divisionKey('浦东新区')).toBe('浦东');
    expect(divisionKey('广西壮族自治区')).toBe('广西');
    expect(divisionKey('某某新区')).toBe('某某');
    expect(divisionKey('城区')).toBe('城区');
    expect(divisionKey('  ')).toBeNull();
    expect(divisionKey(null)).toBeNull();
  });
});

describe('prepareRecord', () => {
  it('normalises identifiers and flags the valid ones', () => {
    const p = prepareRecord({
      id: 'a',
      kind: 'person',
      name: '張偉',
      mobile: '１３８１２３４５６７８',
      email: ' Zhang.Wei@Example.COM ',
      nationalId: '11010519491231002x',
      city: '北京市',
      district: '朝阳区',
      address: '北京市朝阳区建国路 88 号',
    });
    expect(p).toMatchObject({
      mobile: '+8613812345678',
      email: 'zhang.wei@example.com',
      nationalId: { value: '11010519491231002X', valid: true },
      creditCode: null,
      city: '北京',
      district: '朝阳',
      address: '建国路88号',
      person: { han: '张伟', pinyin: 'zhangwei' },
      company: null,
    });
  });

  it('places a company without an address by the region in its name', () => {
    expect(prepareRecord({ id: 'b', kind: 'company', name: '杭州云帆网络科技有限公司' }).city).toBe('杭州');
    expect(prepareRecord({ id: 'c', kind: 'company', name: '上海恒泰贸易有限公司' }).city).toBe('上海');
    expect(prepareRecord({ id: 'd', kind: 'company', name: '浙江恒泰贸易有限公司' }).city).toBeNull();
  });

  it('keeps a credit code that fails its check, marked invalid', () => {
    const p = prepareRecord({ id: 'e', kind: 'company', name: '云帆', creditCode: '91350100M000100Y44' });
    expect(p.creditCode).toEqual({ value: '91350100M000100Y44', valid: false });
    expect(p.company).toMatchObject({ core: '云帆', corePinyin: 'yunfan' });
  });
});
