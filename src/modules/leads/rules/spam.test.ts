import { describe, expect, it } from 'vitest';
import { judgeSubmission } from './spam.ts';

const now = Date.parse('2026-06-01T10:00:00Z');

describe('judgeSubmission', () => {
  it('lets a person through', () => {
    expect(judgeSubmission({ honeypot: '', startedAt: now - 20_000, now, recentFromIp: 0 })).toBe('ok');
  });
  it('catches the honeypot, instant posts, replays and floods', () => {
    expect(judgeSubmission({ honeypot: 'http://spam', startedAt: now - 20_000, now, recentFromIp: 0 })).toBe('honeypot');
    expect(judgeSubmission({ startedAt: now - 500, now, recentFromIp: 0 })).toBe('too_fast');
    expect(judgeSubmission({ startedAt: null, now, recentFromIp: 0 })).toBe('stale');
    expect(judgeSubmission({ startedAt: now + 60_000, now, recentFromIp: 0 })).toBe('stale');
    expect(judgeSubmission({ startedAt: now - 2 * 86_400_000, now, recentFromIp: 0 })).toBe('stale');
    expect(judgeSubmission({ startedAt: now - 20_000, now, recentFromIp: 5 })).toBe('rate_limited');
  });
});
