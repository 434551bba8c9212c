/** A pool's default limits, and overrides for a role or a person. */
export type Limits = { dailyClaimLimit: number; privateCap: number };
export type LimitOverride = { subjectKind: 'role' | 'user'; subject: string; dailyClaimLimit: number | null; privateCap: number | null };

/** The limits that bind one person: their own override, else their role's, else the pool's, per limit. */
export function effectiveLimits(pool: Limits, overrides: readonly LimitOverride[], person: { userId: string; roleKey: string }): Limits {
  const own = overrides.find((o) => o.subjectKind === 'user' && o.subject === person.userId);
  const role = overrides.find((o) => o.subjectKind === 'role' && o.subject === person.roleKey);
  return {
    dailyClaimLimit: own?.dailyClaimLimit ?? role?.dailyClaimLimit ?? pool.dailyClaimLimit,
    privateCap: own?.privateCap ?? role?.privateCap ?? pool.privateCap,
  };
}

export type ClaimRefusal = 'daily_limit' | 'private_cap';

/** Whether one more claim fits: claims made today and records held now, against the limits. */
export function claimRefusal(limits: Limits, usage: { claimedToday: number; held: number }): ClaimRefusal | null {
  if (usage.claimedToday >= limits.dailyClaimLimit) return 'daily_limit';
  if (usage.held >= limits.privateCap) return 'private_cap';
  return null;
}

/** The level a lead enters a pool with, from its score: A ≥ 70, B ≥ 40, else C; unscored stays unset. */
export function levelFromScore(score: number | null | undefined): string | null {
  if (score === null || score === undefined) return null;
  return score >= 70 ? 'A' : score >= 40 ? 'B' : 'C';
}
