export type DueBucket = 'overdue' | 'today' | 'upcoming';

/** China has one time zone and no daylight saving: a day starts at 16:00 UTC the day before. */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The start of today and of tomorrow, as instants, for a salesperson in China. */
export function dayBounds(now: Date): { startOfToday: Date; startOfTomorrow: Date } {
  const local = now.getTime() + OFFSET_MS;
  const start = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS;
  return { startOfToday: new Date(start), startOfTomorrow: new Date(start + DAY_MS) };
}

/**
 * Where an open task belongs: past its time is overdue, even earlier today (a call promised for
 * 10:00 and not made by 15:00 is late); what is still ahead today is today's; the rest upcoming.
 */
export function dueBucket(dueAt: Date, now: Date): DueBucket {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return dueAt.getTime() < dayBounds(now).startOfTomorrow.getTime() ? 'today' : 'upcoming';
}

/** The same buckets as a half-open range of due times `[from, to)`, for a query. */
export function dueRange(bucket: DueBucket, now: Date): { from: Date | null; to: Date | null } {
  const { startOfTomorrow } = dayBounds(now);
  switch (bucket) {
    case 'overdue':
      return { from: null, to: now };
    case 'today':
      return { from: now, to: startOfTomorrow };
    case 'upcoming':
      return { from: startOfTomorrow, to: null };
  }
}
