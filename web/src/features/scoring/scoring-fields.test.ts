import { describe, expect, it } from 'vitest';
import { conditionText, fromEditor, moveItem, reasonText, toEditor, weightText, type ConditionWords } from './scoring-fields.ts';

const words: ConditionWords = { field: (f) => f, op: (op) => ({ eq: '=', gte: '≥', in: '∈', gt: '>' })[op as string] ?? op, yes: '是', no: '否', and: '且', or: '或', always: '总是' };

describe('rule editor helpers', () => {
  it('round-trips a flat condition and coerces values to the field kind', () => {
    const editor = { join: 'all' as const, clauses: [{ field: 'completeness', op: 'gte' as const, value: '80' }, { field: 'hasCreditCode', op: 'eq' as const, value: 'true' }, { field: 'source', op: 'in' as const, value: ['referral', 'event'] }, { field: 'channel', op: 'present' as const, value: 'x' }] };
    const condition = fromEditor('lead', editor);
    expect(condition).toEqual({ all: [{ field: 'completeness', op: 'gte', value: 80 }, { field: 'hasCreditCode', op: 'eq', value: true }, { field: 'source', op: 'in', value: ['referral', 'event'] }, { field: 'channel', op: 'present' }] });
    expect(toEditor(condition)).toEqual({ join: 'all', clauses: [{ field: 'completeness', op: 'gte', value: 80 }, { field: 'hasCreditCode', op: 'eq', value: true }, { field: 'source', op: 'in', value: ['referral', 'event'] }, { field: 'channel', op: 'present', value: undefined }] });
  });

  it('leaves nested conditions to be shown, not edited', () => {
    expect(toEditor({ any: [{ all: [{ field: 'source', op: 'eq', value: 'a' }] }] })).toBeNull();
  });

  it('writes conditions and reasons as text', () => {
    expect(conditionText({ all: [{ field: 'source', op: 'eq', value: 'referral' }, { field: 'completeness', op: 'gte', value: 80 }] }, words)).toBe('source = referral 且 completeness ≥ 80');
    expect(conditionText({ any: [{ field: 'hasEmail', op: 'eq', value: true }, { all: [{ field: 'daysSinceActivity', op: 'gt', value: 30 }] }] }, words)).toBe('hasEmail = 是 或 (daysSinceActivity > 30)');
    expect(conditionText({ all: [] }, words)).toBe('总是');
    const factor = { field: (f: string) => `[${f}]`, yes: '是', no: '否', empty: '空' };
    expect(reasonText({ kind: 'rule', label: '转介绍', weight: 20 }, factor)).toBe('转介绍');
    expect(reasonText({ kind: 'model', label: 'x', weight: 0.8, field: 'industry', value: '制造业', field2: 'companySize', value2: '1000+' }, factor)).toBe('[industry]: 制造业 & [companySize]: 1000+');
    expect(reasonText({ kind: 'model', label: 'x', weight: -0.5, field: 'daysSinceActivity', from: 31, to: 91 }, factor)).toBe('[daysSinceActivity] 31–90');
    expect(reasonText({ kind: 'model', label: 'x', weight: -0.5, field: 'daysSinceActivity', to: 8 }, factor)).toBe('[daysSinceActivity] < 8');
    expect(reasonText({ kind: 'model', label: 'x', weight: 0.1, field: 'industry', value: null }, factor)).toBe('[industry]: 空');
    expect(reasonText({ kind: 'model', label: 'completeness', weight: 1.6, field: 'completeness' }, factor)).toBe('[completeness]');
    expect([weightText({ kind: 'rule', label: '', weight: 20 }), weightText({ kind: 'model', label: '', weight: -0.834 })]).toEqual(['+20', '-0.83']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
