import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs, candidatePairsFromKeys, lookupKeys } from './blocking.ts';
import type { MatchRecord } from './match-record.ts';

let next = 0;
const person = (name: string, extra: Partial<MatchRecord> = {}): MatchRecord => ({
  id: `p${++next}`,
  kind: 'person',
  name,
  city: '杭州市',
  district: '西湖区',
  ...extra,
});
const company = (name: string, extra: Partial<MatchRecord> = {}): MatchRecord => ({
  id: `c${++next}`,
  kind: 'company',
  name,
  city: '杭州市',
  ...extra,
});

const share = (a: MatchRecord, b: MatchRecord): boolean => candidatePairs([a, b]).pairs.length === 1;

describe('blockingKeys', () => {
  it('has exact keys for identifiers, in normalised form', () => {
    const keys = blockingKeys(person('张伟', { mobile: '１３８１２３４５６７８', email: 'A@B.cn', nationalId: '11010519491231002x' }));
    expect(keys).toEqual(expect.arrayContaining(['m:+8613812345678', 'e:a@b.cn', 'n:11010519491231002X']));
    expect(blockingKeys(company('云帆', { creditCode: '91350100m000100y43' }))).toContain('c:91350100M000100Y43');
  });

  it('puts true duplicates of a person into a shared block', () => {
    const original = person('张伟明', { mobile: '+8613812345678' });
    expect(share(original, person('張偉明'))).toBe(true); // traditional
    expect(share(original, person('张炜明'))).toBe(true); // homophone
    expect(share(original, person('张明伟'))).toBe(true); // swapped
    expect(share(original, person('张伟民'))).toBe(true); // another character
    expect(share(original, person('Weiming Zhang'))).toBe(true); // pinyin, Western order
    expect(share(original, person('张伟明', { city: null, district: null }))).toBe(true); // no address
    expect(share(original, person('张卫敏', { mobile: '+8613812345678' }))).toBe(true); // same mobile
  });

  it('puts true duplicates of a company into a shared block', () => {
    const original = company('杭州云帆网络科技有限公司');
    expect(share(original, company('云帆网络科技（杭州）有限公司', { city: null }))).toBe(true);
    expect(share(original, company('杭州雲帆網絡科技有限公司'))).toBe(true);
    expect(share(original, company('杭州云凡网络科技有限公司'))).toBe(true); // homophone in the brand
    expect(share(original, company('杭州帆云网络科技有限公司'))).toBe(true); // swapped brand
    expect(share(original, company('杭州云航网络科技有限公司'))).toBe(true); // another character
  });

  it('keeps unrelated records apart', () => {
    expect(share(person('张伟'), person('李娜'))).toBe(false);
    expect(share(company('杭州云帆网络科技有限公司'), company('杭州恒泰贸易有限公司'))).toBe(false);
  });

  it('gives a form of address no name key', () => {
    expect(blockingKeys(person('王先生')).some((k) => k.startsWith('pn:'))).toBe(false);
  });
});

describe('candidatePairs', () => {
  it('pairs records that share a key, each pair once and ordered', () => {
    const records = [
      person('张伟', { mobile: '+8613812345678' }),
      person('李娜'),
      person('张玮', { mobile: '+8613812345678' }),
    ];
    const result = candidatePairs(records);
    expect(result.pairs).toEqual([[0, 2]]);
    expect(result.skippedBlocks).toBe(0);
    expect(result.largestBlock).toBe(2);
  });

  it('skips and counts blocks above maxBlockSize instead of comparing all of them', () => {
    const keys = [...Array.from({ length: 5 }, () => ['m:+8613800000000']), ['x'], ['x']];
    expect(candidatePairsFromKeys(keys, { maxBlockSize: 4 })).toEqual({ pairs: [[5, 6]], blocks: 1, skippedBlocks: 1, largestBlock: 2 });
    expect(candidatePairsFromKeys(keys, { maxBlockSize: 5 }).pairs).toHaveLength(11);
  });

  it('pairs lookup-only members with ordinary members only', () => {
    const keys = [['~pn:zhangwei'], ['~pn:zhangwei'], ['pn:zhangwei'], ['~pn:zhangwei']];
    expect(candidatePairsFromKeys(keys).pairs).toEqual([[0, 2], [1, 2], [2, 3]]);
    expect(candidatePairsFromKeys([['~a'], ['~a']]).pairs).toEqual([]);
  });

  it('finds a person without a city among the namesakes of every city, without pairing those', () => {
    const records = [
      person('张伟', { city: '杭州市' }),
      person('张伟', { city: '上海市', district: '浦东新区' }),
      person('張偉', { city: null, district: null }),
    ];
    expect(candidatePairs(records).pairs).toEqual([[0, 2], [1, 2]]);
  });

  it('rejects a block size below 2', () => {
    expect(() => candidatePairsFromKeys([], { maxBlockSize: 1 })).toThrow(RangeError);
  });
});

describe('lookupKeys', () => {
  it('finds through a key store exactly the pairs candidatePairs makes', () => {
    const records = [
      person('张伟', { city: '杭州市', mobile: '+8613812345678' }),
      person('张伟', { city: '上海市', district: '浦东新区' }),
      person('張偉', { city: null, district: null }),
      person('Wei Zhang', { city: null, district: null, mobile: '+8613812345678' }),
      company('杭州云帆网络科技有限公司'),
      company('云帆网络科技（杭州）有限公司'),
    ];
    const store = new Map<string, number[]>();
    records.forEach((r, i) => {
      for (const key of blockingKeys(r)) store.set(key, [...(store.get(key) ?? []), i]);
    });
    const viaStore = new Set<string>();
    records.forEach((r, i) => {
      for (const key of lookupKeys(blockingKeys(r))) {
        for (const j of store.get(key) ?? []) if (j !== i) viaStore.add(`${Math.min(i, j)}-${Math.max(i, j)}`);
      }
    });
    const direct = candidatePairs(records).pairs.map(([i, j]) => `${i}-${j}`);
    expect([...viaStore].sort()).toEqual(direct.sort());
    expect(direct).not.toContain('0-1');
  });
});
