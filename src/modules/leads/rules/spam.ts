/** Why a public form submission is treated as spam, or 'ok'. */
export type SpamVerdict = 'ok' | 'honeypot' | 'too_fast' | 'stale' | 'rate_limited';

export const SPAM_POLICY = {
  /** A person needs a few seconds to fill in a form; scripts post at once. */
  minFillMs: 2_500,
  /** A form page older than this was cached or replayed. */
  maxAgeMs: 24 * 3_600_000,
  /** Submissions per address per form in the window before answering 429. */
  perIp: 5,
  windowMs: 10 * 60_000,
} as const;

/**
 * Anti-spam without a CAPTCHA: a hidden field only bots fill in, the time between the page being
 * served and the submission, and a per-address limit.
 */
export function judgeSubmission(input: { honeypot?: string | null; startedAt?: number | null; now: number; recentFromIp: number }, policy = SPAM_POLICY): SpamVerdict {
  if (input.recentFromIp >= policy.perIp) return 'rate_limited';
  if (input.honeypot && input.honeypot.trim() !== '') return 'honeypot';
  if (!input.startedAt || input.startedAt > input.now) return 'stale';
  const elapsed = input.now - input.startedAt;
  if (elapsed < policy.minFillMs) return 'too_fast';
  if (elapsed > policy.maxAgeMs) return 'stale';
  return 'ok';
}
