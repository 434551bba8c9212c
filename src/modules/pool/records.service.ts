import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { recordMovements, type Movement } from './movements.ts';
import type { RecordType } from './pool.tables.ts';
import { activePools } from './pools.service.ts';
import { choosePool } from './rules/entry.ts';
import { provinceCentre } from '../../lib/province-centres.ts';

/** A record coming under pool management, as its owning module describes it. */
export type PoolEntry = {
  type: RecordType;
  id: string;
  ownerUserId: string | null;
  title: string;
  province?: string | null;
  city?: string | null;
  industry?: string | null;
  source?: string | null;
  level?: string | null;
  /** When its owner got it (a lead's assignment time); now when absent. */
  at?: Date | null;
  lastFollowUpAt?: Date | null;
};

const param = <T>(rows: readonly T[], pick: (r: T) => unknown) => sql.param(rows.map(pick));
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Puts records under pool management, or updates those already there (their owner, their
 * description), in one statement however many. A new or reopened record lands in the pool its
 * facts choose; a known one stays in its pool. Owner changes are written as movements of `kind`.
 * The owning module has already set the owner on its own row: this only keeps the pool in step.
 */
export async function syncRecords(
  tx: Tx,
  actor: Actor,
  entries: readonly PoolEntry[],
  options: { kind: 'enter' | 'assign'; reason?: string | null; poolId?: string } = { kind: 'enter' },
) {
  if (entries.length === 0) return;
  const pools = await activePools(tx, actor.tenantId);
  const now = new Date();
  const previous = await queryRows<{ record_type: RecordType; record_id: string; owner_user_id: string | null; pool_id: string; closed: boolean }>(
    tx,
    sql`SELECT p.record_type, p.record_id, p.owner_user_id, p.pool_id, p.closed_at IS NOT NULL AS closed
        FROM pool_records p JOIN unnest(${param(entries, (e) => e.type)}::text[], ${param(entries, (e) => e.id)}::uuid[]) AS u(t, r)
          ON p.record_type = u.t AND p.record_id = u.r
        FOR UPDATE OF p`,
  );
  const known = new Map(previous.map((p) => [`${p.record_type}:${p.record_id}`, p]));
  const rows = entries.map((e) => {
    const prev = known.get(`${e.type}:${e.id}`);
    const poolId = prev && !prev.closed ? prev.pool_id : options.poolId ?? choosePool(pools, { recordType: e.type, province: e.province, city: e.city, industry: e.industry, source: e.source, level: e.level });
    return { ...e, poolId, prev, at: e.at ?? now, centre: provinceCentre(e.province) };
  });
  await tx.execute(sql`
    INSERT INTO pool_records (tenant_id, record_type, record_id, pool_id, owner_user_id, title, province, city, industry, source, level,
      lat, lng, entered_at, claimed_at, last_follow_up_at, updated_at)
    SELECT ${actor.tenantId}::uuid, u.t, u.r, u.pool, u.owner, u.title, u.province, u.city, u.industry, u.source, u.level, u.lat, u.lng,
      ${iso(now)}::timestamptz, CASE WHEN u.owner IS NULL THEN NULL ELSE u.at END, u.follow, ${iso(now)}::timestamptz
    FROM unnest(${param(rows, (r) => r.type)}::text[], ${param(rows, (r) => r.id)}::uuid[], ${param(rows, (r) => r.poolId)}::uuid[],
      ${param(rows, (r) => r.ownerUserId)}::uuid[], ${param(rows, (r) => r.title)}::text[], ${param(rows, (r) => r.province ?? null)}::text[],
      ${param(rows, (r) => r.city ?? null)}::text[], ${param(rows, (r) => r.industry ?? null)}::text[], ${param(rows, (r) => r.source ?? null)}::text[],
      ${param(rows, (r) => r.level ?? null)}::text[], ${param(rows, (r) => iso(r.at))}::timestamptz[], ${param(rows, (r) => iso(r.lastFollowUpAt))}::timestamptz[],
      ${param(rows, (r) => r.centre?.lat ?? null)}::float8[], ${param(rows, (r) => r.centre?.lng ?? null)}::float8[])
      AS u(t, r, pool, owner, title, province, city, industry, source, level, at, follow, lat, lng)
    ON CONFLICT (tenant_id, record_type, record_id) DO UPDATE SET
      pool_id = EXCLUDED.pool_id,
      title = EXCLUDED.title, province = EXCLUDED.province, city = EXCLUDED.city, industry = EXCLUDED.industry, source = EXCLUDED.source,
      level = coalesce(pool_records.level, EXCLUDED.level),
      -- A precise point set by hand or a check-in outlives the province's coarse one.
      lat = CASE WHEN pool_records.province IS NOT DISTINCT FROM EXCLUDED.province THEN coalesce(pool_records.lat, EXCLUDED.lat) ELSE EXCLUDED.lat END,
      lng = CASE WHEN pool_records.province IS NOT DISTINCT FROM EXCLUDED.province THEN coalesce(pool_records.lng, EXCLUDED.lng) ELSE EXCLUDED.lng END,
      owner_user_id = EXCLUDED.owner_user_id,
      claimed_at = CASE WHEN pool_records.closed_at IS NULL AND pool_records.owner_user_id IS NOT DISTINCT FROM EXCLUDED.owner_user_id
        THEN pool_records.claimed_at ELSE EXCLUDED.claimed_at END,
      entered_at = CASE WHEN pool_records.closed_at IS NULL AND pool_records.owner_user_id IS NOT DISTINCT FROM EXCLUDED.owner_user_id
        THEN pool_records.entered_at ELSE EXCLUDED.entered_at END,
      warned_deadline = CASE WHEN pool_records.owner_user_id IS NOT DISTINCT FROM EXCLUDED.owner_user_id THEN pool_records.warned_deadline END,
      closed_at = NULL,
      updated_at = EXCLUDED.updated_at`);
  const movements: Movement[] = [];
  for (const r of rows) {
    const isNew = !r.prev || r.prev.closed;
    if (!isNew && r.prev!.owner_user_id === r.ownerUserId) continue;
    movements.push({
      recordType: r.type,
      recordId: r.id,
      kind: isNew && options.kind === 'enter' ? 'enter' : r.ownerUserId ? options.kind : 'release',
      fromUserId: isNew ? null : r.prev!.owner_user_id,
      toUserId: r.ownerUserId,
      fromPoolId: isNew ? null : r.prev!.pool_id,
      toPoolId: r.poolId,
      reason: options.reason ?? null,
      actorUserId: actor.userId,
      at: now,
    });
  }
  await recordMovements(tx, actor.tenantId, movements);
}

/** Records that leave pool management (a lead qualified or disqualified, a record deleted or merged away). */
export async function closeRecords(tx: Tx, actor: Actor, type: RecordType, ids: readonly string[], reason: string) {
  if (ids.length === 0) return;
  const closed = await queryRows<{ record_id: string; owner_user_id: string | null; pool_id: string }>(
    tx,
    sql`UPDATE pool_records SET closed_at = now(), updated_at = now()
        WHERE record_type = ${type} AND record_id = ANY(${sql.param([...ids])}::uuid[]) AND closed_at IS NULL
        RETURNING record_id, owner_user_id, pool_id`,
  );
  await recordMovements(
    tx,
    actor.tenantId,
    closed.map((c) => ({ recordType: type, recordId: c.record_id, kind: 'close' as const, fromUserId: c.owner_user_id, fromPoolId: c.pool_id, reason, actorUserId: actor.userId })),
  );
}

/** A follow-up (call, visit, message) on records: "no follow-up in N days" counts from the latest. */
export async function noteFollowUp(tx: Tx, type: RecordType, ids: readonly string[], at: Date) {
  if (ids.length === 0) return;
  await tx.execute(sql`
    UPDATE pool_records SET last_follow_up_at = greatest(last_follow_up_at, ${at.toISOString()}::timestamptz), updated_at = now()
    WHERE record_type = ${type} AND record_id = ANY(${sql.param([...ids])}::uuid[])`);
}

/** Opportunity facts of a customer, as the pipeline computes them from its own rows. */
export type OpportunityFacts = { customerId: string; lastOpportunityAt: Date | null; openProbability: number | null; wonAt: Date | null };

export async function noteOpportunityFacts(tx: Tx, facts: readonly OpportunityFacts[]) {
  if (facts.length === 0) return;
  await tx.execute(sql`
    UPDATE pool_records p SET last_opportunity_at = u.last, open_probability = u.prob, won_at = u.won, updated_at = now()
    FROM unnest(${param(facts, (f) => f.customerId)}::uuid[], ${param(facts, (f) => iso(f.lastOpportunityAt))}::timestamptz[],
      ${param(facts, (f) => f.openProbability)}::smallint[], ${param(facts, (f) => iso(f.wonAt))}::timestamptz[]) AS u(id, last, prob, won)
    WHERE p.record_type = 'customer' AND p.record_id = u.id`);
}

/**
 * Sets when private records were claimed and last followed up, as if time had passed: for demo
 * tenants and benchmarks, which need records at every distance from their deadline. A follow-up is
 * never set before the claim.
 */
export async function seedPoolClocks(tx: Tx, rows: readonly { type: RecordType; id: string; claimedAt: Date; lastFollowUpAt: Date | null }[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE pool_records p SET claimed_at = u.claimed, entered_at = u.claimed, last_follow_up_at = greatest(u.claimed, u.follow)
    FROM unnest(${param(rows, (r) => r.type)}::text[], ${param(rows, (r) => r.id)}::uuid[], ${param(rows, (r) => iso(r.claimedAt))}::timestamptz[],
      ${param(rows, (r) => iso(r.lastFollowUpAt))}::timestamptz[]) AS u(t, r, claimed, follow)
    WHERE p.record_type = u.t AND p.record_id = u.r AND p.owner_user_id IS NOT NULL AND p.closed_at IS NULL`);
}
