import { describe, expect, it } from 'vitest';
import { conditionProblems } from './condition-check.ts';

describe('conditionProblems', () => {
  it('accepts good conditions for the target', () => {
    expect(conditionProblems('lead', { all: [{ field: 'source', op: 'eq', value: 'referral' }, { any: [{ field: 'completeness', op: 'gte', value: 80 }] }] })).toEqual({});
    expect(conditionProblems('opportunity', { any: [{ field: 'daysToClose', op: 'lt', value: 0 }] })).toEqual({});
    expect(conditionProblems('lead', { all: [] })).toEqual({});
  });

  it('names the path of an unknown field, including one of the other target', () => {
    expect(conditionProblems('lead', { all: [{ field: 'source', op: 'eq', value: 'x' }, { field: 'nope', op: 'eq', value: 1 }] })).toEqual({ 'condition.all.1.field': 'invalid_value' });
    expect(conditionProblems('lead', { any: [{ all: [{ field: 'stage', op: 'eq', value: 'x' }] }] })).toEqual({ 'condition.any.0.all.0.field': 'invalid_value' });
  });

  it('names bad operators, values and shapes', () => {
    expect(conditionProblems('lead', { all: [{ field: 'source', op: 'like', value: 'x' }] })).toEqual({ 'condition.all.0.op': 'invalid_value' });
    expect(conditionProblems('lead', { all: [{ field: 'completeness', op: 'gt', value: 'high' }] })).toEqual({ 'condition.all.0.value': 'invalid_value' });
    expect(conditionProblems('lead', { all: [{ field: 'source', op: 'eq', value: 'x', extra: 1 }] })).toEqual({ 'condition.all.0.extra': 'unrecognized_key' });
    expect(conditionProblems('lead', { all: 'x' })).toEqual({ 'condition.all': 'invalid_type' });
    expect(conditionProblems('lead', 'x')).toEqual({ condition: 'invalid_type' });
  });
});
