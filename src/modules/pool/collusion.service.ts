import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { invalid } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { activeUsersWithPermission, listMembers, teamSubtree, userNames, visibleOwnerIds, type PermissionHolder } from '../org/index.ts';
import { emitEvent, notify, type NotificationItem } from '../notifications/index.ts';
import type { CollusionReport } from './collusion.schema.ts';
import { poolCollusionAlerts } from './collusion.tables.ts';
import type { MovementKind, RecordType } from './pool.tables.ts';
import { settingsSchema } from './pool.schema.ts';
import { detectCollusion, type CollusionFindings, type CollusionMovement } from './rules/collusion.ts';

export type PoolSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_POOL_SETTINGS: PoolSettings = { collusionGapHours: 72, collusionMinRecords: 3, collusionLookbackDays: 90, circulationMinMoves: 3 };

type SettingsRow = { gap: number; min_records: number; lookback: number; circulation: number };

export async function getPoolSettings(tx: Tx): Promise<PoolSettings> {
  const [row] = await queryRows<SettingsRow>(
    tx,
    sql`SELECT collusion_gap_hours AS gap, collusion_min_records AS min_records, collusion_lookback_days AS lookback, circulation_min_moves AS circulation
        FROM pool_settings`,
  );
  if (!row) return { ...DEFAULT_POOL_SETTINGS };
  return { collusionGapHours: row.gap, collusionMinRecords: row.min_records, collusionLookbackDays: row.lookback, circulationMinMoves: row.circulation };
}

export async function updatePoolSettings(tx: Tx, caller: Caller, patch: Partial<PoolSettings>): Promise<PoolSettings> {
  const before = await getPoolSettings(tx);
  const checked = settingsSchema.safeParse({ ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
  if (!checked.success) throw invalid(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.') || '(body)', i.code])));
  const after = checked.data;
  await tx.execute(sql`
    INSERT INTO pool_settings (tenant_id, collusion_gap_hours, collusion_min_records, collusion_lookback_days, circulation_min_moves, updated_at)
    VALUES (${caller.tenantId}::uuid, ${after.collusionGapHours}, ${after.collusionMinRecords}, ${after.collusionLookbackDays}, ${after.circulationMinMoves}, now())
    ON CONFLICT (tenant_id) DO UPDATE SET
      collusion_gap_hours = EXCLUDED.collusion_gap_hours, collusion_min_records = EXCLUDED.collusion_min_records,
      collusion_lookback_days = EXCLUDED.collusion_lookback_days, circulation_min_moves = EXCLUDED.circulation_min_moves,
      updated_at = EXCLUDED.updated_at`);
  await recordAudit(tx, caller, { action: 'pool.settings_update', entity: 'pool_settings', before, after });
  return after;
}

/**
 * Besides departures and claims, the kinds that end a departure's link to the next claim (a
 * manager's assignment, a handover, leaving or re-entering the pool); without them a claim weeks
 * after an assignment would still be read as picking up what the first person dropped.
 */
const SCANNED_KINDS: readonly MovementKind[] = ['fall', 'release', 'claim', 'assign', 'handover', 'enter', 'close'];

type MovementRow = { kind: MovementKind; record_type: RecordType; record_id: string; from_user_id: string | null; to_user_id: string | null; at: Date | string };

/** The whole tenant's findings over the lookback, before any data scope. */
export async function scanCollusion(tx: Tx, now = new Date()): Promise<CollusionFindings & { settings: PoolSettings }> {
  const settings = await getPoolSettings(tx);
  const since = new Date(now.getTime() - settings.collusionLookbackDays * 86_400_000);
  // Bounded by the lookback and by the kinds above, so it is read whole and reasoned about in memory.
  const rows = await queryRows<MovementRow>(
    tx,
    sql`SELECT kind, record_type, record_id, from_user_id, to_user_id, at FROM pool_movements
        WHERE kind = ANY(${sql.param([...SCANNED_KINDS])}::text[]) AND at >= ${since.toISOString()}::timestamptz AND at <= ${now.toISOString()}::timestamptz
        ORDER BY record_type, record_id, at, id`,
  );
  const movements: CollusionMovement[] = rows.map((r) => ({
    kind: r.kind,
    recordType: r.record_type,
    recordId: r.record_id,
    fromUserId: r.from_user_id,
    toUserId: r.to_user_id,
    at: new Date(r.at),
  }));
  const findings = detectCollusion(movements, {
    gapHours: settings.collusionGapHours,
    minRecords: settings.collusionMinRecords,
    circulationMinMoves: settings.circulationMinMoves,
  });
  return { ...findings, settings };
}

async function recordTitles(tx: Tx, refs: { type: RecordType; id: string }[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await queryRows<{ record_type: RecordType; record_id: string; title: string }>(
    tx,
    sql`SELECT p.record_type, p.record_id, p.title FROM pool_records p
        JOIN unnest(${sql.param(refs.map((r) => r.type))}::text[], ${sql.param(refs.map((r) => r.id))}::uuid[]) AS u(t, r)
          ON p.record_type = u.t AND p.record_id = u.r`,
  );
  return new Map(rows.map((r) => [`${r.record_type}:${r.record_id}`, r.title]));
}

/** Findings with names and titles, as the API answers them. */
async function present(tx: Tx, findings: CollusionFindings): Promise<CollusionReport> {
  const userIds = new Set<string>();
  for (const p of findings.pairs) userIds.add(p.fromUserId).add(p.toUserId);
  for (const c of findings.circulating) for (const u of c.users) userIds.add(u);
  const names = await userNames(tx, [...userIds]);
  const refs = new Map<string, { type: RecordType; id: string }>();
  for (const p of findings.pairs) for (const e of p.evidence) refs.set(`${e.type}:${e.id}`, { type: e.type, id: e.id });
  for (const c of findings.circulating) refs.set(`${c.type}:${c.id}`, { type: c.type, id: c.id });
  const titles = await recordTitles(tx, [...refs.values()]);
  const titleOf = (type: RecordType, id: string) => titles.get(`${type}:${id}`) ?? null;
  return {
    pairs: findings.pairs.map((p) => ({
      fromUserId: p.fromUserId,
      fromName: names.get(p.fromUserId) ?? null,
      toUserId: p.toUserId,
      toName: names.get(p.toUserId) ?? null,
      records: p.records,
      medianGapHours: p.medianGapHours,
      evidence: p.evidence.map((e) => ({ type: e.type, id: e.id, title: titleOf(e.type, e.id), leftKind: e.leftKind, leftAt: e.leftAt.toISOString(), claimedAt: e.claimedAt.toISOString(), gapHours: e.gapHours })),
    })),
    circulating: findings.circulating.map((c) => ({
      type: c.type,
      id: c.id,
      title: titleOf(c.type, c.id),
      moves: c.moves,
      users: c.users.map((u) => ({ userId: u, name: names.get(u) ?? null })),
      history: c.history.map((h) => ({ kind: h.kind, fromUserId: h.fromUserId, toUserId: h.toUserId, at: h.at.toISOString() })),
    })),
  };
}

/** Only what involves nobody outside the set (undefined: everyone is visible). */
function withinScope(findings: CollusionFindings, visible: ReadonlySet<string> | undefined): CollusionFindings {
  if (!visible) return findings;
  return {
    pairs: findings.pairs.filter((p) => visible.has(p.fromUserId) && visible.has(p.toUserId)),
    circulating: findings.circulating.filter((c) => c.users.every((u) => visible.has(u))),
  };
}

/**
 * Pairs of salespeople feeding each other records through the public pool, and records going
 * round the same few people. A manager with team scope sees only what happens among their team.
 */
export async function collusionReport(tx: Tx, caller: Caller, now = new Date()): Promise<CollusionReport> {
  const findings = await scanCollusion(tx, now);
  const visible = await visibleOwnerIds(tx, caller);
  return present(tx, withinScope(findings, visible ? new Set(visible) : undefined));
}

export type CollusionAlertRun = { flagged: number; newlyFlagged: number; cleared: number; notified: number };

/** Whether a manager's scope covers both people; never tells one of the pair about themself. */
async function recipientsFor(tx: Tx, holders: readonly PermissionHolder[], pairUserIds: readonly string[]) {
  const teamOf = new Map((await listMembers(tx, { ids: [...pairUserIds] })).map((m) => [m.id, m.teamId]));
  const subtrees = new Map<string, Set<string>>();
  const subtreeOf = async (teamId: string) => {
    let s = subtrees.get(teamId);
    if (!s) subtrees.set(teamId, (s = new Set(await teamSubtree(tx, teamId))));
    return s;
  };
  return async (fromUserId: string, toUserId: string): Promise<string[]> => {
    const out: string[] = [];
    for (const h of holders) {
      if (h.id === fromUserId || h.id === toUserId) continue;
      let sees = false;
      switch (h.dataScope) {
        case 'all':
          sees = true;
          break;
        case 'own':
          sees = false;
          break;
        case 'team': {
          if (!h.teamId) break;
          const teams = await subtreeOf(h.teamId);
          const inTeam = (u: string) => {
            const t = teamOf.get(u);
            return t !== undefined && t !== null && teams.has(t);
          };
          sees = inTeam(fromUserId) && inTeam(toUserId);
          break;
        }
      }
      if (sees) out.push(h.id);
    }
    return out;
  };
}

/**
 * The nightly scan of one tenant: tells the managers who can see both people about each pair
 * flagged for the first time, and forgets pairs no longer flagged so that a pair that starts
 * again is announced again.
 */
export async function alertNewCollusionPairs(tx: Tx, tenantId: string, now = new Date()): Promise<CollusionAlertRun> {
  const { pairs } = await scanCollusion(tx, now);
  const known = await tx.select().from(poolCollusionAlerts);
  const key = (from: string, to: string) => `${from}>${to}`;
  const knownKeys = new Set(known.map((k) => key(k.fromUserId, k.toUserId)));
  const flaggedKeys = new Set(pairs.map((p) => key(p.fromUserId, p.toUserId)));
  const fresh = pairs.filter((p) => !knownKeys.has(key(p.fromUserId, p.toUserId)));
  const cleared = known.filter((k) => !flaggedKeys.has(key(k.fromUserId, k.toUserId)));

  if (cleared.length > 0) {
    await tx.execute(sql`
      DELETE FROM pool_collusion_alerts a
      USING unnest(${sql.param(cleared.map((c) => c.fromUserId))}::uuid[], ${sql.param(cleared.map((c) => c.toUserId))}::uuid[]) AS u(f, t)
      WHERE a.from_user_id = u.f AND a.to_user_id = u.t`);
  }
  if (pairs.length > 0) {
    await tx.execute(sql`
      INSERT INTO pool_collusion_alerts (tenant_id, from_user_id, to_user_id, first_flagged_at, last_records)
      SELECT ${tenantId}::uuid, u.f, u.t, ${now.toISOString()}::timestamptz, u.n
      FROM unnest(${sql.param(pairs.map((p) => p.fromUserId))}::uuid[], ${sql.param(pairs.map((p) => p.toUserId))}::uuid[], ${sql.param(pairs.map((p) => p.records))}::int[]) AS u(f, t, n)
      ON CONFLICT (tenant_id, from_user_id, to_user_id) DO UPDATE SET last_records = EXCLUDED.last_records`);
  }

  let notified = 0;
  if (fresh.length > 0) {
    const names = await userNames(tx, [...new Set(fresh.flatMap((p) => [p.fromUserId, p.toUserId]))]);
    const whoSees = await recipientsFor(tx, await activeUsersWithPermission(tx, 'pool.manage'), [...new Set(fresh.flatMap((p) => [p.fromUserId, p.toUserId]))]);
    const items: NotificationItem[] = [];
    for (const p of fresh) {
      const data = { fromUserId: p.fromUserId, fromName: names.get(p.fromUserId) ?? null, toUserId: p.toUserId, toName: names.get(p.toUserId) ?? null, records: p.records };
      for (const userId of await whoSees(p.fromUserId, p.toUserId)) items.push({ userId, kind: 'pool.collusion', data, link: '/pool/collusion' });
      await emitEvent(tx, tenantId, 'pool.collusion', { ...data, medianGapHours: p.medianGapHours, flaggedAt: now.toISOString() });
    }
    await notify(tx, tenantId, items);
    notified = items.length;
  }
  return { flagged: pairs.length, newlyFlagged: fresh.length, cleared: cleared.length, notified };
}
