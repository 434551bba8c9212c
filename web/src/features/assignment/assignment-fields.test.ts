import { describe, expect, it } from 'vitest';
import { candidateKind, percent, toCondition } from './assignment-fields.ts';

describe('assignment rule editor', () => {
  it('sends numbers for number facts (score included) and lists for in/notIn', () => {
    expect(
      toCondition({
        join: 'all',
        clauses: [
          { field: 'region', op: 'eq', value: '华东' },
          { field: 'score', op: 'gte', value: '60' },
          { field: 'industry', op: 'in', value: ['制造业', '零售'] },
          { field: 'hasMobile', op: 'eq', value: 'true' },
          { field: 'channel', op: 'present' },
        ],
      }),
    ).toEqual({
      all: [
        { field: 'region', op: 'eq', value: '华东' },
        { field: 'score', op: 'gte', value: 60 },
        { field: 'industry', op: 'in', value: ['制造业', '零售'] },
        { field: 'hasMobile', op: 'eq', value: true },
        { field: 'channel', op: 'present' },
      ],
    });
  });

  it('knows whom each method needs', () => {
    expect(candidateKind('queue')).toBe('team');
    expect(candidateKind('fixed')).toBe('one');
    expect(candidateKind('matching')).toBe('people');
    expect(percent(0.2346)).toBe('23.5 %');
  });
});
