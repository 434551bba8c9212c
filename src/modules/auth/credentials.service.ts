import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { apiTokens, sessions } from './auth.tables.ts';
import { formatApiToken, formatSessionValue, hashSecret, newSecret } from './rules/secrets.ts';

export const SESSION_DAYS = 14;

export async function createSession(
  tx: Tx,
  tenantId: string,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; cookieValue: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const [row] = await tx
    .insert(sessions)
    .values({ tenantId, userId, tokenHash: hashSecret(secret), expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null })
    .returning({ id: sessions.id });
  return { id: row!.id, cookieValue: formatSessionValue(tenantId, secret), expiresAt };
}

/** The user behind a live session secret, or undefined. */
export async function sessionUser(tx: Tx, secret: string): Promise<{ sessionId: string; userId: string } | undefined> {
  const [row] = await tx
    .select({ sessionId: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashSecret(secret)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends a user's sessions (and API tokens too, when asked), e.g. on deactivation. */
export async function revokeUserCredentials(
  tx: Tx,
  userId: string,
  options: { tokens: boolean; exceptSessionId?: string },
): Promise<void> {
  const now = new Date();
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        options.exceptSessionId ? sql`${sessions.id} <> ${options.exceptSessionId}` : undefined,
      ),
    );
  if (options.tokens) {
    await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  }
}

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

const toApiToken = (r: typeof apiTokens.$inferSelect): ApiToken => ({
  id: r.id,
  name: r.name,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function createApiToken(
  tx: Tx,
  actor: Actor & { userId: string },
  name: string,
): Promise<ApiToken & { token: string }> {
  const secret = newSecret();
  const [row] = await tx
    .insert(apiTokens)
    .values({ tenantId: actor.tenantId, userId: actor.userId, name, tokenHash: hashSecret(secret) })
    .returning();
  const token = toApiToken(row!);
  await recordAudit(tx, actor, { action: 'api_token.create', entity: 'api_token', entityId: token.id, after: token });
  return { ...token, token: formatApiToken(actor.tenantId, secret) };
}

export async function listApiTokens(tx: Tx, userId: string): Promise<ApiToken[]> {
  const rows = await tx.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

export async function revokeApiToken(tx: Tx, actor: Actor & { userId: string }, id: string): Promise<void> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .returning();
  if (!row) throw notFound();
  await recordAudit(tx, actor, { action: 'api_token.revoke', entity: 'api_token', entityId: id, before: toApiToken(row) });
}

/** The user behind a live API token; marks it used (at most once a minute, to spare writes). */
export async function tokenUser(tx: Tx, secret: string): Promise<{ userId: string } | undefined> {
  const [row] = await tx
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashSecret(secret)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
  }
  return { userId: row.userId };
}
