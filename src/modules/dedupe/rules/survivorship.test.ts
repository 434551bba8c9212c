import { describe, expect, it } from 'vitest';
import { isEmptyValue, survive, type SurvivorRecord } from './survivorship.ts';

const TRUST = ['erp', 'online_shop', 'call_list'];

const erp: SurvivorRecord = {
  values: { name: '杭州云帆网络科技有限公司', mobile: '+8613812345678', creditCode: '91330106MA2B0Y1X2K', address: '' },
  source: 'erp',
  updatedAt: '2024-03-01T08:00:00+08:00',
};
const shop: SurvivorRecord = {
  values: { name: '云帆网络', mobile: '+8613900001111', creditCode: null, address: '浙江省杭州市西湖区文三路 123 号' },
  source: 'online_shop',
  updatedAt: '2024-06-01T08:00:00+08:00',
};
const calls: SurvivorRecord = {
  values: { name: '云帆科技', mobile: '   ', email: 'info@yunfan.example.com' },
  source: 'call_list',
  updatedAt: '2023-01-01T00:00:00Z',
};

describe('survive', () => {
  it('takes the newest non-empty value by default and says where it came from', () => {
    const result = survive([erp, shop, calls], {}, TRUST);
    expect(result.values).toEqual({
      name: '云帆网络',
      mobile: '+8613900001111',
      creditCode: '91330106MA2B0Y1X2K',
      address: '浙江省杭州市西湖区文三路 123 号',
      email: 'info@yunfan.example.com',
    });
    expect(result.provenance.name).toEqual({ recordIndex: 1, source: 'online_shop' });
    expect(result.provenance.creditCode).toEqual({ recordIndex: 0, source: 'erp' });
    expect(result.provenance.email).toEqual({ recordIndex: 2, source: 'call_list' });
  });

  it('takes the value of the most trusted source where the rule says so', () => {
    const result = survive([shop, calls, erp], { name: 'most_trusted_source', mobile: 'most_trusted_source' }, TRUST);
    expect(result.values.name).toBe('杭州云帆网络科技有限公司');
    expect(result.provenance.name).toEqual({ recordIndex: 2, source: 'erp' });
    expect(result.values.mobile).toBe('+8613812345678');
    // The most trusted source has no address: the next one's survives.
    expect(survive([erp, shop], { address: 'most_trusted_source' }, TRUST).provenance.address?.source).toBe('online_shop');
  });

  it('ranks unknown sources after known ones, and breaks ties by time, then by order', () => {
    const dealer: SurvivorRecord = { values: { name: 'A' }, source: 'dealer', updatedAt: '2025-01-01T00:00:00Z' };
    const call: SurvivorRecord = { values: { name: 'B' }, source: 'call_list', updatedAt: '2020-01-01T00:00:00Z' };
    expect(survive([dealer, call], { name: 'most_trusted_source' }, TRUST).values.name).toBe('B');
    const sameTime = { ...call, values: { name: 'C' } };
    expect(survive([call, sameTime], {}, TRUST).values.name).toBe('B');
    const trustedSameTime: SurvivorRecord = { values: { name: 'D' }, source: 'erp', updatedAt: call.updatedAt };
    expect(survive([call, trustedSameTime], {}, TRUST).values.name).toBe('D');
  });

  it('leaves a field null, without provenance, when every record is empty there', () => {
    const result = survive([erp, shop], { wechat: 'newest_non_empty' }, TRUST);
    expect(result.values.wechat).toBeNull();
    expect(result.provenance.wechat).toBeUndefined();
  });

  it('keeps non-string values such as 0 and false', () => {
    const a: SurvivorRecord = { values: { points: 0, vip: false }, source: 'erp', updatedAt: '2024-01-01T00:00:00Z' };
    const b: SurvivorRecord = { values: { points: null, vip: undefined }, source: 'erp', updatedAt: '2025-01-01T00:00:00Z' };
    expect(survive([a, b], {}, TRUST).values).toEqual({ points: 0, vip: false });
  });

  it('rejects an empty group and bad timestamps', () => {
    expect(() => survive([], {}, TRUST)).toThrow(RangeError);
    expect(() => survive([{ ...erp, updatedAt: 'yesterday' }], {}, TRUST)).toThrow(/not a date/);
  });
});

describe('isEmptyValue', () => {
  it('treats null, undefined, empty and blank strings as empty', () => {
    expect([null, undefined, '', '  ', '\u3000'].every(isEmptyValue)).toBe(true);
    expect([0, false, 'x', [], {}].some(isEmptyValue)).toBe(false);
  });
});
