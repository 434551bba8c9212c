/** Failed-login limits: per account and per client IP, over a sliding window. */
export type ThrottlePolicy = { maxFailures: number; windowMinutes: number; lockMinutes: number };

export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
export const IP_POLICY: ThrottlePolicy = { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 };

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/** Minutes left on a lock (rounded up), or 0 when the key may try. */
export function lockMinutesLeft(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000);
}

/** The state after one more failure: a new window once the old one has passed; a lock at the limit. */
export function afterFailure(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowOpen =
    state !== undefined && now.getTime() - state.windowStartedAt.getTime() < policy.windowMinutes * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil =
    failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : (state?.lockedUntil ?? null);
  return { failures, windowStartedAt, lockedUntil };
}
