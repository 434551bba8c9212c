import { describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidNationalId, normalizeEmail, normalizeIdNumber, normalizeMobile } from './identifiers.ts';

describe('normalizeMobile', () => {
  it('keeps E.164 and reads other spellings of a Chinese mobile', () => {
    expect(normalizeMobile('+8613812345678')).toBe('+8613812345678');
    expect(normalizeMobile('１３８１２３４５６７８')).toBe('+8613812345678');
    expect(normalizeMobile('138 1234 5678')).toBe('+8613812345678');
    expect(normalizeMobile('0086-138-1234-5678')).toBe('+8613812345678');
  });

  it('drops empty and impossible numbers', () => {
    expect(normalizeMobile('')).toBeNull();
    expect(normalizeMobile(null)).toBeNull();
    expect(normalizeMobile('12345')).toBeNull();
    expect(normalizeMobile('无')).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and folds full-width characters', () => {
    expect(normalizeEmail(' Zhang.Wei@Example.com ')).toBe('zhang.wei@example.com');
    expect(normalizeEmail('ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('zhang@example.com');
  });

  it('drops what is not an address', () => {
    expect(normalizeEmail('zhang')).toBeNull();
    expect(normalizeEmail('')).toBeNull();
  });
});

describe('identity numbers', () => {
  it('checks the national ID check character', () => {
    expect(isValidNationalId(normalizeIdNumber('11010519491231002x') ?? '')).toBe(true);
    expect(isValidNationalId('110105194912310021')).toBe(false);
  });

  it('checks the credit code check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
});
