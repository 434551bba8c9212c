import { describe, expect, it } from 'vitest';
import { conditionFields, conditionSchema, matches, type Condition } from './conditions.ts';

const lead = { region: '华东', score: 72, source: 'referral', hasCreditCode: true, channel: null, industry: '制造业' };

describe('conditions', () => {
  it('all / any with comparisons', () => {
    const c: Condition = { all: [{ field: 'region', op: 'eq', value: '华东' }, { field: 'score', op: 'gte', value: 60 }] };
    expect(matches(c, lead)).toBe(true);
    expect(matches(c, { ...lead, score: 59 })).toBe(false);
    expect(matches({ any: [{ field: 'region', op: 'eq', value: '华北' }, { field: 'source', op: 'in', value: ['referral', 'event'] }] }, lead)).toBe(true);
    expect(matches({ any: [] }, lead)).toBe(false);
    expect(matches({ all: [] }, lead)).toBe(true);
  });

  it('missing facts never satisfy a comparison, but satisfy absent / neq', () => {
    expect(matches({ field: 'channel', op: 'eq', value: 'x' }, lead)).toBe(false);
    expect(matches({ field: 'channel', op: 'gte', value: 1 }, lead)).toBe(false);
    expect(matches({ field: 'channel', op: 'absent' }, lead)).toBe(true);
    expect(matches({ field: 'channel', op: 'neq', value: 'x' }, lead)).toBe(true);
    expect(matches({ field: 'hasCreditCode', op: 'present' }, lead)).toBe(true);
    expect(matches({ field: 'industry', op: 'contains', value: '制造' }, lead)).toBe(true);
  });

  it('nests and lists its fields', () => {
    const c: Condition = { all: [{ field: 'region', op: 'eq', value: '华东' }, { any: [{ field: 'score', op: 'lt', value: 10 }, { field: 'industry', op: 'notIn', value: ['金融'] }] }] };
    expect(matches(c, lead)).toBe(true);
    expect(conditionFields(c)).toEqual(['region', 'score', 'industry']);
  });

  it('schema refuses unknown fields and ill-typed values, naming the path', () => {
    const schema = conditionSchema(['region', 'score']);
    expect(schema.safeParse({ all: [{ field: 'score', op: 'gte', value: 60 }] }).success).toBe(true);
    expect(schema.safeParse({ all: [{ field: 'owner', op: 'eq', value: 'x' }] }).success).toBe(false);
    const bad = schema.safeParse({ all: [{ field: 'score', op: 'gte', value: 'sixty' }] });
    expect(bad.success).toBe(false);
    expect(schema.safeParse({ all: [{ field: 'region', op: 'in', value: '华东' }] }).success).toBe(false);
    expect(schema.safeParse({ none: [] }).success).toBe(false);
  });
});
