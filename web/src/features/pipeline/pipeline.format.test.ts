import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatMoney, formatRate } from './pipeline.format.ts';

const t = ((key: string, options: { count: number }) => `${options.count}${key.split('.').pop()![0]}`) as unknown as TFunction;

describe('pipeline formats', () => {
  it('formats money with the yuan sign or the currency code', () => {
    expect(formatMoney('12345.5')).toBe('¥12,345.50');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('USD 0.00');
  });

  it('formats durations with the two largest units', () => {
    expect(formatDuration(t, 3 * 86_400 + 4 * 3_600 + 59)).toBe('3d 4h');
    expect(formatDuration(t, 2 * 86_400)).toBe('2d');
    expect(formatDuration(t, 3_600 + 120)).toBe('1h 2m');
    expect(formatDuration(t, 20)).toBe('1m');
    expect(formatDuration(t, 0)).toBe('0m');
    expect(formatDuration(t, null)).toBe('—');
  });

  it('formats rates as percentages', () => {
    expect(formatRate(0.6667)).toBe('66.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
});
