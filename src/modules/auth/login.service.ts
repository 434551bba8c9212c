import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.ts';
import { checkPhone } from '../../lib/phone.ts';
import { AppError } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { touchLastLogin } from '../org/index.ts';
import { createSession } from './credentials.service.ts';
import { DUMMY_HASH, verifyPassword } from './rules/passwords.ts';
import { clearAccount, recordFailure, throttleWait } from './throttle.service.ts';

export type LoginInput = { login: string; password: string; tenant?: string };
export type LoginMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

type Candidate = { tenant_id: string; user_id: string; password_hash: string; status: 'active' | 'inactive' };

/** Reads a login as an e-mail address or a mobile number (any spelling; stored as E.164). */
export function parseLogin(login: string): { email: string | null; mobile: string | null; key: string } {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return { email: trimmed.toLowerCase(), mobile: null, key: trimmed.toLowerCase() };
  const phone = checkPhone(trimmed);
  return phone.ok ? { email: null, mobile: phone.e164, key: phone.e164 } : { email: null, mobile: null, key: trimmed };
}

/**
 * Checks a password login under the throttle; on success opens a session. Throws 429 while the
 * account or IP is locked, 401 for a wrong login or password, 403 for a deactivated user.
 */
export async function login(db: Database, input: LoginInput, meta: LoginMeta) {
  const parsed = parseLogin(input.login);
  const keys = { account: parsed.key, ip: meta.ip };
  const now = new Date();
  const wait = await db.systemTx((tx) => throttleWait(tx, keys, now));
  if (wait > 0) throw new AppError(429, 'too_many_attempts', undefined, { minutes: wait });

  const candidates =
    parsed.email || parsed.mobile
      ? await db.systemTx((tx) =>
          queryRows<Candidate>(
            tx,
            sql`select * from tide_login_candidates(${parsed.email}, ${parsed.mobile}, ${input.tenant?.trim() || null})`,
          ),
        )
      : [];
  let match: Candidate | undefined;
  for (const c of candidates) {
    if (await verifyPassword(input.password, c.password_hash)) {
      match = c;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(input.password, DUMMY_HASH);

  if (!match) {
    await db.systemTx((tx) => recordFailure(tx, keys, now));
    for (const c of candidates) {
      await db.tenantTx(c.tenant_id, (tx) =>
        recordAudit(tx, { tenantId: c.tenant_id, userId: c.user_id, ip: meta.ip, requestId: meta.requestId }, {
          action: 'auth.login_failed',
          entity: 'user',
          entityId: c.user_id,
        }),
      );
    }
    throw new AppError(401, 'invalid_credentials');
  }
  if (match.status !== 'active') throw new AppError(403, 'user_inactive');

  await db.systemTx((tx) => clearAccount(tx, parsed.key));
  const { tenant_id: tenantId, user_id: userId } = match;
  const session = await db.tenantTx(tenantId, async (tx) => {
    const created = await createSession(tx, tenantId, userId, meta);
    await touchLastLogin(tx, userId);
    await recordAudit(tx, { tenantId, userId, ip: meta.ip, requestId: meta.requestId }, {
      action: 'auth.login',
      entity: 'session',
      entityId: created.id,
    });
    return created;
  });
  return { tenantId, userId, session };
}
