import { describe, expect, it } from 'vitest';
import { decidePair } from './decide.ts';

describe('decidePair', () => {
  it('uses 0.9 and 0.7 by default, inclusive', () => {
    expect(decidePair(0.9)).toBe('merge');
    expect(decidePair(0.8999)).toBe('review');
    expect(decidePair(0.7)).toBe('review');
    expect(decidePair(0.69)).toBe('distinct');
  });

  it('takes thresholds from the tenant settings', () => {
    expect(decidePair(0.85, { autoMergeAt: 0.8 })).toBe('merge');
    expect(decidePair(0.85, { autoMergeAt: 0.95, reviewAt: 0.9 })).toBe('distinct');
    expect(decidePair(0.5, { autoMergeAt: 0.5, reviewAt: 0.5 })).toBe('merge');
  });

  it('rejects thresholds out of order and a NaN score', () => {
    expect(() => decidePair(0.5, { autoMergeAt: 0.6, reviewAt: 0.8 })).toThrow(RangeError);
    expect(() => decidePair(0.5, { autoMergeAt: 1.2 })).toThrow(RangeError);
    expect(() => decidePair(Number.NaN)).toThrow(RangeError);
  });
});
