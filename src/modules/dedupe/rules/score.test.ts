import { describe, expect, it } from 'vitest';
import { nationalIdCheckChar, usccCheckChar } from '../../customers/index.ts';
import { decidePair } from './decide.ts';
import type { MatchRecord } from './match-record.ts';
import { scorePair } from './score.ts';

let next = 0;
function person(name: string, extra: Partial<MatchRecord> = {}): MatchRecord {
  return {
    id: `p${++next}`,
    kind: 'person',
    name,
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    ...extra,
  };
}
function company(name: string, extra: Partial<MatchRecord> = {}): MatchRecord {
  return { id: `c${++next}`, kind: 'company', name, province: '浙江省', city: '杭州市', district: '西湖区', ...extra };
}
const decide = (a: MatchRecord, b: MatchRecord) => decidePair(scorePair(a, b).score);
const codes = (a: MatchRecord, b: MatchRecord) => scorePair(a, b).reasons.map((r) => r.code);

// With valid check characters (ISO 7064 MOD 11-2 / GB 32100).
const nationalId = (first17: string) => first17 + nationalIdCheckChar(first17);
const creditCode = (first17: string) => first17 + usccCheckChar(first17);
const ID_1 = nationalId('11010519491231002');
const ID_2 = nationalId('33010619900101123');
const CODE_1 = creditCode('91330106MA2B0Y1X2');
const CODE_SHANGHAI = creditCode('91310115MA1K3YJ12');
const CODE_BEIJING = creditCode('91110105MA01ABCD1');

describe('scorePair: persons', () => {
  it('merges the same mobile and name, and says why', () => {
    const a = person('张伟', { mobile: '+8613812345678' });
    const b = person('張偉', { mobile: '１３８１２３４５６７８', district: null });
    const result = scorePair(a, b);
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.reasons.map((r) => r.code)).toEqual(['same_mobile', 'name_equal', 'same_city']);
    expect(decidePair(result.score)).toBe('merge');
  });

  it('merges a homophone typo or a romanised name on the same mobile', () => {
    const a = person('张伟明', { mobile: '+8613812345678' });
    expect(decide(a, person('张炜明', { mobile: '+8613812345678' }))).toBe('merge');
    expect(decide(a, person('Zhang Weiming', { mobile: '+8613812345678' }))).toBe('merge');
    expect(decide(a, person('张明伟', { mobile: '+8613812345678' }))).toBe('merge');
    expect(codes(a, person('张炜明', { mobile: '+8613812345678' }))).toContain('name_pinyin_equal');
  });

  it('merges the same name at the same address even without a phone', () => {
    const address = '浙江省杭州市西湖区文三路 123 号 5 楼';
    expect(decide(person('李秀英', { address }), person('李秀英', { address: '杭州西湖区文三路123號5楼' }))).toBe('merge');
  });

  it('同名不同人: keeps namesakes with other mobiles in other districts apart', () => {
    const a = person('张伟', { mobile: '+8613812345678', address: '浙江省杭州市西湖区文三路 123 号' });
    const b = person('张伟', { mobile: '+8613998765432', district: '上城区', address: '浙江省杭州市上城区解放路 8 号' });
    expect(decide(a, b)).toBe('distinct');
    expect(codes(a, b)).toContain('different_mobile');
  });

  it('does not even review the same name in the same district with nothing else', () => {
    expect(decide(person('王芳'), person('王芳'))).toBe('distinct');
  });

  it('never merges family members who share a phone and a home', () => {
    const home = { mobile: '+8613812345678', address: '浙江省杭州市西湖区文三路 123 号' };
    expect(decide(person('张建国', home), person('张伟', home))).not.toBe('merge');
    expect(decide(person('张伟', home), person('张强', home))).not.toBe('merge');
    expect(decide(person('周丽娟', home), person('周宇轩', home))).not.toBe('merge');
    expect(codes(person('张伟', home), person('张强', home))).toContain('name_different');
  });

  it('pushes different valid national IDs down hard, whatever else agrees', () => {
    const a = person('张伟', { mobile: '+8613812345678', nationalId: ID_1 });
    const b = person('张伟', { mobile: '+8613812345678', nationalId: ID_2 });
    const result = scorePair(a, b);
    expect(result.reasons).toContainEqual({ code: 'different_national_id', weight: -8 });
    expect(decidePair(result.score)).toBe('distinct');
    // A mistyped ID (bad check character) only counts a little against.
    const typo = person('张伟', { mobile: '+8613812345678', nationalId: `${ID_1.slice(0, 17)}${ID_1.endsWith('1') ? '2' : '1'}` });
    expect(decide(a, typo)).toBe('merge');
  });

  it('merges on the same valid national ID despite a typo in the name', () => {
    expect(decide(person('刘建军', { nationalId: ID_1 }), person('刘健君', { nationalId: ID_1, district: null }))).toBe('merge');
  });

  it('accepts 王先生 as the person on that mobile', () => {
    const a = person('王伟', { mobile: '+8613812345678' });
    const b = person('王先生', { mobile: '+8613812345678' });
    expect(codes(a, b)).toContain('name_partial');
    expect(decide(a, b)).toBe('merge');
    expect(decide(a, person('李先生', { mobile: '+8613812345678' }))).not.toBe('merge');
  });

  it('reports the name similarity as detail for the UI', () => {
    const r = scorePair(person('罗子豪', { mobile: '+8613812345678' }), person('罗子告', { mobile: '+8613812345678' }));
    const name = r.reasons.find((x) => x.code === 'name_similar');
    expect(name?.detail).toMatch(/^0\.\d\d$/);
    expect(r.reasons.find((x) => x.code === 'same_district')?.detail).toBe('西湖');
  });
});

describe('scorePair: companies', () => {
  it('merges region, legal form and script variants of one name in one city', () => {
    const a = company('杭州云帆网络科技有限公司');
    expect(decide(a, company('云帆网络科技（杭州）有限公司', { district: null }))).toBe('merge');
    expect(decide(a, company('杭州雲帆網絡科技有限責任公司'))).toBe('merge');
    expect(decide(a, company('云帆网络科技有限公司', { district: '滨江区' }))).toBe('merge');
  });

  it('merges on the same valid credit code despite a typo', () => {
    const r = scorePair(company('杭州云帆网络科技有限公司', { creditCode: CODE_1 }), company('杭州云航网络科技有限公司', { creditCode: CODE_1 }));
    expect(r.reasons.map((x) => x.code)).toContain('same_credit_code');
    expect(decidePair(r.score)).toBe('merge');
  });

  it('keeps two branch offices of one company apart, and each apart from the head office', () => {
    const head = company('杭州云帆网络科技有限公司', { creditCode: CODE_1 });
    const shanghai = company('杭州云帆网络科技有限公司上海分公司', { city: '上海市', district: '浦东新区', creditCode: CODE_SHANGHAI });
    const beijing = company('杭州云帆网络科技有限公司北京分公司', { city: '北京市', district: '朝阳区', creditCode: CODE_BEIJING });
    expect(decide(shanghai, beijing)).toBe('distinct');
    expect(scorePair(shanghai, beijing).reasons).toContainEqual({ code: 'different_credit_code', weight: -8 });
    expect(codes(shanghai, beijing)).toContain('different_city');
    expect(decide(head, shanghai)).toBe('distinct');
    expect(codes(head, shanghai)).toContain('branch_office');
    // Same city, no codes at all: the branch flag alone keeps them apart.
    expect(decide(company('云帆网络科技有限公司'), company('云帆网络科技有限公司西湖分公司'))).toBe('distinct');
  });

  it('keeps the same brand registered in another city apart', () => {
    const a = company('杭州云帆网络科技有限公司');
    const b = company('上海云帆网络科技有限公司', { city: null, district: null });
    expect(codes(a, b)).toContain('region_conflict');
    expect(decide(a, b)).toBe('distinct');
  });

  it('keeps numbered sister entities and other brands apart', () => {
    expect(decide(company('杭州云帆一号投资合伙企业'), company('杭州云帆二号投资合伙企业'))).toBe('distinct');
    expect(decide(company('杭州云帆网络科技有限公司'), company('杭州恒泰网络科技有限公司'))).toBe('distinct');
    expect(decide(company('杭州云帆网络科技有限公司'), company('杭州云帆贸易有限公司'))).toBe('distinct');
  });

  it('sends sister companies on one switchboard to review at most', () => {
    const phone = { mobile: '+8613812345678', email: 'info@yunfan.example.com' };
    expect(decide(company('杭州云帆网络科技有限公司', phone), company('杭州云帆物流有限公司', phone))).not.toBe('merge');
  });
});

describe('scorePair: anything else', () => {
  it('gives 0 to a person and a company', () => {
    const r = scorePair(person('云帆', { mobile: '+8613812345678' }), company('云帆', { mobile: '+8613812345678' }));
    expect(r).toEqual({ score: 0, reasons: [{ code: 'different_kind', weight: -Infinity }] });
  });

  it('is symmetric', () => {
    const a = person('张伟明', { mobile: '+8613812345678', email: 'zwm@example.com' });
    const b = person('Weiming Zhang', { email: 'zwm@example.com', district: '上城区', address: '解放路 8 号' });
    expect(scorePair(a, b).score).toBeCloseTo(scorePair(b, a).score, 12);
  });
});
