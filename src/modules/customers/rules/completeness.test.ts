import { describe, expect, it } from 'vitest';
import { completeness, DEFAULT_TEMPLATES } from './completeness.ts';

describe('completeness', () => {
  it('scores required fields 70 and wanted fields 30', () => {
    const full = { name: '张三', mobile: '+8613812345678', province: '浙江省', city: '杭州市', district: '西湖区', address: 'x', email: 'a@b.c', source: 'erp' };
    expect(completeness(full, DEFAULT_TEMPLATES.person).score).toBe(100);
    const r = completeness({ name: '张三', province: '浙江省' }, DEFAULT_TEMPLATES.person);
    expect(r.score).toBe(35 + 5);
    expect(r.missingRequired).toEqual(['mobile']);
  });
  it('counts an invalid value as missing', () => {
    const r = completeness({ name: 'x', creditCode: 'bad' }, DEFAULT_TEMPLATES.company, new Set(['creditCode']));
    expect(r.missingRequired).toEqual(['creditCode']);
  });
});
