import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { escapeLike, fewMatches } from '../../db/contains-search.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError, forbidden, notFound } from '../../server/errors.ts';
import { decodeCursor, encodeCursor } from '../../server/pagination.ts';
import { userNames, visibleOwnerIds } from '../org/index.ts';
import type { recordListQuery, RULE_KINDS } from './pool.schema.ts';
import type { RecordType } from './pool.tables.ts';
import { accessTo, findPool } from './pools.service.ts';
import { verdictSql } from './verdict-sql.ts';

type Query = z.infer<typeof recordListQuery>;
type Row = {
  record_type: RecordType;
  record_id: string;
  pool_id: string;
  pool_name: string;
  title: string;
  level: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  source: string | null;
  lat: number | null;
  lng: number | null;
  owner_user_id: string | null;
  entered_at: Date;
  claimed_at: Date | null;
  last_follow_up_at: Date | null;
  last_opportunity_at: Date | null;
  won_at: Date | null;
  contract_until: string | null;
  claimable_at: Date | null;
  protected_user_id: string | null;
  protected_until: Date | null;
  fall_count: number;
  distance_km: number | null;
  deadline?: Date | null;
  rule_kind?: (typeof RULE_KINDS)[number] | null;
  rule_days?: number | null;
  exemption?: 'won' | 'open_opportunity' | 'live_contract' | null;
};

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * A search for part of a title: the matching records when they are few (`fewMatches`, through
 * `tide_pool_record_keys_title_like`), else the ILIKE on the list query.
 */
async function titleSearch(tx: Tx, q: string): Promise<SQL | undefined> {
  const text = q.normalize('NFKC').trim();
  if (!text) return undefined;
  const pattern = `%${escapeLike(text)}%`;
  const found = await fewMatches<{ record_type: string; record_id: string }>(tx, text, (limit) => sql`SELECT record_type, record_id FROM tide_pool_record_keys_title_like(${pattern}, ${limit})`);
  if (!found) return sql`r.title ILIKE ${pattern}`;
  if (found.length === 0) return sql`false`;
  return sql`(r.record_type, r.record_id) IN (SELECT * FROM unnest(${sql.param(found.map((f) => f.record_type))}::text[], ${sql.param(found.map((f) => f.record_id))}::uuid[]))`;
}

/**
 * One page of pool records. Public: a pool's unclaimed records (members and managers), newest
 * first or nearest first. Private: a pool's claimed records in the manager's scope. Mine: the
 * caller's own across pools. Private views carry each record's recycle deadline and its rule.
 */
export async function listPoolRecords(tx: Tx, caller: Caller, poolId: string | null, query: Query) {
  const view = poolId ? query.view : 'mine';
  const where: SQL[] = [sql`r.closed_at IS NULL`];
  if (poolId) {
    await findPool(tx, poolId);
    const access = (await accessTo(tx, caller, [poolId])).get(poolId)!;
    where.push(sql`r.pool_id = ${poolId}`);
    if (view === 'public' && !access.canClaim && !access.canManage) throw forbidden();
    if (view === 'private' && !access.canManage) throw forbidden();
  }
  if (view === 'public') where.push(sql`r.owner_user_id IS NULL`);
  if (view === 'mine') where.push(sql`r.owner_user_id = ${caller.userId}`);
  if (view === 'private') {
    where.push(sql`r.owner_user_id IS NOT NULL`);
    const visible = await visibleOwnerIds(tx, caller);
    if (visible) where.push(sql`r.owner_user_id = ANY(${sql.param(visible)}::uuid[])`);
    if (query.ownerUserId) where.push(sql`r.owner_user_id = ${query.ownerUserId}`);
  }
  const search = query.q ? await titleSearch(tx, query.q) : undefined;
  if (search) where.push(search);
  if (query.type) where.push(sql`r.record_type = ${query.type}`);
  if (query.level) where.push(sql`r.level = ${query.level}`);
  if (query.province) where.push(sql`r.province = ${query.province}`);
  if (query.city) where.push(sql`r.city = ${query.city}`);

  const near = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
  if ((query.lat === undefined) !== (query.lng === undefined)) throw new AppError(400, 'validation_failed', { [query.lat === undefined ? 'lat' : 'lng']: 'required' });
  const distance = near
    ? sql`CASE WHEN r.lat IS NULL OR r.lng IS NULL THEN NULL ELSE 2 * 6371 * asin(least(1, sqrt(
        power(sin(radians(r.lat - ${near.lat}) / 2), 2) + cos(radians(${near.lat}::float8)) * cos(radians(r.lat)) * power(sin(radians(r.lng - ${near.lng}) / 2), 2)))) END`
    : sql`NULL::float8`;
  const byDeadline = view !== 'public' && query.dueWithinDays !== undefined;
  const limit = query.limit;
  const select = sql`SELECT r.record_type, r.record_id, r.pool_id, p.name AS pool_name, r.title, r.level, r.province, r.city, r.industry, r.source,
      r.lat, r.lng, r.owner_user_id, r.entered_at, r.claimed_at, r.last_follow_up_at, r.last_opportunity_at, r.won_at, r.contract_until::text,
      r.claimable_at, r.protected_user_id, r.protected_until, r.fall_count, ${distance} AS distance_km`;
  const from = sql`FROM pool_records r JOIN pools p ON p.tenant_id = r.tenant_id AND p.id = r.pool_id`;
  let rows: Row[];
  let nextCursor: string | null = null;

  if (near || byDeadline) {
    // Ordered by a computed value: offset paging, fine for the few pages anyone reads this way.
    const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
    if (byDeadline) {
      rows = await queryRows<Row>(
        tx,
        sql`${select}, v.deadline, v.rule_kind, v.rule_days, v.exemption ${from}
            JOIN (${verdictSql(sql`true`)}) v ON v.record_type = r.record_type AND v.record_id = r.record_id
            WHERE ${sql.join(where, sql` AND `)} AND v.deadline <= now() + ${query.dueWithinDays!} * interval '1 day'
            ORDER BY v.deadline, r.record_id LIMIT ${limit + 1} OFFSET ${offset}`,
      );
    } else {
      rows = await queryRows<Row>(
        tx,
        sql`${select} ${from} WHERE ${sql.join(where, sql` AND `)} ORDER BY distance_km NULLS LAST, r.entered_at DESC, r.record_id LIMIT ${limit + 1} OFFSET ${offset}`,
      );
    }
    if (rows.length > limit) {
      rows = rows.slice(0, limit);
      nextCursor = encodeCursor([offset + limit]);
    }
  } else {
    const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
    if (after) where.push(sql`(r.entered_at, r.record_id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    rows = await queryRows<Row>(tx, sql`${select} ${from} WHERE ${sql.join(where, sql` AND `)} ORDER BY r.entered_at DESC, r.record_id DESC LIMIT ${limit + 1}`);
    if (rows.length > limit) {
      rows = rows.slice(0, limit);
      const last = rows[rows.length - 1]!;
      nextCursor = encodeCursor([iso(last.entered_at), last.record_id]);
    }
  }
  if (view !== 'public' && !byDeadline) await attachVerdicts(tx, rows);
  return { items: await present(tx, caller, rows), nextCursor };
}

/** The verdicts of one page's private records, computed for those rows only. */
async function attachVerdicts(tx: Tx, rows: Row[]) {
  const owned = rows.filter((r) => r.owner_user_id);
  if (owned.length === 0) return;
  const verdicts = await queryRows<{ record_type: string; record_id: string; deadline: Date | null; rule_kind: Row['rule_kind']; rule_days: number | null; exemption: Row['exemption'] }>(
    tx,
    sql`SELECT record_type, record_id, deadline, rule_kind, rule_days, exemption FROM (${verdictSql(
      sql`(r.record_type, r.record_id) IN (SELECT * FROM unnest(${sql.param(owned.map((r) => r.record_type))}::text[], ${sql.param(owned.map((r) => r.record_id))}::uuid[]))`,
    )}) v`,
  );
  for (const v of verdicts) {
    const row = owned.find((r) => r.record_type === v.record_type && r.record_id === v.record_id)!;
    Object.assign(row, { deadline: v.deadline, rule_kind: v.rule_kind, rule_days: v.rule_days, exemption: v.exemption });
  }
}

async function present(tx: Tx, caller: Caller, rows: Row[]) {
  const names = await userNames(tx, [...new Set(rows.flatMap((r) => (r.owner_user_id ? [r.owner_user_id] : [])))]);
  return rows.map((r) => ({
    type: r.record_type,
    id: r.record_id,
    poolId: r.pool_id,
    poolName: r.pool_name,
    title: r.title,
    level: r.level,
    province: r.province,
    city: r.city,
    industry: r.industry,
    source: r.source,
    lat: r.lat,
    lng: r.lng,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_user_id ? (names.get(r.owner_user_id) ?? null) : null,
    enteredAt: iso(r.entered_at)!,
    claimedAt: iso(r.claimed_at),
    lastFollowUpAt: iso(r.last_follow_up_at),
    lastOpportunityAt: iso(r.last_opportunity_at),
    wonAt: iso(r.won_at),
    contractUntil: r.contract_until,
    claimableAt: r.claimable_at && new Date(r.claimable_at).getTime() > Date.now() ? iso(r.claimable_at) : null,
    protectedUntil: r.protected_user_id === caller.userId && r.protected_until && new Date(r.protected_until).getTime() > Date.now() ? iso(r.protected_until) : null,
    fallCount: r.fall_count,
    deadline: iso(r.deadline),
    deadlineRule: r.rule_kind && r.rule_days ? { kind: r.rule_kind, days: r.rule_days } : null,
    exemption: r.exemption ?? null,
    distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10,
  }));
}

/** A record's movements, newest first, for anyone who may see the record or manage its pool. */
export async function recordHistory(tx: Tx, caller: Caller, type: RecordType, id: string, canSeeRecord: boolean) {
  const [record] = await queryRows<{ pool_id: string; owner_user_id: string | null }>(tx, sql`SELECT pool_id, owner_user_id FROM pool_records WHERE record_type = ${type} AND record_id = ${id}`);
  if (!canSeeRecord) {
    if (!record) throw notFound();
    const access = (await accessTo(tx, caller, [record.pool_id])).get(record.pool_id)!;
    if (!access.canManage && record.owner_user_id !== caller.userId) throw notFound();
  }
  const rows = await queryRows<{
    id: string;
    kind: string;
    from_user_id: string | null;
    to_user_id: string | null;
    from_pool_id: string | null;
    to_pool_id: string | null;
    reason: string | null;
    detail: Record<string, unknown> | null;
    actor_user_id: string | null;
    at: Date;
    from_pool_name: string | null;
    to_pool_name: string | null;
  }>(
    tx,
    sql`SELECT m.id, m.kind, m.from_user_id, m.to_user_id, m.from_pool_id, m.to_pool_id, m.reason, m.detail, m.actor_user_id, m.at,
          fp.name AS from_pool_name, tp.name AS to_pool_name
        FROM pool_movements m
        LEFT JOIN pools fp ON fp.tenant_id = m.tenant_id AND fp.id = m.from_pool_id
        LEFT JOIN pools tp ON tp.tenant_id = m.tenant_id AND tp.id = m.to_pool_id
        WHERE m.record_type = ${type} AND m.record_id = ${id}
        ORDER BY m.at DESC, m.id LIMIT 500`,
  );
  const names = await userNames(tx, [...new Set(rows.flatMap((r) => [r.from_user_id, r.to_user_id, r.actor_user_id].filter((x): x is string => !!x)))]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as never,
    fromUserId: r.from_user_id,
    fromUserName: name(r.from_user_id),
    toUserId: r.to_user_id,
    toUserName: name(r.to_user_id),
    fromPoolId: r.from_pool_id,
    fromPoolName: r.from_pool_name,
    toPoolId: r.to_pool_id,
    toPoolName: r.to_pool_name,
    reason: r.reason,
    detail: r.detail,
    actorUserId: r.actor_user_id,
    actorName: name(r.actor_user_id),
    at: iso(r.at)!,
  }));
}
