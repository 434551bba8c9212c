import { describe, expect, it } from 'vitest';
import { filterFromParams, filterQuery, filterToParams } from './customer-filter.ts';

describe('customer list filter', () => {
  it('reads known values from the address bar and drops the rest', () => {
    const params = new URLSearchParams('q=zs&kind=company&flag=mobile_invalid&province=%E6%B5%99%E6%B1%9F&city=&sort=completeness&junk=1');
    expect(filterFromParams(params)).toEqual({ q: 'zs', kind: 'company', flag: 'mobile_invalid', province: '浙江', sort: 'completeness' });
  });

  it('ignores a kind or sort the API does not know', () => {
    expect(filterFromParams(new URLSearchParams('kind=robot&sort=-completeness'))).toEqual({});
  });

  it('sends trimmed values only, and leaves the default sort out', () => {
    expect(filterQuery({ q: '  张三 ', tag: ' ', sort: '-createdAt' })).toEqual({ q: '张三' });
    expect(filterQuery({ city: '杭州', sort: 'name' })).toEqual({ city: '杭州', sort: 'name' });
  });

  it('round-trips through the address bar', () => {
    const filter = { q: '138', kind: 'person' as const, tag: 'VIP', sort: 'completeness' as const };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
  });
});
