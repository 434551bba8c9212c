import { describe, expect, it } from 'vitest';
import { memoizeText } from './memo.ts';

describe('memoizeText', () => {
  it('computes once per input, null results included, and forgets the least recent beyond its size', () => {
    const calls: string[] = [];
    const f = memoizeText((s: string) => {
      calls.push(s);
      return s === 'none' ? null : s.length;
    }, 2);
    expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, null, null]);
    expect(calls).toEqual(['ab', 'none']);
    f('xyz'); // evicts 'ab', the least recently used
    f('ab');
    expect(calls).toEqual(['ab', 'none', 'xyz', 'ab']);
  });
});
