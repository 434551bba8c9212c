import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError, notFound, forbidden } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { listTeams, userNames } from '../org/index.ts';
import type { limitsBody, membersBody, poolBody, poolPatchBody, rulesBody } from './pool.schema.ts';
import { poolLimits, poolMembers, poolRules, pools, type PoolRow } from './pool.tables.ts';

/** The rules a new tenant's default pool starts with: the classic "7 days no follow-up, 15 days no deal". */
const DEFAULT_RULES = [
  { kind: 'no_follow_up' as const, days: 7 },
  { kind: 'no_won' as const, days: 15 },
];

/** Every tenant has one default pool; made on first need, so old tenants get one too. */
export async function ensureDefaultPool(tx: Tx, tenantId: string): Promise<PoolRow> {
  const [existing] = await tx.select().from(pools).where(and(eq(pools.isDefault, true), isNull(pools.deletedAt)));
  if (existing) return existing;
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO pools (tenant_id, name, is_default) VALUES (${tenantId}, '公海', true)
        ON CONFLICT (tenant_id) WHERE deleted_at IS NULL AND is_default DO NOTHING RETURNING id`,
  );
  if (created) {
    await tx.insert(poolRules).values(DEFAULT_RULES.map((r, position) => ({ tenantId, poolId: created.id, level: null, ...r, position })));
  }
  const [row] = await tx.select().from(pools).where(and(eq(pools.isDefault, true), isNull(pools.deletedAt)));
  return row!;
}

export async function activePools(tx: Tx, tenantId: string): Promise<PoolRow[]> {
  await ensureDefaultPool(tx, tenantId);
  return tx.select().from(pools).where(isNull(pools.deletedAt)).orderBy(asc(pools.position), asc(pools.createdAt));
}

export async function findPool(tx: Tx, id: string): Promise<PoolRow> {
  const [row] = await tx.select().from(pools).where(and(eq(pools.id, id), isNull(pools.deletedAt)));
  if (!row) throw notFound();
  return row;
}

type MemberRow = typeof poolMembers.$inferSelect;

/**
 * What a caller may do in a pool. A pool without members is open to everyone who may claim;
 * a team member row admits the team and every team below it.
 */
export type PoolAccess = { canClaim: boolean; canConfigure: boolean; canManage: boolean };

export async function accessTo(tx: Tx, caller: Caller, poolIds: string[]): Promise<Map<string, PoolAccess>> {
  const members = poolIds.length ? await tx.select().from(poolMembers).where(sql`${poolMembers.poolId} = ANY(${sql.param(poolIds)}::uuid[])`) : [];
  const teams = await listTeams(tx);
  const ancestors = new Set<string>();
  for (let team = caller.teamId; team; team = teams.find((t) => t.id === team)?.parentId ?? null) {
    if (ancestors.has(team)) break;
    ancestors.add(team);
  }
  const mine = (m: MemberRow) => m.userId === caller.userId || (m.teamId !== null && ancestors.has(m.teamId));
  const result = new Map<string, PoolAccess>();
  for (const id of poolIds) {
    const rows = members.filter((m) => m.poolId === id);
    const member = rows.length === 0 || rows.some(mine);
    const admin = rows.some((m) => m.role === 'admin' && mine(m));
    result.set(id, {
      canClaim: can(caller, 'pool.claim') && member,
      canConfigure: can(caller, 'sales.configure') || admin,
      canManage: can(caller, 'pool.manage') || admin,
    });
  }
  return result;
}

export async function accessToPool(tx: Tx, caller: Caller, poolId: string): Promise<PoolAccess> {
  return (await accessTo(tx, caller, [poolId])).get(poolId)!;
}

async function requireConfigure(tx: Tx, caller: Caller, poolId: string) {
  if (!(await accessToPool(tx, caller, poolId)).canConfigure) throw forbidden();
}

export async function listPools(tx: Tx, caller: Caller) {
  const rows = await activePools(tx, caller.tenantId);
  const access = await accessTo(tx, caller, rows.map((r) => r.id));
  const counts = await queryRows<{ pool_id: string; public: number; private: number; mine: number }>(
    tx,
    sql`SELECT pool_id, count(*) FILTER (WHERE owner_user_id IS NULL)::int AS public,
          count(*) FILTER (WHERE owner_user_id IS NOT NULL)::int AS private,
          count(*) FILTER (WHERE owner_user_id = ${caller.userId})::int AS mine
        FROM pool_records WHERE closed_at IS NULL GROUP BY pool_id`,
  );
  return rows
    .filter((r) => {
      const a = access.get(r.id)!;
      return a.canClaim || a.canConfigure || a.canManage;
    })
    .map((r) => {
      const c = counts.find((x) => x.pool_id === r.id);
      return present(r, access.get(r.id)!, { public: c?.public ?? 0, private: c?.private ?? 0, mine: c?.mine ?? 0 });
    });
}

function present(r: PoolRow, access: PoolAccess, counts: { public: number; private: number; mine: number }) {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = r;
  return { ...rest, canClaim: access.canClaim, canConfigure: access.canConfigure, counts };
}

export async function getPool(tx: Tx, caller: Caller, id: string) {
  const pool = await findPool(tx, id);
  const list = await listPools(tx, caller);
  const shown = list.find((p) => p.id === pool.id);
  if (!shown) throw notFound();
  return shown;
}

export async function createPool(tx: Tx, caller: Caller, body: z.infer<typeof poolBody>) {
  if (!can(caller, 'sales.configure')) throw forbidden();
  await ensureDefaultPool(tx, caller.tenantId);
  const { isDefault, ...values } = body;
  const [row] = await tx
    .insert(pools)
    .values({ tenantId: caller.tenantId, ...values, entryCondition: values.entryCondition ?? null })
    .returning()
    .catch(nameTaken);
  if (isDefault) await makeDefault(tx, row!.id);
  await recordAudit(tx, caller, { action: 'pool.create', entity: 'pool', entityId: row!.id, after: row });
  return getPool(tx, caller, row!.id);
}

const nameTaken = (error: unknown): never => {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === '23505') throw new AppError(409, 'duplicate', { name: 'duplicate' });
  throw error;
};

async function makeDefault(tx: Tx, id: string) {
  await tx.update(pools).set({ isDefault: false }).where(and(eq(pools.isDefault, true), isNull(pools.deletedAt)));
  await tx.update(pools).set({ isDefault: true }).where(eq(pools.id, id));
}

export async function updatePool(tx: Tx, caller: Caller, id: string, patch: z.infer<typeof poolPatchBody>) {
  const before = await findPool(tx, id);
  await requireConfigure(tx, caller, id);
  const { isDefault, ...values } = patch;
  if (isDefault === false && before.isDefault) throw new AppError(409, 'default_pool', { isDefault: 'default_pool' });
  if (Object.keys(values).length > 0) {
    await tx
      .update(pools)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(pools.id, id))
      .catch(nameTaken);
  }
  if (isDefault && !before.isDefault) {
    if (!can(caller, 'sales.configure')) throw forbidden();
    await makeDefault(tx, id);
  }
  const after = await findPool(tx, id);
  await recordAudit(tx, caller, { action: 'pool.update', entity: 'pool', entityId: id, before, after });
  return getPool(tx, caller, id);
}

/** Deleting a pool moves its records, public and private, to the default pool: nothing is lost. */
export async function deletePool(tx: Tx, caller: Caller, id: string) {
  const before = await findPool(tx, id);
  if (!can(caller, 'sales.configure')) throw forbidden();
  if (before.isDefault) throw new AppError(409, 'default_pool');
  const target = await ensureDefaultPool(tx, caller.tenantId);
  const moved = await queryRows<{ record_type: string; record_id: string }>(
    tx,
    sql`UPDATE pool_records SET pool_id = ${target.id}, updated_at = now() WHERE pool_id = ${id} RETURNING record_type, record_id`,
  );
  await tx.execute(sql`
    INSERT INTO pool_movements (tenant_id, record_type, record_id, kind, from_pool_id, to_pool_id, reason, actor_user_id)
    SELECT ${caller.tenantId}::uuid, t, r, 'move', ${id}::uuid, ${target.id}::uuid, 'pool_deleted', ${caller.userId}::uuid
    FROM unnest(${sql.param(moved.map((m) => m.record_type))}::text[], ${sql.param(moved.map((m) => m.record_id))}::uuid[]) AS u(t, r)`);
  await tx.update(pools).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(pools.id, id));
  await recordAudit(tx, caller, { action: 'pool.delete', entity: 'pool', entityId: id, before, after: { movedTo: target.id, moved: moved.length } });
}

export async function getMembers(tx: Tx, poolId: string) {
  await findPool(tx, poolId);
  const rows = await tx.select().from(poolMembers).where(eq(poolMembers.poolId, poolId));
  const names = await userNames(tx, rows.flatMap((r) => (r.userId ? [r.userId] : [])));
  const teams = await listTeams(tx);
  return rows.map((r) => ({
    userId: r.userId,
    teamId: r.teamId,
    role: r.role,
    name: r.userId ? (names.get(r.userId) ?? null) : (teams.find((t) => t.id === r.teamId)?.name ?? null),
  }));
}

export async function setMembers(tx: Tx, caller: Caller, poolId: string, body: z.infer<typeof membersBody>) {
  await findPool(tx, poolId);
  await requireConfigure(tx, caller, poolId);
  const before = await getMembers(tx, poolId);
  const users = body.members.flatMap((m) => (m.userId ? [m.userId] : []));
  const known = await userNames(tx, users);
  const unknownUser = users.findIndex((u) => !known.has(u));
  if (unknownUser >= 0) throw new AppError(400, 'validation_failed', { [`members.${body.members.findIndex((m) => m.userId === users[unknownUser])}.userId`]: 'not_found' });
  const teamIds = new Set((await listTeams(tx)).map((t) => t.id));
  const badTeam = body.members.findIndex((m) => m.teamId && !teamIds.has(m.teamId));
  if (badTeam >= 0) throw new AppError(400, 'validation_failed', { [`members.${badTeam}.teamId`]: 'not_found' });
  await tx.delete(poolMembers).where(eq(poolMembers.poolId, poolId));
  if (body.members.length > 0) {
    await tx.insert(poolMembers).values(body.members.map((m) => ({ tenantId: caller.tenantId, poolId, userId: m.userId ?? null, teamId: m.teamId ?? null, role: m.role })));
  }
  const after = await getMembers(tx, poolId);
  await recordAudit(tx, caller, { action: 'pool.members', entity: 'pool', entityId: poolId, before, after });
  return after;
}

export async function getRules(tx: Tx, poolId: string) {
  await findPool(tx, poolId);
  const rows = await tx.select().from(poolRules).where(eq(poolRules.poolId, poolId)).orderBy(asc(poolRules.position));
  return rows.map(({ tenantId: _t, poolId: _p, ...r }) => r);
}

export async function setRules(tx: Tx, caller: Caller, poolId: string, body: z.infer<typeof rulesBody>) {
  const pool = await findPool(tx, poolId);
  await requireConfigure(tx, caller, poolId);
  const bad = body.rules.findIndex((r) => r.level && !pool.levels.includes(r.level));
  if (bad >= 0) throw new AppError(400, 'validation_failed', { [`rules.${bad}.level`]: 'unknown_level' });
  const before = await getRules(tx, poolId);
  await tx.delete(poolRules).where(eq(poolRules.poolId, poolId));
  if (body.rules.length > 0) {
    await tx.insert(poolRules).values(body.rules.map((r, position) => ({ tenantId: caller.tenantId, poolId, level: r.level ?? null, kind: r.kind, days: r.days, enabled: r.enabled, position })));
  }
  const after = await getRules(tx, poolId);
  await recordAudit(tx, caller, { action: 'pool.rules', entity: 'pool', entityId: poolId, before, after });
  return after;
}

export async function getLimits(tx: Tx, poolId: string) {
  await findPool(tx, poolId);
  const rows = await tx.select().from(poolLimits).where(eq(poolLimits.poolId, poolId));
  return rows.map((r) => ({ subjectKind: r.subjectKind, subject: r.subject, dailyClaimLimit: r.dailyClaimLimit, privateCap: r.privateCap }));
}

export async function setLimits(tx: Tx, caller: Caller, poolId: string, body: z.infer<typeof limitsBody>) {
  await findPool(tx, poolId);
  await requireConfigure(tx, caller, poolId);
  const roleKeys = ['admin', 'manager', 'sales', 'service'];
  const userIds = body.limits.filter((l) => l.subjectKind === 'user').map((l) => l.subject);
  const known = await userNames(tx, userIds.filter((u) => /^[0-9a-f-]{36}$/i.test(u)));
  const bad = body.limits.findIndex((l) => (l.subjectKind === 'role' ? !roleKeys.includes(l.subject) : !known.has(l.subject)));
  if (bad >= 0) throw new AppError(400, 'validation_failed', { [`limits.${bad}.subject`]: 'not_found' });
  const seen = new Set<string>();
  const dup = body.limits.findIndex((l) => seen.size === seen.add(`${l.subjectKind}:${l.subject}`).size);
  if (dup >= 0) throw new AppError(400, 'validation_failed', { [`limits.${dup}.subject`]: 'duplicate' });
  const before = await getLimits(tx, poolId);
  await tx.delete(poolLimits).where(eq(poolLimits.poolId, poolId));
  if (body.limits.length > 0) {
    await tx.insert(poolLimits).values(
      body.limits.map((l) => ({ tenantId: caller.tenantId, poolId, subjectKind: l.subjectKind, subject: l.subject, dailyClaimLimit: l.dailyClaimLimit ?? null, privateCap: l.privateCap ?? null })),
    );
  }
  const after = await getLimits(tx, poolId);
  await recordAudit(tx, caller, { action: 'pool.limits', entity: 'pool', entityId: poolId, before, after });
  return after;
}
