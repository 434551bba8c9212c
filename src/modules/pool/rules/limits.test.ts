import { describe, expect, it } from 'vitest';
import { claimRefusal, effectiveLimits, levelFromScore } from './limits.ts';

describe('claim limits', () => {
  const pool = { dailyClaimLimit: 20, privateCap: 200 };
  const person = { userId: 'u1', roleKey: 'sales' };

  it('takes a person’s own limit over their role’s, and the role’s over the pool’s, per limit', () => {
    expect(effectiveLimits(pool, [], person)).toEqual(pool);
    const role = { subjectKind: 'role' as const, subject: 'sales', dailyClaimLimit: 5, privateCap: 50 };
    expect(effectiveLimits(pool, [role], person)).toEqual({ dailyClaimLimit: 5, privateCap: 50 });
    const own = { subjectKind: 'user' as const, subject: 'u1', dailyClaimLimit: 2, privateCap: null };
    expect(effectiveLimits(pool, [role, own], person)).toEqual({ dailyClaimLimit: 2, privateCap: 50 });
    expect(effectiveLimits(pool, [own], { userId: 'u2', roleKey: 'manager' })).toEqual(pool);
  });

  it('refuses the claim that would pass a limit, the daily one first', () => {
    expect(claimRefusal({ dailyClaimLimit: 2, privateCap: 3 }, { claimedToday: 1, held: 2 })).toBeNull();
    expect(claimRefusal({ dailyClaimLimit: 2, privateCap: 3 }, { claimedToday: 2, held: 0 })).toBe('daily_limit');
    expect(claimRefusal({ dailyClaimLimit: 2, privateCap: 3 }, { claimedToday: 0, held: 3 })).toBe('private_cap');
    expect(claimRefusal({ dailyClaimLimit: 0, privateCap: 3 }, { claimedToday: 0, held: 0 })).toBe('daily_limit');
  });

  it('grades leads by score', () => {
    expect([levelFromScore(70), levelFromScore(69), levelFromScore(40), levelFromScore(39), levelFromScore(null)]).toEqual(['A', 'B', 'B', 'C', null]);
  });
});
