import { describe, expect, it } from 'vitest';
import { completeness, DEFAULT_TEMPLATE } from './completeness.ts';
import type { CleanCustomer } from './map-row.ts';

const person = (overrides: Partial<CleanCustomer> = {}): Partial<CleanCustomer> => ({
  kind: 'person',
  name: '张伟',
  mobile: '+8613812345678',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路478号',
  email: 'zw@example.com',
  source: '淘宝',
  ...overrides,
});

describe('completeness', () => {
  it('scores a complete record 100', () => {
    expect(completeness(person(), DEFAULT_TEMPLATE.person)).toEqual({ score: 100, missingRequired: [], missingWanted: [] });
  });

  it('weighs a missing required field more than a missing wanted one', () => {
    const noMobile = completeness(person({ mobile: null }), DEFAULT_TEMPLATE.person);
    const noEmail = completeness(person({ email: null }), DEFAULT_TEMPLATE.person);
    expect(noMobile).toEqual({ score: 65, missingRequired: ['mobile'], missingWanted: [] });
    expect(noEmail).toEqual({ score: 95, missingRequired: [], missingWanted: ['email'] });
  });

  it('counts a value flagged invalid as missing', () => {
    const result = completeness(person({ email: 'zw@qq' }), DEFAULT_TEMPLATE.person, [{ field: 'email', code: 'email_invalid' }]);
    expect(result.missingWanted).toEqual(['email']);
    expect(result.score).toBe(95);
    // Flags that say nothing about validity do not count.
    expect(completeness(person(), DEFAULT_TEMPLATE.person, [{ field: 'mobile', code: 'mobile_multiple' }]).score).toBe(100);
  });

  it('treats blank text as missing', () => {
    expect(completeness(person({ name: '  ' }), DEFAULT_TEMPLATE.person).missingRequired).toEqual(['name']);
  });

  it('scores a bare company against the company template', () => {
    const result = completeness({ kind: 'company', name: '杭州云栖科技有限公司' }, DEFAULT_TEMPLATE.company);
    expect(result).toEqual({
      score: 35,
      missingRequired: ['creditCode'],
      missingWanted: ['mobile', 'province', 'city', 'district', 'address', 'industry', 'source'],
    });
  });

  it('gives the full share when a template has no required or no wanted fields', () => {
    expect(completeness({}, { required: [], wanted: [] }).score).toBe(100);
    expect(completeness({ name: 'x' }, { required: ['name'], wanted: [] }).score).toBe(100);
    expect(completeness({}, { required: [], wanted: ['email', 'source'] }).score).toBe(70);
  });
});
