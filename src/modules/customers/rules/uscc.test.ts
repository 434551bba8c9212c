import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.ts';

// Real, publicly listed codes (check characters verified by computation).
const HUAWEI = '914403001922038216'; // 华为技术有限公司
const XIAOMI = '91110108551385082Q'; // 北京小米科技有限责任公司
const TENCENT = '91440300708461136T'; // 深圳市腾讯计算机系统有限公司
const CHECK_X = '91110000710925462X'; // check character X

describe('usccCheckChar', () => {
  it.each([HUAWEI, XIAOMI, TENCENT, CHECK_X])('computes the check character of %s', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code.slice(17));
  });

  it('maps a zero remainder to 0 rather than charset[31]', () => {
    // All zeros: sum 0 → (31 - 0) mod 31 = 0.
    expect(usccCheckChar('0'.repeat(17))).toBe('0');
  });

  it('rejects wrong length and characters outside the charset', () => {
    expect(() => usccCheckChar('9144030019220382')).toThrow(RangeError);
    expect(() => usccCheckChar('9144030019220382I')).toThrow(RangeError);
  });
});

describe('validateUscc', () => {
  it.each([HUAWEI, XIAOMI, TENCENT, CHECK_X])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('rejects the example from the brief, whose check character is A, not B', () => {
    expect(usccCheckChar('91110000100000589')).toBe('A');
    expect(validateUscc('91110000100000589B')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects a tampered code (one digit changed)', () => {
    expect(validateUscc('914403001922038226')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects two swapped adjacent characters', () => {
    expect(validateUscc('914403001922038126')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('normalises case, surrounding whitespace and fullwidth characters', () => {
    expect(validateUscc('  91110108551385082q ')).toEqual({ ok: true, value: XIAOMI });
    expect(validateUscc('９１１１０１０８５５１３８５０８２Ｑ')).toEqual({ ok: true, value: XIAOMI });
  });

  it('reports length before anything else', () => {
    expect(validateUscc('')).toEqual({ ok: false, reason: 'length' });
    expect(validateUscc('91440300192203821')).toEqual({ ok: false, reason: 'length' });
    expect(validateUscc('9144030019220382166')).toEqual({ ok: false, reason: 'length' });
    expect(validateUscc('9144 0300 1922 0382 16')).toEqual({ ok: false, reason: 'length' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-'])('rejects the excluded character %s as charset', (ch) => {
    expect(validateUscc(`91110108551385082${ch}`)).toEqual({ ok: false, reason: 'charset' });
  });

  it('accepts every generated code and rejects every single-character substitution', () => {
    const first17 = '91330106MA2B3C4D5';
    const check = usccCheckChar(first17);
    expect(validateUscc(first17 + check).ok).toBe(true);
    for (const ch of USCC_CHARSET) {
      if (ch !== check) expect(validateUscc(first17 + ch).ok).toBe(false);
    }
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it.each([HUAWEI, XIAOMI, TENCENT, CHECK_X])('matches the organisation code inside %s', (code) => {
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it('uses X for 10 and 0 for 11', () => {
    // 0000000 + d: sum = 2d; check = 11 - (2d mod 11).
    expect(orgCodeCheckChar('00000000')).toBe('0'); // 11 - 0 = 11 → '0'
    expect(orgCodeCheckChar('00000006')).toBe('X'); // 12 mod 11 = 1 → 10 → 'X'
  });

  it('rejects malformed bodies', () => {
    expect(() => orgCodeCheckChar('1922038')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1922038a')).toThrow(RangeError);
  });
});
