import { describe, expect, it } from 'vitest';
import { parseOrderTime } from './parse-order-time.ts';

const iso = (raw: string) => {
  const r = parseOrderTime(raw);
  return r.ok ? r.value : r.reason;
};

describe('parseOrderTime', () => {
  it('reads ISO times with a zone', () => {
    expect(iso('2024-03-05T14:03:00+08:00')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('2024-03-05T06:03:00Z')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('2024-03-05 14:03:00.250+0800')).toBe('2024-03-05T06:03:00.250Z');
  });

  it('reads times without a zone as China time', () => {
    expect(iso('2024/3/5 14:03')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('2024-03-05 14:03:07')).toBe('2024-03-05T06:03:07.000Z');
    expect(iso('2024.3.5 9:05')).toBe('2024-03-05T01:05:00.000Z');
    expect(iso('2024-03-05')).toBe('2024-03-04T16:00:00.000Z');
  });

  it('reads Chinese dates and times', () => {
    expect(iso('2024年3月5日')).toBe('2024-03-04T16:00:00.000Z');
    expect(iso('2024年3月5日 14:03')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('2024年3月5日14时3分')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('2024年03月05日 14时03分20秒')).toBe('2024-03-05T06:03:20.000Z');
    expect(iso('2024/3/5 下午2:03')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('2024/3/5 上午12:30')).toBe('2024-03-04T16:30:00.000Z');
    expect(iso('2024/3/5 2:03 PM')).toBe('2024-03-05T06:03:00.000Z');
  });

  it('reads compact dates, Unix time and Excel serial numbers', () => {
    expect(iso('20240305')).toBe('2024-03-04T16:00:00.000Z');
    expect(iso('20240305140300')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('1709618580')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('1709618580000')).toBe('2024-03-05T06:03:00.000Z');
    expect(iso('45356.5')).toBe('2024-03-05T04:00:00.000Z'); // 2024-03-05 12:00 in China
  });

  it('refuses impossible dates and what is not a time', () => {
    expect(iso('')).toBe('empty');
    expect(iso('2024-02-30')).toBe('invalid');
    expect(iso('2023-02-29 10:00')).toBe('invalid');
    expect(iso('2024-03-05 25:00')).toBe('invalid');
    expect(iso('2024/3/5 下午13:00')).toBe('invalid');
    expect(iso('1969-12-31')).toBe('invalid');
    expect(iso('昨天')).toBe('invalid');
    expect(iso('3/5/2024')).toBe('invalid'); // month/day order is ambiguous
  });

  it('accepts 29 February in a leap year', () => {
    expect(iso('2024-02-29')).toBe('2024-02-28T16:00:00.000Z');
  });
});
