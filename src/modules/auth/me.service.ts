import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import type { Locale } from '../../server/messages.ts';
import { getActorProfile, setUserPassword, updateUser } from '../org/index.ts';
import { getTenant } from '../tenants/index.ts';
import { revokeUserCredentials } from './credentials.service.ts';
import { verifyPassword } from './rules/passwords.ts';

export async function getMe(tx: Tx, caller: Caller) {
  const profile = await getActorProfile(tx, caller.userId);
  const tenant = await getTenant(tx, caller.tenantId);
  const u = profile!.user;
  return {
    user: { id: u.id, name: u.name, email: u.email, mobile: u.mobile, roleKey: u.roleKey, teamId: u.teamId, locale: u.locale },
    tenant,
    permissions: [...profile!.role.permissions],
    dataScope: profile!.role.dataScope,
  };
}

export type MePatch = { name?: string; locale?: Locale; password?: string; currentPassword?: string };

/** A user's own settings. A new password needs the current one and ends the user's other sessions. */
export async function updateMe(tx: Tx, caller: Caller, patch: MePatch) {
  if (patch.password !== undefined) {
    const profile = await getActorProfile(tx, caller.userId);
    if (!patch.currentPassword || !(await verifyPassword(patch.currentPassword, profile!.passwordHash))) {
      throw new AppError(400, 'wrong_password', { currentPassword: 'wrong_password' });
    }
  }
  const { currentPassword: _current, password, ...changes } = patch;
  if (Object.keys(changes).length > 0) await updateUser(tx, caller, caller.userId, changes);
  if (password !== undefined) {
    await setUserPassword(tx, caller, caller.userId, password);
    await revokeUserCredentials(tx, caller.userId, { tokens: false, exceptSessionId: caller.sessionId });
  }
  return getMe(tx, caller);
}

/** The caller right after login, before any request carried the new cookie. */
export async function resolveCallerInTx(
  tx: Tx,
  tenantId: string,
  userId: string,
  req: { ip: string; id: string; locale: Locale },
): Promise<Caller> {
  const profile = await getActorProfile(tx, userId);
  return {
    tenantId,
    userId,
    name: profile!.user.name,
    roleKey: profile!.user.roleKey,
    teamId: profile!.user.teamId,
    dataScope: profile!.role.dataScope,
    permissions: profile!.role.permissions,
    locale: profile!.user.locale,
    via: 'session',
    ip: req.ip,
    requestId: req.id,
  };
}
