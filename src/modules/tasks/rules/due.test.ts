import { describe, expect, it } from 'vitest';
import { dayBounds, dueBucket, dueRange, type DueBucket } from './due.ts';

describe('due buckets in China time', () => {
  it('a day runs from midnight in Shanghai, which is 16:00 UTC the day before', () => {
    expect(dayBounds(new Date('2026-03-10T02:00:00Z'))).toEqual({ startOfToday: new Date('2026-03-09T16:00:00Z'), startOfTomorrow: new Date('2026-03-10T16:00:00Z') });
    // 23:30 in Shanghai is still the same local day although UTC has not reached it yet.
    expect(dayBounds(new Date('2026-03-10T15:30:00Z')).startOfTomorrow).toEqual(new Date('2026-03-10T16:00:00Z'));
    // 00:10 in Shanghai is already the next day.
    expect(dayBounds(new Date('2026-03-10T16:10:00Z')).startOfToday).toEqual(new Date('2026-03-10T16:00:00Z'));
  });

  it('past its time is overdue even earlier today; the rest of today is today; later is upcoming', () => {
    const now = new Date('2026-03-10T07:00:00Z'); // 15:00 in Shanghai
    expect(dueBucket(new Date('2026-03-10T02:00:00Z'), now)).toBe('overdue'); // 10:00 today
    expect(dueBucket(new Date('2026-03-08T02:00:00Z'), now)).toBe('overdue');
    expect(dueBucket(new Date('2026-03-10T09:00:00Z'), now)).toBe('today'); // 17:00 today
    expect(dueBucket(new Date('2026-03-10T15:59:59Z'), now)).toBe('today'); // 23:59:59 today
    expect(dueBucket(new Date('2026-03-10T16:00:00Z'), now)).toBe('upcoming'); // midnight
  });

  it('the ranges for a query put every time in the same bucket as dueBucket, and in one only', () => {
    const now = new Date('2026-03-10T07:00:00Z');
    const buckets: DueBucket[] = ['overdue', 'today', 'upcoming'];
    for (let h = -72; h <= 72; h += 0.5) {
      const due = new Date(now.getTime() + h * 3_600_000);
      const inside = buckets.filter((b) => {
        const { from, to } = dueRange(b, now);
        return (!from || due >= from) && (!to || due < to);
      });
      expect(inside).toEqual([dueBucket(due, now)]);
    }
  });
});
