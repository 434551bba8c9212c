import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError, forbidden } from '../../server/errors.ts';
import { checkAssignee } from '../assignment/index.ts';
import { recordAudit } from '../audit/index.ts';
import { getUser, visibleOwnerIds } from '../org/index.ts';
import { recordMovements, type Movement } from './movements.ts';
import type { CLAIM_OUTCOMES, recordPatchBody, RELEASE_REASONS } from './pool.schema.ts';
import { poolLimits, type RecordType } from './pool.tables.ts';
import { accessTo, findPool } from './pools.service.ts';
import { handlerOf } from './record-types.ts';
import { syncRecords } from './records.service.ts';
import { claimRefusal, effectiveLimits } from './rules/limits.ts';

export type RecordRef = { type: RecordType; id: string };
type Outcome = (typeof CLAIM_OUTCOMES)[number];
type Row = {
  record_type: RecordType;
  record_id: string;
  pool_id: string;
  owner_user_id: string | null;
  // Raw rows: timestamps arrive as strings.
  claimable_at: string | null;
  protected_user_id: string | null;
  protected_until: string | null;
  title: string;
};

const START_OF_DAY = sql`(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')`;

async function openRecords(tx: Tx, refs: readonly RecordRef[], lock = false): Promise<Row[]> {
  if (refs.length === 0) return [];
  return queryRows<Row>(
    tx,
    sql`SELECT p.record_type, p.record_id, p.pool_id, p.owner_user_id, p.claimable_at, p.protected_user_id, p.protected_until, p.title
        FROM pool_records p JOIN unnest(${sql.param(refs.map((r) => r.type))}::text[], ${sql.param(refs.map((r) => r.id))}::uuid[]) AS u(t, r)
          ON p.record_type = u.t AND p.record_id = u.r
        WHERE p.closed_at IS NULL ${lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
}

/** Today's claims and the records held now, in one pool, for one person. */
async function usageIn(tx: Tx, userId: string, poolId: string, capCountsWon: boolean) {
  const [row] = await queryRows<{ claimed_today: number; held: number }>(
    tx,
    sql`SELECT
          (SELECT count(*)::int FROM pool_movements WHERE kind = 'claim' AND to_user_id = ${userId} AND to_pool_id = ${poolId} AND at >= ${START_OF_DAY}) AS claimed_today,
          (SELECT count(*)::int FROM pool_records WHERE owner_user_id = ${userId} AND pool_id = ${poolId} AND closed_at IS NULL
             ${capCountsWon ? sql`` : sql`AND won_at IS NULL`}) AS held`,
  );
  return { claimedToday: row!.claimed_today, held: row!.held };
}

async function limitsFor(tx: Tx, poolId: string, person: { userId: string; roleKey: string }) {
  const pool = await findPool(tx, poolId);
  const overrides = await tx.select().from(poolLimits).where(sql`${poolLimits.poolId} = ${poolId}`);
  return { pool, limits: effectiveLimits(pool, overrides, person) };
}

/** Sets owners on the owning modules' rows, grouped by record type, in one statement per type. */
async function writeOwners(tx: Tx, changes: readonly { type: RecordType; id: string; ownerUserId: string | null }[]) {
  for (const type of ['lead', 'customer'] as const) {
    const mine = changes.filter((c) => c.type === type);
    if (mine.length === 0) continue;
    await handlerOf(type).setOwners(tx, sql`SELECT * FROM unnest(${sql.param(mine.map((c) => c.id))}::uuid[], ${sql.param(mine.map((c) => c.ownerUserId))}::uuid[]) AS c(record_id, owner_user_id)`);
  }
}

/**
 * Claims records from public pools into the caller's private pool. A person's claims are
 * serialised (an advisory lock on the person), so two tabs cannot both take the last place under
 * a cap; each record is taken by a conditional UPDATE, so of many people claiming it at once
 * exactly one wins and the others are told it is already claimed.
 */
export async function claimRecords(tx: Tx, caller: Caller, refs: readonly RecordRef[]) {
  if (!can(caller, 'pool.claim')) throw forbidden();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`pool.claim:${caller.tenantId}:${caller.userId}`}, 0))`);
  const rows = await openRecords(tx, refs);
  const byKey = new Map(rows.map((r) => [`${r.record_type}:${r.record_id}`, r]));
  const access = await accessTo(tx, caller, [...new Set(rows.map((r) => r.pool_id))]);
  const state = new Map<string, { limits: { dailyClaimLimit: number; privateCap: number }; usage: { claimedToday: number; held: number } }>();
  const results: { type: RecordType; id: string; outcome: Outcome; until?: string | null }[] = [];
  const claimed: (Row & { type: RecordType })[] = [];
  let lastPool: string | null = null;
  for (const ref of refs) {
    const row = byKey.get(`${ref.type}:${ref.id}`);
    if (!row) {
      results.push({ ...ref, outcome: 'not_found' });
      continue;
    }
    if (!access.get(row.pool_id)?.canClaim) {
      results.push({ ...ref, outcome: 'not_member' });
      continue;
    }
    let s = state.get(row.pool_id);
    if (!s) {
      const { pool, limits } = await limitsFor(tx, row.pool_id, caller);
      s = { limits, usage: await usageIn(tx, caller.userId, row.pool_id, pool.capCountsWon) };
      state.set(row.pool_id, s);
    }
    lastPool = row.pool_id;
    const refusal = claimRefusal(s.limits, s.usage);
    if (refusal) {
      results.push({ ...ref, outcome: refusal });
      continue;
    }
    const [taken] = await queryRows<{ record_id: string }>(
      tx,
      sql`UPDATE pool_records SET owner_user_id = ${caller.userId}, claimed_at = now(), entered_at = now(), claimable_at = NULL,
            protected_user_id = NULL, protected_until = NULL, warned_deadline = NULL, updated_at = now()
          WHERE record_type = ${ref.type} AND record_id = ${ref.id} AND owner_user_id IS NULL AND closed_at IS NULL
            AND (claimable_at IS NULL OR claimable_at <= now())
            AND NOT (protected_user_id IS NOT DISTINCT FROM ${caller.userId}::uuid AND protected_until > now())
          RETURNING record_id`,
    );
    if (taken) {
      s.usage.claimedToday += 1;
      s.usage.held += 1;
      claimed.push({ ...row, type: ref.type });
      results.push({ ...ref, outcome: 'claimed' });
      continue;
    }
    const [now] = await openRecords(tx, [ref]);
    const at = Date.now();
    if (!now || now.owner_user_id) results.push({ ...ref, outcome: 'already_claimed' });
    else if (now.protected_user_id === caller.userId && now.protected_until && new Date(now.protected_until).getTime() > at)
      results.push({ ...ref, outcome: 'protected', until: new Date(now.protected_until).toISOString() });
    else if (now.claimable_at && new Date(now.claimable_at).getTime() > at) results.push({ ...ref, outcome: 'not_yet_claimable', until: new Date(now.claimable_at).toISOString() });
    else results.push({ ...ref, outcome: 'already_claimed' });
  }
  await writeOwners(tx, claimed.map((c) => ({ type: c.type, id: c.record_id, ownerUserId: caller.userId })));
  await recordMovements(
    tx,
    caller.tenantId,
    claimed.map((c) => ({ recordType: c.type, recordId: c.record_id, kind: 'claim', toUserId: caller.userId, fromPoolId: c.pool_id, toPoolId: c.pool_id, actorUserId: caller.userId })),
  );
  for (const c of claimed) {
    await recordAudit(tx, caller, { action: 'pool.claim', entity: c.type, entityId: c.record_id, before: { ownerUserId: null, poolId: c.pool_id }, after: { ownerUserId: caller.userId } });
  }
  const s = lastPool ? state.get(lastPool) : undefined;
  return {
    results,
    claimed: claimed.length,
    usage: s ? { claimedToday: s.usage.claimedToday, dailyClaimLimit: s.limits.dailyClaimLimit, held: s.usage.held, privateCap: s.limits.privateCap } : null,
  };
}

/** The caller's standing in a pool: claims made today and records held, against their limits. */
export async function usageOf(tx: Tx, caller: Caller, poolId: string) {
  const { pool, limits } = await limitsFor(tx, poolId, caller);
  const usage = await usageIn(tx, caller.userId, pool.id, pool.capCountsWon);
  return { claimedToday: usage.claimedToday, dailyClaimLimit: limits.dailyClaimLimit, held: usage.held, privateCap: limits.privateCap };
}

/** One record, with the refusal as an error the client can show. */
export async function claimOne(tx: Tx, caller: Caller, ref: RecordRef) {
  const result = await claimRecords(tx, caller, [ref]);
  const r = result.results[0]!;
  const until: Record<string, string> = r.until ? { until: r.until } : {};
  switch (r.outcome) {
    case 'claimed':
      return result;
    case 'not_found':
      throw new AppError(404, 'not_found');
    case 'not_member':
      throw new AppError(403, 'not_pool_member');
    case 'already_claimed':
      throw new AppError(409, 'already_claimed');
    case 'protected':
      throw new AppError(409, 'claim_protected', {}, until, until);
    case 'not_yet_claimable':
      throw new AppError(409, 'not_yet_claimable', {}, until, until);
    case 'daily_limit':
      throw new AppError(409, 'claim_limit_reached', {}, { limit: result.usage!.dailyClaimLimit }, result.usage!);
    case 'private_cap':
      throw new AppError(409, 'private_cap_reached', {}, { limit: result.usage!.privateCap }, result.usage!);
  }
}

/** Private records the caller may act on as a manager: any for scope 'all', their team's for 'team'. */
async function managedRows(tx: Tx, caller: Caller, refs: readonly RecordRef[]) {
  const rows = await openRecords(tx, refs, true);
  const missing = refs.filter((ref) => !rows.some((r) => r.record_type === ref.type && r.record_id === ref.id));
  if (missing.length > 0) throw new AppError(404, 'not_found', { records: 'not_found' }, {}, { missing });
  const access = await accessTo(tx, caller, [...new Set(rows.map((r) => r.pool_id))]);
  if (rows.some((r) => !access.get(r.pool_id)?.canManage)) throw forbidden();
  const visible = await visibleOwnerIds(tx, caller);
  if (visible && rows.some((r) => r.owner_user_id && !visible.includes(r.owner_user_id))) throw new AppError(403, 'forbidden', { records: 'outside_team' });
  return rows;
}

/** A salesperson gives a record back on purpose; like a fall, its former owner is protected out of it for a while. */
export async function releaseRecord(tx: Tx, caller: Caller, ref: RecordRef, input: { reason: (typeof RELEASE_REASONS)[number]; note?: string | null }) {
  const [row] = await openRecords(tx, [ref], true);
  if (!row) throw new AppError(404, 'not_found');
  if (row.owner_user_id !== caller.userId) {
    if (!row.owner_user_id) throw new AppError(409, 'not_record_owner');
    await managedRows(tx, caller, [ref]);
  }
  const pool = await findPool(tx, row.pool_id);
  await tx.execute(sql`
    UPDATE pool_records SET owner_user_id = NULL, claimed_at = NULL, entered_at = now(), warned_deadline = NULL,
      protected_user_id = ${row.owner_user_id}, protected_until = now() + ${pool.protectionDays} * interval '1 day',
      claimable_at = now() + ${pool.claimWaitMinutes} * interval '1 minute', updated_at = now()
    WHERE record_type = ${ref.type} AND record_id = ${ref.id}`);
  await writeOwners(tx, [{ ...ref, ownerUserId: null }]);
  await recordMovements(tx, caller.tenantId, [
    { recordType: ref.type, recordId: ref.id, kind: 'release', fromUserId: row.owner_user_id, fromPoolId: row.pool_id, toPoolId: row.pool_id, reason: input.reason, detail: input.note ? { note: input.note } : null, actorUserId: caller.userId },
  ]);
  await recordAudit(tx, caller, { action: 'pool.release', entity: ref.type, entityId: ref.id, before: { ownerUserId: row.owner_user_id }, after: { ownerUserId: null, reason: input.reason, note: input.note ?? null } });
}

/** A manager hands records from a pool (or from someone's private pool) to a person; the person's cap still holds. */
export async function assignRecords(tx: Tx, caller: Caller, input: { records: RecordRef[]; userId: string; note?: string | null }) {
  const refs = dedupe(input.records);
  const rows = await managedRows(tx, caller, refs);
  await checkAssignee(tx, caller, input.userId);
  const moving = rows.filter((r) => r.owner_user_id !== input.userId);
  const person = await getUser(tx, input.userId);
  for (const poolId of new Set(moving.map((r) => r.pool_id))) {
    const { pool, limits } = await limitsFor(tx, poolId, { userId: input.userId, roleKey: person.roleKey });
    const usage = await usageIn(tx, input.userId, poolId, pool.capCountsWon);
    const adding = moving.filter((r) => r.pool_id === poolId).length;
    if (usage.held + adding > limits.privateCap) throw new AppError(409, 'private_cap_reached', { userId: 'private_cap' }, { limit: limits.privateCap }, { held: usage.held, adding });
  }
  await tx.execute(sql`
    UPDATE pool_records p SET owner_user_id = ${input.userId}, claimed_at = now(), entered_at = now(), claimable_at = NULL,
      protected_user_id = NULL, protected_until = NULL, warned_deadline = NULL, updated_at = now()
    FROM unnest(${sql.param(moving.map((r) => r.record_type))}::text[], ${sql.param(moving.map((r) => r.record_id))}::uuid[]) AS u(t, r)
    WHERE p.record_type = u.t AND p.record_id = u.r`);
  await writeOwners(tx, moving.map((r) => ({ type: r.record_type, id: r.record_id, ownerUserId: input.userId })));
  await recordMovements(
    tx,
    caller.tenantId,
    moving.map((r) => ({ recordType: r.record_type, recordId: r.record_id, kind: 'assign', fromUserId: r.owner_user_id, toUserId: input.userId, fromPoolId: r.pool_id, toPoolId: r.pool_id, reason: input.note ?? null, actorUserId: caller.userId })),
  );
  for (const r of moving) {
    await recordAudit(tx, caller, { action: 'pool.assign', entity: r.record_type, entityId: r.record_id, before: { ownerUserId: r.owner_user_id }, after: { ownerUserId: input.userId, note: input.note ?? null } });
  }
  return { moved: moving.length };
}

/** A manager moves records into another pool's public side (from a pool or from someone's private pool). */
export async function moveRecords(tx: Tx, caller: Caller, input: { records: RecordRef[]; poolId: string; note?: string | null }) {
  const target = await findPool(tx, input.poolId).catch(() => {
    throw new AppError(400, 'validation_failed', { poolId: 'not_found' });
  });
  const refs = dedupe(input.records);
  if (!(await accessTo(tx, caller, [target.id])).get(target.id)?.canManage) throw forbidden();
  const entered = await enterUnmanaged(tx, caller, refs, target.id, input.note ?? null);
  const rows = await managedRows(tx, caller, refs);
  const moving = rows.filter((r) => r.pool_id !== target.id || r.owner_user_id !== null);
  await tx.execute(sql`
    UPDATE pool_records p SET pool_id = ${target.id}, owner_user_id = NULL, claimed_at = NULL, entered_at = now(), claimable_at = NULL,
      warned_deadline = NULL, updated_at = now()
    FROM unnest(${sql.param(moving.map((r) => r.record_type))}::text[], ${sql.param(moving.map((r) => r.record_id))}::uuid[]) AS u(t, r)
    WHERE p.record_type = u.t AND p.record_id = u.r`);
  await writeOwners(tx, moving.filter((r) => r.owner_user_id).map((r) => ({ type: r.record_type, id: r.record_id, ownerUserId: null })));
  const movements: Movement[] = moving.map((r) => ({ recordType: r.record_type, recordId: r.record_id, kind: 'move', fromUserId: r.owner_user_id, fromPoolId: r.pool_id, toPoolId: target.id, reason: input.note ?? null, actorUserId: caller.userId }));
  await recordMovements(tx, caller.tenantId, movements);
  for (const r of moving) {
    await recordAudit(tx, caller, { action: 'pool.move', entity: r.record_type, entityId: r.record_id, before: { poolId: r.pool_id, ownerUserId: r.owner_user_id }, after: { poolId: target.id, ownerUserId: null, note: input.note ?? null } });
  }
  return { moved: moving.length + entered };
}

/** Level, contract date and location: the owner or a manager may set them. */
export async function patchRecord(tx: Tx, caller: Caller, ref: RecordRef, patch: z.infer<typeof recordPatchBody>) {
  const [row] = await openRecords(tx, [ref], true);
  if (!row) throw new AppError(404, 'not_found');
  if (row.owner_user_id !== caller.userId) await managedRows(tx, caller, [ref]);
  const pool = await findPool(tx, row.pool_id);
  if (patch.level && !pool.levels.includes(patch.level)) throw new AppError(400, 'validation_failed', { level: 'unknown_level' });
  const [before] = await queryRows<Record<string, unknown>>(tx, sql`SELECT level, contract_until, lat, lng FROM pool_records WHERE record_type = ${ref.type} AND record_id = ${ref.id}`);
  const set = [
    patch.level !== undefined ? sql`level = ${patch.level}` : null,
    patch.contractUntil !== undefined ? sql`contract_until = ${patch.contractUntil}::date` : null,
    patch.lat !== undefined ? sql`lat = ${patch.lat}` : null,
    patch.lng !== undefined ? sql`lng = ${patch.lng}` : null,
  ].filter((s) => s !== null);
  if (set.length > 0) {
    await tx.execute(sql`UPDATE pool_records SET ${sql.join(set, sql`, `)}, updated_at = now() WHERE record_type = ${ref.type} AND record_id = ${ref.id}`);
  }
  await recordAudit(tx, caller, { action: 'pool.record.update', entity: ref.type, entityId: ref.id, before, after: patch });
}

/**
 * Records not under pool management yet (an imported customer nobody owns) enter the target pool
 * first, if the caller may see them; their owner, if any, stays until the move below.
 */
async function enterUnmanaged(tx: Tx, caller: Caller, refs: readonly RecordRef[], poolId: string, note: string | null): Promise<number> {
  const known = await queryRows<{ record_type: string; record_id: string }>(
    tx,
    sql`SELECT record_type, record_id FROM pool_records p JOIN unnest(${sql.param(refs.map((r) => r.type))}::text[], ${sql.param(refs.map((r) => r.id))}::uuid[]) AS u(t, r)
        ON p.record_type = u.t AND p.record_id = u.r WHERE p.closed_at IS NULL`,
  );
  const isKnown = new Set(known.map((k) => `${k.record_type}:${k.record_id}`));
  let entered = 0;
  for (const type of ['lead', 'customer'] as const) {
    const ids = refs.filter((r) => r.type === type && !isKnown.has(`${type}:${r.id}`)).map((r) => r.id);
    if (ids.length === 0) continue;
    const entries = await handlerOf(type).entries(tx, caller, ids);
    await syncRecords(tx, caller, entries, { kind: 'enter', poolId, reason: note });
    // Owned ones are moved to the public side below; unowned ones are there already.
    entered += entries.filter((e) => !e.ownerUserId).length;
  }
  return entered;
}

const dedupe = (refs: readonly RecordRef[]) => [...new Map(refs.map((r) => [`${r.type}:${r.id}`, r])).values()];
