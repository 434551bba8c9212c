import { describe, expect, it } from 'vitest';
import { nationalIdCheckChar, validateNationalId } from './national-id.ts';

const NOW = new Date('2025-06-15T04:00:00Z'); // 2025-06-15 12:00 in Beijing

// The worked example of GB 11643-1999: 北京市朝阳区, born 1949-12-31, female, check X.
const STANDARD_EXAMPLE = '11010519491231002X';

/** Builds a number with a correct check character. */
function withCheck(first17: string): string {
  return first17 + nationalIdCheckChar(first17);
}

describe('nationalIdCheckChar', () => {
  it('computes X for the standard example', () => {
    expect(nationalIdCheckChar('11010519491231002')).toBe('X');
  });

  it('computes the other standard example (440524188001010014)', () => {
    expect(nationalIdCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects non-digit or wrong-length input', () => {
    expect(() => nationalIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => nationalIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateNationalId', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    expect(validateNationalId(STANDARD_EXAMPLE, NOW)).toEqual({
      ok: true,
      value: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('derives male from an odd 17th digit', () => {
    const id = withCheck('33010619900307001');
    expect(validateNationalId(id, NOW)).toMatchObject({ ok: true, birthDate: '1990-03-07', sex: 'male' });
  });

  it('accepts lower-case x and normalises it to X', () => {
    expect(validateNationalId('11010519491231002x', NOW)).toMatchObject({ ok: true, value: STANDARD_EXAMPLE });
  });

  it('accepts fullwidth digits and surrounding spaces', () => {
    expect(validateNationalId(' １１０１０５１９４９１２３１００２ｘ ', NOW)).toMatchObject({
      ok: true,
      value: STANDARD_EXAMPLE,
    });
  });

  it('rejects a wrong check character', () => {
    expect(validateNationalId('110105194912310021', NOW)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects a changed digit', () => {
    expect(validateNationalId('11010519491231003X', NOW)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects 15-digit (first-generation) and other wrong lengths', () => {
    expect(validateNationalId('110105491231002', NOW)).toEqual({ ok: false, reason: 'length' });
    expect(validateNationalId('', NOW)).toEqual({ ok: false, reason: 'length' });
    expect(validateNationalId(`${STANDARD_EXAMPLE}0`, NOW)).toEqual({ ok: false, reason: 'length' });
  });

  it('rejects letters other than a final X as format', () => {
    expect(validateNationalId('11010519491231002Y', NOW)).toEqual({ ok: false, reason: 'format' });
    expect(validateNationalId('1101051949123100X2', NOW)).toEqual({ ok: false, reason: 'format' });
    expect(validateNationalId('11010519491231-02X', NOW)).toEqual({ ok: false, reason: 'format' });
  });

  it.each(['19990230', '19990931', '20230229', '19991301', '19990100', '19990001'])(
    'rejects the impossible date %s even with a correct check character',
    (date) => {
      expect(validateNationalId(withCheck(`110105${date}001`), NOW)).toEqual({ ok: false, reason: 'birthdate' });
    },
  );

  it('accepts 29 February in a leap year, including 2000', () => {
    expect(validateNationalId(withCheck('11010520000229001'), NOW)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateNationalId(withCheck('11010519000228001'), NOW)).toMatchObject({ ok: true });
    expect(validateNationalId(withCheck('11010519000229001'), NOW)).toEqual({ ok: false, reason: 'birthdate' });
  });

  it('rejects births before 1900 (the other GB 11643 example, born 1880)', () => {
    expect(validateNationalId('440524188001010014', NOW)).toEqual({ ok: false, reason: 'birthdate' });
    expect(validateNationalId(withCheck('11010518991231001'), NOW)).toEqual({ ok: false, reason: 'birthdate' });
    expect(validateNationalId(withCheck('11010519000101001'), NOW)).toMatchObject({ ok: true });
  });

  it('rejects a birth date after today, judged in China time', () => {
    expect(validateNationalId(withCheck('11010520250616001'), NOW)).toEqual({ ok: false, reason: 'birthdate' });
    expect(validateNationalId(withCheck('11010520250615001'), NOW)).toMatchObject({ ok: true });
    // 2025-06-15T17:00Z is already 06-16 in Beijing.
    const lateUtc = new Date('2025-06-15T17:00:00Z');
    expect(validateNationalId(withCheck('11010520250616001'), lateUtc)).toMatchObject({ ok: true });
  });

  it.each(['00', '10', '16', '20', '38', '47', '55', '60', '66', '70', '72', '80', '84', '99'])(
    'rejects the province prefix %s',
    (prefix) => {
      expect(validateNationalId(withCheck(`${prefix}010519491231002`), NOW)).toEqual({ ok: false, reason: 'region' });
    },
  );

  it.each(['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82'])(
    'accepts the province prefix %s',
    (prefix) => {
      expect(validateNationalId(withCheck(`${prefix}010519491231002`), NOW).ok).toBe(true);
    },
  );
});
