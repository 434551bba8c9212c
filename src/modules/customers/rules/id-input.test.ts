import { describe, expect, it } from 'vitest';
import { normalizeIdInput } from './id-input.ts';

describe('normalizeIdInput', () => {
  it('converts fullwidth digits and letters to halfwidth and uppercases', () => {
    expect(normalizeIdInput('９１ａｂＣ')).toBe('91ABC');
  });

  it('trims ASCII and ideographic spaces but keeps inner whitespace', () => {
    expect(normalizeIdInput('\u3000 12 34\t')).toBe('12 34');
  });

  it('leaves non-alphanumeric fullwidth characters alone', () => {
    expect(normalizeIdInput('１－２')).toBe('1－2');
  });
});
