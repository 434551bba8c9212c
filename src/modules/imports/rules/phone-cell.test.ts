import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../../lib/phone.ts';
import { quickMobile, readPhoneCell } from './phone-cell.ts';

describe('readPhoneCell', () => {
  it('normalises one mobile to E.164', () => {
    expect(readPhoneCell('138 1234 5678')).toEqual({ status: 'valid', e164: '+8613812345678', mobile: true, others: [] });
    expect(readPhoneCell('+86-138-1234-5678')).toMatchObject({ e164: '+8613812345678' });
    expect(readPhoneCell('１３８１２３４５６７８')).toMatchObject({ e164: '+8613812345678' });
    expect(readPhoneCell('手机：13812345678')).toMatchObject({ e164: '+8613812345678' });
  });

  it('takes the first mobile of several and keeps the rest', () => {
    expect(readPhoneCell('0571-88888888/13812345678；13987654321')).toEqual({
      status: 'valid',
      e164: '+8613812345678',
      mobile: true,
      others: ['+8657188888888', '+8613987654321'],
    });
    expect(readPhoneCell('13812345678 13987654321')).toMatchObject({ e164: '+8613812345678', others: ['+8613987654321'] });
  });

  it('uses a landline when there is no mobile', () => {
    expect(readPhoneCell('0571-88888888')).toEqual({ status: 'valid', e164: '+8657188888888', mobile: false, others: [] });
  });

  it('reports empty and invalid cells', () => {
    expect(readPhoneCell('  ')).toEqual({ status: 'empty' });
    expect(readPhoneCell('1381234567')).toEqual({ status: 'invalid', raw: '1381234567' });
    expect(readPhoneCell('1.38123E+10')).toEqual({ status: 'invalid', raw: '1.38123E+10' });
    expect(readPhoneCell('打过去没人接')).toMatchObject({ status: 'invalid' });
  });
});

describe('quickMobile', () => {
  it('agrees with checkPhone on every 5-digit prefix of an 11-digit number starting with 1', () => {
    const disagreements: string[] = [];
    for (let prefix = 10000; prefix <= 19999; prefix++) {
      for (const suffix of ['000000', '987654']) {
        const number = `${prefix}${suffix}`;
        const full = checkPhone(number);
        const expected = full.ok && full.type === 'mobile' ? full.e164 : null;
        if (quickMobile(number) !== expected) disagreements.push(number);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('reads the usual spellings and leaves the rest to the full check', () => {
    expect(quickMobile('+86 138-1234-5678')).toBe('+8613812345678');
    expect(quickMobile('0086 13812345678')).toBe('+8613812345678');
    expect(quickMobile('(138) 1234 5678')).toBe('+8613812345678');
    expect(quickMobile('8613812345678')).toBeNull();
    expect(quickMobile('0571-88888888')).toBeNull();
    expect(quickMobile('14012345678')).toBeNull();
  });
});
