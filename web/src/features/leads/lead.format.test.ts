import { describe, expect, it } from 'vitest';
import { assignmentWhy, embedCode, factorOf, fieldsProblem, payloadLines, publicFormUrl, reasonText, scoreBand, sortedReasons, weightText, type FactorWords } from './lead.format.ts';
import type { ScoreReason } from './lead.types.ts';

const model = (label: string, weight = 0.5, extra: Partial<ScoreReason> = {}): ScoreReason => ({ kind: 'model', label, weight, ...extra });

const FIELDS: Record<string, string> = { source: '来源', companySize: '公司规模', industry: '行业', hasEmail: '有邮箱', completeness: '完整度', daysSinceActivity: '未跟进天数' };
const words: FactorWords = {
  field: (f) => FIELDS[f] ?? f,
  value: (f, v) => (f === 'source' && v === 'referral' ? '转介绍' : String(v)),
  yes: '是',
  no: '否',
  empty: '空',
  between: (f, a, b) => `${f} ${a}–${b}`,
  atLeast: (f, a) => `${f} ≥ ${a}`,
  atMost: (f, b) => `${f} ≤ ${b}`,
};

describe('score band', () => {
  it('is hot from 70, warm from 40, cold below, none without a score', () => {
    expect([scoreBand(100), scoreBand(70), scoreBand(69), scoreBand(40), scoreBand(39), scoreBand(0), scoreBand(null)]).toEqual(['hot', 'hot', 'warm', 'warm', 'cold', 'cold', 'none']);
  });
});

describe('model factors read from the scorer’s labels', () => {
  it('reads value, cross, bucket and scaled labels', () => {
    expect(factorOf(model('source = referral'))).toEqual({ kind: 'equals', field: 'source', value: 'referral' });
    expect(factorOf(model('hasEmail = false'))).toEqual({ kind: 'equals', field: 'hasEmail', value: false });
    expect(factorOf(model('industry = (空)'))).toEqual({ kind: 'equals', field: 'industry', value: null });
    expect(factorOf(model('industry = 制造业 & companySize = 200-999'))).toEqual({ kind: 'equals', field: 'industry', value: '制造业', field2: 'companySize', value2: '200-999' });
    expect(factorOf(model('daysSinceActivity < 8'))).toEqual({ kind: 'range', field: 'daysSinceActivity', from: null, to: 7 });
    expect(factorOf(model('daysSinceActivity ≥ 31'))).toEqual({ kind: 'range', field: 'daysSinceActivity', from: 31, to: null });
    expect(factorOf(model('daysSinceActivity 8–30'))).toEqual({ kind: 'range', field: 'daysSinceActivity', from: 8, to: 30 });
    expect(factorOf(model('completeness = 80'))).toEqual({ kind: 'equals', field: 'completeness', value: 80 });
    expect(factorOf(model('completeness'))).toEqual({ kind: 'field', field: 'completeness' });
  });

  it('prefers the data fields when the server sends them', () => {
    expect(factorOf(model('x', 1, { field: 'daysSinceActivity', from: 8, to: 31 }))).toEqual({ kind: 'range', field: 'daysSinceActivity', from: 8, to: 30 });
    expect(factorOf(model('x', 1, { field: 'source', value: 'event' }))).toEqual({ kind: 'equals', field: 'source', value: 'event' });
  });

  it('leaves rules and unreadable labels alone', () => {
    expect(factorOf({ kind: 'rule', label: 'source = referral', weight: 20 })).toBeNull();
    expect(factorOf(model('资料很完整'))).toBeNull();
  });
});

describe('reason text', () => {
  it('shows a rule by the name the tenant gave it', () => {
    expect(reasonText({ kind: 'rule', label: '转介绍', weight: 20 }, words)).toBe('转介绍');
  });

  it('translates fields and values of model factors', () => {
    expect(reasonText(model('source = referral'), words)).toBe('来源: 转介绍');
    expect(reasonText(model('hasEmail = true'), words)).toBe('有邮箱: 是');
    expect(reasonText(model('industry = (空)'), words)).toBe('行业: 空');
    expect(reasonText(model('industry = 制造业 & companySize = 1000+'), words)).toBe('行业: 制造业 & 公司规模: 1000+');
    expect(reasonText(model('daysSinceActivity 8–30'), words)).toBe('未跟进天数 8–30');
    expect(reasonText(model('daysSinceActivity ≥ 31'), words)).toBe('未跟进天数 ≥ 31');
    expect(reasonText(model('daysSinceActivity < 8'), words)).toBe('未跟进天数 ≤ 7');
    expect(reasonText(model('completeness'), words)).toBe('完整度');
    expect(reasonText(model('看不懂的标签'), words)).toBe('看不懂的标签');
  });

  it('signs weights: rule points whole, model log-odds to two decimals', () => {
    expect(weightText({ kind: 'rule', label: 'a', weight: 20 })).toBe('+20');
    expect(weightText({ kind: 'rule', label: 'a', weight: -15 })).toBe('-15');
    expect(weightText(model('a', 0.456))).toBe('+0.46');
    expect(weightText(model('a', -1.2))).toBe('-1.20');
  });

  it('orders rules first, then the strongest factors', () => {
    const sorted = sortedReasons([model('a', 0.2), { kind: 'rule', label: 'r1', weight: 10 }, model('b', -0.9), { kind: 'rule', label: 'r2', weight: -15 }]);
    expect(sorted.map((r) => r.label)).toEqual(['r2', 'r1', 'b', 'a']);
  });
});

describe('assignment reasons', () => {
  it('reads what the assigner wrote', () => {
    const why = assignmentWhy({
      reason: {
        method: 'load_balanced',
        rule: '华东高分',
        outcome: 'assigned',
        considered: 3,
        skipped: [{ userId: 'u1', why: 'absent' }, { userId: 'u2', why: 'full', load: 30, cap: 30 }, { nonsense: true }],
        load: 4,
        cap: 30,
        tied: 2,
        fellThrough: [{ ruleId: 'r0', rule: '大客户专员', method: 'fixed', skipped: [] }],
      },
    });
    expect(why).toMatchObject({ rule: '华东高分', outcome: 'assigned', considered: 3, load: 4, cap: 30, tied: 2, matching: null, fellThrough: ['大客户专员'], note: null });
    expect(why.skipped).toEqual([
      { userId: 'u1', why: 'absent' },
      { userId: 'u2', why: 'full' },
    ]);
  });

  it('reads matching scores, manual notes and misses, and survives junk', () => {
    const matching = assignmentWhy({ reason: { method: 'matching', rule: 'm', matching: { chosen: { p: 0.42, loadFactor: 0.9 }, runnersUp: [{}, {}] } } });
    expect(matching.matching).toEqual({ p: 0.42, loadFactor: 0.9, compared: 3 });
    expect(assignmentWhy({ reason: { method: 'manual', by: '王经理', note: '老客户介绍', bulk: 12 } })).toMatchObject({ note: '老客户介绍', bulk: 12, rule: null });
    expect(assignmentWhy({ reason: { outcome: 'nobody_available', tried: [{ rule: 'A' }, { rule: 'B' }] } })).toMatchObject({ outcome: 'nobody_available', fellThrough: ['A', 'B'] });
    expect(assignmentWhy({ reason: { method: 'manual', by: '王经理', note: { note: '展会名单' } } }).note).toBe('展会名单');
    expect(assignmentWhy({ reason: null })).toMatchObject({ rule: null, skipped: [], fellThrough: [], matching: null });
    expect(assignmentWhy({ reason: 'text' }).outcome).toBeNull();
  });
});

describe('web form embedding', () => {
  it('builds the public address with an encoded channel', () => {
    expect(publicFormUrl('https://crm.example.cn', 'AbC_12-x')).toBe('https://crm.example.cn/f/AbC_12-x');
    expect(publicFormUrl('https://crm.example.cn', 'k1', ' 百度推广 ')).toBe('https://crm.example.cn/f/k1?channel=%E7%99%BE%E5%BA%A6%E6%8E%A8%E5%B9%BF');
  });

  it('writes an iframe whose address cannot break out of its attribute', () => {
    const code = embedCode('https://crm.example.cn', 'k1', 'a"b&c');
    expect(code).toMatch(/^<iframe src="https:\/\/crm\.example\.cn\/f\/k1\?channel=a%22b%26c" /);
    expect(code).toMatch(/<\/iframe>$/);
    expect(embedCode('http://x', 'k', null)).toContain('src="http://x/f/k"');
  });
});

describe('reject payloads', () => {
  it('lists filled values only', () => {
    expect(payloadLines({ name: '', mobile: '12345', company: null, custom: { webForm: '官网' }, age: 30 })).toEqual(['mobile: 12345', 'custom: {"webForm":"官网"}', 'age: 30']);
  });
});

describe('web form fields', () => {
  it('needs a name or company and a mobile or e-mail, like the server', () => {
    expect(fieldsProblem(['name', 'mobile'])).toBeNull();
    expect(fieldsProblem(['company', 'email', 'notes'])).toBeNull();
    expect(fieldsProblem(['mobile', 'email'])).toBe('name_or_company_required');
    expect(fieldsProblem(['name', 'company', 'notes'])).toBe('contact_required');
    expect(fieldsProblem([])).toBe('name_or_company_required');
  });
});
