import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { loginThrottle } from './auth.tables.ts';
import { ACCOUNT_POLICY, IP_POLICY, afterFailure, lockMinutesLeft, type ThrottlePolicy } from './rules/throttle.ts';

export type ThrottleKeys = { account: string; ip: string | null };

const keysOf = (k: ThrottleKeys): [string, ThrottlePolicy][] => [
  [`account:${k.account.toLowerCase()}`, ACCOUNT_POLICY],
  ...(k.ip ? [[`ip:${k.ip}`, IP_POLICY] as [string, ThrottlePolicy]] : []),
];

/** Minutes until the account or IP may try again; 0 when it may try now. */
export async function throttleWait(tx: Tx, keys: ThrottleKeys, now: Date): Promise<number> {
  const names = keysOf(keys).map(([k]) => k);
  const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, names));
  return Math.max(0, ...rows.map((r) => lockMinutesLeft(r, now)));
}

export async function recordFailure(tx: Tx, keys: ThrottleKeys, now: Date): Promise<void> {
  for (const [key, policy] of keysOf(keys)) {
    // Row lock: two failures at the same moment both count.
    const [row] = await queryRows<{ failures: number; window_started_at: string; locked_until: string | null }>(
      tx,
      sql`select failures, window_started_at, locked_until from login_throttle where key = ${key} for update`,
    );
    const next = afterFailure(
      row
        ? { failures: Number(row.failures), windowStartedAt: new Date(row.window_started_at), lockedUntil: row.locked_until ? new Date(row.locked_until) : null }
        : undefined,
      now,
      policy,
    );
    await tx
      .insert(loginThrottle)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: loginThrottle.key, set: next });
  }
}

export async function clearAccount(tx: Tx, account: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, `account:${account.toLowerCase()}`));
}
