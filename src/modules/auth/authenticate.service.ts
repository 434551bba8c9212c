import type { Database } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import type { Locale } from '../../server/messages.ts';
import { getActorProfile } from '../org/index.ts';
import { sessionUser, tokenUser } from './credentials.service.ts';
import { parseApiToken, parseSessionValue } from './rules/secrets.ts';

export type Credentials = { bearer?: string; sessionCookie?: string };
export type RequestMeta = { ip: string | null; requestId: string | null; locale: Locale | undefined };

/** Resolves the caller from an API token or a session cookie value, in one tenant transaction. */
export async function resolveCaller(db: Database, credentials: Credentials, meta: RequestMeta): Promise<Caller | undefined> {
  const via = credentials.bearer ? 'token' : 'session';
  const parsed = credentials.bearer
    ? parseApiToken(credentials.bearer)
    : credentials.sessionCookie
      ? parseSessionValue(credentials.sessionCookie)
      : undefined;
  if (!parsed) return undefined;
  return db.tenantTx(parsed.tenantId, async (tx) => {
    const found = via === 'token' ? await tokenUser(tx, parsed.secret) : await sessionUser(tx, parsed.secret);
    if (!found) return undefined;
    const profile = await getActorProfile(tx, found.userId);
    if (!profile || profile.user.status !== 'active') return undefined;
    const caller: Caller = {
      tenantId: parsed.tenantId,
      userId: profile.user.id,
      name: profile.user.name,
      roleKey: profile.user.roleKey,
      teamId: profile.user.teamId,
      dataScope: profile.role.dataScope,
      permissions: profile.role.permissions,
      locale: meta.locale ?? profile.user.locale,
      via,
      sessionId: 'sessionId' in found ? (found.sessionId as string) : undefined,
      ip: meta.ip,
      requestId: meta.requestId,
    };
    return caller;
  });
}
