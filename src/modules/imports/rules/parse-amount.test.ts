import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount.ts';

const value = (raw: string) => {
  const r = parseAmount(raw);
  return r.ok ? r.value : r.reason;
};

describe('parseAmount', () => {
  it('reads the usual ways of writing yuan', () => {
    expect(value('¥1,234.50')).toBe('1234.50');
    expect(value('￥ 99')).toBe('99.00');
    expect(value('1234.5元')).toBe('1234.50');
    expect(value('RMB 88.00')).toBe('88.00');
    expect(value('人民币100元')).toBe('100.00');
    expect(value('0')).toBe('0.00');
    expect(value('.5')).toBe('0.50');
    expect(value('１２３．４')).toBe('123.40');
    expect(value('1.2万')).toBe('12000.00');
    expect(value('1,234,567.891')).toBe('1234567.89');
  });

  it('rounds more than two decimals half up and says so', () => {
    expect(parseAmount('10.005')).toEqual({ ok: true, value: '10.01', rounded: true });
    expect(parseAmount('10.004')).toEqual({ ok: true, value: '10.00', rounded: true });
    expect(parseAmount('10.50')).toEqual({ ok: true, value: '10.50', rounded: false });
    // 0.1 + 0.2 style errors cannot happen: the arithmetic is on integers.
    expect(value('0.285')).toBe('0.29');
  });

  it('refuses negative amounts', () => {
    expect(value('-12')).toBe('negative');
    expect(value('¥-12.00')).toBe('negative');
    expect(value('-¥12.00')).toBe('negative');
    expect(value('(12.00)')).toBe('negative');
    expect(value('-0')).toBe('0.00');
  });

  it('refuses what is not an amount', () => {
    expect(value('')).toBe('empty');
    expect(value('免费')).toBe('invalid');
    expect(value('12,5')).toBe('invalid'); // a decimal comma is ambiguous
    expect(value('1.2.3')).toBe('invalid');
    expect(value('1e5')).toBe('invalid');
    expect(value('1000000000000')).toBe('too_large');
  });
});
