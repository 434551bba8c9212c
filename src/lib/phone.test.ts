import { describe, expect, it } from 'vitest';
import { checkPhone, maskPhone } from './phone.ts';

describe('checkPhone', () => {
  it('normalises Chinese mobiles in any common spelling to E.164', () => {
    for (const input of ['13812345678', '138 1234 5678', '+86 138-1234-5678', '１３８１２３４５６７８']) {
      expect(checkPhone(input)).toEqual({ ok: true, e164: '+8613812345678', type: 'mobile', country: 'CN' });
    }
  });
  it('flags empty, malformed and impossible numbers', () => {
    expect(checkPhone('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPhone('abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkPhone('1381234567')).toEqual({ ok: false, reason: 'impossible' });
    expect(checkPhone('12012345678')).toEqual({ ok: false, reason: 'impossible' });
  });
  it('recognises a Beijing landline and a foreign mobile', () => {
    expect(checkPhone('010-62345678')).toMatchObject({ ok: true, e164: '+861062345678', type: 'fixed_line' });
    expect(checkPhone('+44 7911 123456')).toMatchObject({ ok: true, e164: '+447911123456', type: 'mobile' });
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a Chinese mobile', () => {
    expect(maskPhone('+8613812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('+447911123456')).toBe('+44********56');
  });
});
