import { and, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { checkPhone } from '../../lib/phone.ts';
import type { Actor, Caller } from '../../server/caller.ts';
import { AppError, notFound, uniqueViolationField } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword } from '../auth/rules/passwords.ts';
import { revokeUserCredentials } from '../auth/credentials.service.ts';
import { roles, users, teams, type RoleKey, type UserStatus } from './org.tables.ts';
import type { Permission } from './permissions.ts';
import { teamSubtree } from './teams.service.ts';
import type { Locale } from '../../server/messages.ts';

export type User = {
  id: string;
  name: string;
  email: string | null;
  mobile: string | null;
  roleKey: RoleKey;
  teamId: string | null;
  status: UserStatus;
  locale: Locale;
  createdAt: string;
  lastLoginAt: string | null;
};

type UserRow = typeof users.$inferSelect;

const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  email: r.email,
  mobile: r.mobile,
  roleKey: r.roleKey,
  teamId: r.teamId,
  status: r.status,
  locale: r.locale,
  createdAt: r.createdAt.toISOString(),
  lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
});

export type UserSort = 'name' | '-name' | 'createdAt' | '-createdAt';

export async function listUsers(
  tx: Tx,
  filter: { q?: string; roleKey?: RoleKey; teamId?: string; status?: UserStatus; sort?: UserSort; limit: number; cursor?: string },
): Promise<Page<User>> {
  const sort = filter.sort ?? 'name';
  const column = sort.endsWith('name') ? users.name : users.createdAt;
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const { where: after, orderBy } = keyset({ column, direction }, users.id, filter.cursor);
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const rows = await tx
    .select()
    .from(users)
    .where(
      and(
        q ? or(ilike(users.name, q), ilike(users.email, q), ilike(users.mobile, q)) : undefined,
        filter.roleKey ? eq(users.roleKey, filter.roleKey) : undefined,
        filter.teamId ? eq(users.teamId, filter.teamId) : undefined,
        filter.status ? eq(users.status, filter.status) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, toUser, (r) => [
    column === users.name ? r.name : r.createdAt.toISOString(),
    r.id,
  ]);
}

async function findUser(tx: Tx, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getUser(tx: Tx, id: string): Promise<User> {
  return toUser(await findUser(tx, id));
}

function normaliseMobile(mobile: string | null | undefined): string | null | undefined {
  if (mobile === undefined || mobile === null || mobile.trim() === '') return mobile === undefined ? undefined : null;
  const check = checkPhone(mobile);
  if (!check.ok) throw new AppError(400, 'validation_failed', { mobile: 'invalid_mobile' });
  return check.e164;
}

async function assertTeam(tx: Tx, teamId: string | null | undefined) {
  if (!teamId) return;
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), sql`${teams.deletedAt} is null`));
  if (!row) throw new AppError(400, 'validation_failed', { teamId: 'invalid_reference' });
}

function mapUnique(error: unknown): never {
  const field = uniqueViolationField(error, { email: 'email', mobile: 'mobile' });
  if (field) throw new AppError(409, 'duplicate', { [field]: 'duplicate' });
  throw error;
}

export type CreateUserInput = {
  name: string;
  email?: string | null;
  mobile?: string | null;
  password: string;
  roleKey: RoleKey;
  teamId?: string | null;
  locale?: Locale;
};

export async function createUser(tx: Tx, actor: Actor, input: CreateUserInput): Promise<User> {
  const mobile = normaliseMobile(input.mobile) ?? null;
  const email = input.email?.trim() || null;
  if (!email && !mobile) throw new AppError(400, 'validation_failed', { email: 'required', mobile: 'required' });
  await assertTeam(tx, input.teamId);
  const passwordHash = await hashPassword(input.password);
  const [row] = await tx
    .insert(users)
    .values({
      tenantId: actor.tenantId,
      name: input.name,
      email,
      mobile,
      passwordHash,
      roleKey: input.roleKey,
      teamId: input.teamId ?? null,
      locale: input.locale ?? 'zh-CN',
    })
    .returning()
    .catch(mapUnique);
  const user = toUser(row!);
  await recordAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: user.id, after: user });
  return user;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'password'>> & { status?: UserStatus; password?: string };

async function activeAdminCount(tx: Tx, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.roleKey, 'admin'), eq(users.status, 'active'), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

export async function updateUser(tx: Tx, actor: Actor, id: string, patch: UpdateUserInput): Promise<User> {
  const beforeRow = await findUser(tx, id);
  const before = toUser(beforeRow);
  const losesAdmin =
    beforeRow.roleKey === 'admin' &&
    beforeRow.status === 'active' &&
    ((patch.roleKey !== undefined && patch.roleKey !== 'admin') || patch.status === 'inactive');
  if (losesAdmin && (await activeAdminCount(tx, id)) === 0) throw new AppError(409, 'last_admin');
  await assertTeam(tx, patch.teamId);
  const mobile = normaliseMobile(patch.mobile);
  const email = patch.email === undefined ? undefined : patch.email?.trim() || null;
  if ((email === null || (email === undefined && !beforeRow.email)) && (mobile === null || (mobile === undefined && !beforeRow.mobile))) {
    throw new AppError(400, 'validation_failed', { email: 'required', mobile: 'required' });
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const [row] = await tx
    .update(users)
    .set({
      name: patch.name,
      email,
      mobile,
      roleKey: patch.roleKey,
      teamId: patch.teamId,
      locale: patch.locale,
      status: patch.status,
      passwordHash,
      updatedAt: new Date(),
    })
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, id)))
    .returning()
    .catch(mapUnique);
  const after = toUser(row!);
  // Deactivation ends every way in (sessions and API tokens); a new password ends the sessions.
  if (patch.status === 'inactive' && before.status === 'active') await revokeUserCredentials(tx, id, { tokens: true });
  else if (passwordHash) await revokeUserCredentials(tx, id, { tokens: false });
  await recordAudit(tx, actor, {
    action: userAuditAction(before, after),
    entity: 'user',
    entityId: id,
    before,
    after: passwordHash ? { ...after, password: 'changed' } : after,
  });
  return after;
}

function userAuditAction(before: User, after: User): string {
  if (before.status !== after.status) return after.status === 'inactive' ? 'user.deactivate' : 'user.reactivate';
  if (before.roleKey !== after.roleKey) return 'user.role_change';
  return 'user.update';
}

/** Sets a password without ending sessions; the caller decides which sessions survive. */
export async function setUserPassword(tx: Tx, actor: Actor, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
  await recordAudit(tx, actor, { action: 'user.password_change', entity: 'user', entityId: userId });
}

export async function touchLastLogin(tx: Tx, userId: string): Promise<void> {
  await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

/** What authentication needs to know of a user: active or not, role, scope, permissions (one query). */
export async function getActorProfile(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ user: users, dataScope: roles.dataScope, permissions: roles.permissions })
    .from(users)
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.key, users.roleKey)))
    .where(eq(users.id, userId));
  if (!row) return undefined;
  const role = { key: row.user.roleKey, dataScope: row.dataScope, permissions: row.permissions as Permission[] };
  return { user: toUser(row.user), passwordHash: row.user.passwordHash, role };
}

/**
 * The owners whose records a caller may see: undefined means everyone (scope "all");
 * "team" covers the caller's team and every team below it; "own" only the caller.
 */
export async function visibleOwnerIds(tx: Tx, caller: Caller): Promise<string[] | undefined> {
  switch (caller.dataScope) {
    case 'all':
      return undefined;
    case 'own':
      return [caller.userId];
    case 'team': {
      if (!caller.teamId) return [caller.userId];
      const teamIds = await teamSubtree(tx, caller.teamId);
      const rows = await tx.select({ id: users.id }).from(users).where(inArray(users.teamId, teamIds));
      return [...new Set([caller.userId, ...rows.map((r) => r.id)])];
    }
  }
}

export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}


export type Member = { id: string; name: string; teamId: string | null; status: UserStatus };

/** Who may receive work: every user of the tenant, or those of the given ids/teams, with status and team. */
export async function listMembers(tx: Tx, filter: { ids?: string[]; teamIds?: string[] } = {}): Promise<Member[]> {
  if ((filter.ids && filter.ids.length === 0) || (filter.teamIds && filter.teamIds.length === 0)) return [];
  return tx
    .select({ id: users.id, name: users.name, teamId: users.teamId, status: users.status })
    .from(users)
    .where(and(filter.ids ? inArray(users.id, filter.ids) : undefined, filter.teamIds ? inArray(users.teamId, filter.teamIds) : undefined))
    .orderBy(users.id);
}
