import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Availability } from './rules/choose.ts';
import type { StatRow } from './rules/matching.ts';
import { assignmentLog, assignmentRules, sellerAvailability, sellerStats } from './assignment.tables.ts';

/** The only code that touches the assignment tables. Bulk writes pass rows as arrays and unnest them. */
const col = <T>(rows: readonly T[], pick: (r: T) => unknown) => sql.param(rows.map(pick));

export type RuleRow = typeof assignmentRules.$inferSelect;

export function listRuleRows(tx: Tx, filter: { enabledOnly?: boolean } = {}): Promise<RuleRow[]> {
  return tx
    .select()
    .from(assignmentRules)
    .where(and(isNull(assignmentRules.deletedAt), filter.enabledOnly ? eq(assignmentRules.enabled, true) : undefined))
    .orderBy(asc(assignmentRules.position), asc(assignmentRules.createdAt), asc(assignmentRules.id));
}

export async function findRuleRow(tx: Tx, id: string): Promise<RuleRow | undefined> {
  const [row] = await tx.select().from(assignmentRules).where(and(eq(assignmentRules.id, id), isNull(assignmentRules.deletedAt)));
  return row;
}

export async function insertRuleRow(tx: Tx, values: typeof assignmentRules.$inferInsert): Promise<RuleRow> {
  const [row] = await tx.insert(assignmentRules).values(values).returning();
  return row!;
}

export async function updateRuleRow(tx: Tx, id: string, patch: Partial<typeof assignmentRules.$inferInsert>): Promise<RuleRow> {
  const [row] = await tx.update(assignmentRules).set({ ...patch, updatedAt: new Date() }).where(eq(assignmentRules.id, id)).returning();
  return row!;
}

export async function nextRulePosition(tx: Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${assignmentRules.position}) + 1, 0)::int` })
    .from(assignmentRules)
    .where(isNull(assignmentRules.deletedAt));
  return row?.n ?? 0;
}

export async function setRulePositions(tx: Tx, ids: string[]): Promise<void> {
  await tx.execute(sql`
    update assignment_rules r set position = v.position, updated_at = now()
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(ids.map((_, i) => i))}::int[]) as v(id, position)
    where r.id = v.id`);
}

/**
 * The round-robin cursors of these rules, locked for the rest of the transaction, so that two
 * nodes assigning at once take turns one after the other and never hand out the same turn twice.
 */
export async function lockCursors(tx: Tx, ruleIds: string[], lock = true): Promise<Map<string, { lastUserId: string | null; turns: number }>> {
  if (ruleIds.length === 0) return new Map();
  if (lock) await tx.execute(sql`
    insert into assignment_cursors (tenant_id, rule_id)
    select tide_current_tenant(), v.id from unnest(${col(ruleIds, (id) => id)}::uuid[]) as v(id)
    on conflict do nothing`);
  const result = (await tx.execute(sql`
    select rule_id, last_user_id, turns::float8 as turns from assignment_cursors
    where rule_id = any(${sql.param(ruleIds)}::uuid[]) order by rule_id ${lock ? sql`for update` : sql``}`)) as unknown as {
    rows: { rule_id: string; last_user_id: string | null; turns: number }[];
  };
  return new Map(result.rows.map((r) => [r.rule_id, { lastUserId: r.last_user_id, turns: Number(r.turns) }]));
}

export async function saveCursors(tx: Tx, rows: { ruleId: string; lastUserId: string | null; turns: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update assignment_cursors c set last_user_id = v.last_user_id, turns = c.turns + v.turns
    from unnest(${col(rows, (r) => r.ruleId)}::uuid[], ${col(rows, (r) => r.lastUserId)}::uuid[], ${col(rows, (r) => r.turns)}::bigint[])
      as v(rule_id, last_user_id, turns)
    where c.rule_id = v.rule_id`);
}

export type AvailabilityRow = Availability & { userId: string; updatedAt: string };

export async function listAvailabilityRows(tx: Tx, userIds?: string[]): Promise<AvailabilityRow[]> {
  if (userIds && userIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(sellerAvailability)
    .where(userIds ? inArray(sellerAvailability.userId, userIds) : undefined);
  return rows.map((r) => ({ userId: r.userId, absentFrom: r.absentFrom, absentUntil: r.absentUntil, leadCap: r.leadCap, updatedAt: r.updatedAt.toISOString() }));
}

export async function upsertAvailability(tx: Tx, tenantId: string, userId: string, a: Availability): Promise<void> {
  await tx
    .insert(sellerAvailability)
    .values({ tenantId, userId, ...a })
    .onConflictDoUpdate({ target: [sellerAvailability.tenantId, sellerAvailability.userId], set: { ...a, updatedAt: new Date() } });
}

export async function listStatRows(tx: Tx, userIds?: string[]): Promise<StatRow[]> {
  if (userIds && userIds.length === 0) return [];
  return tx
    .select({ userId: sellerStats.userId, feature: sellerStats.feature, trials: sellerStats.trials, wins: sellerStats.wins })
    .from(sellerStats)
    .where(userIds ? inArray(sellerStats.userId, userIds) : undefined)
    .orderBy(sellerStats.userId, sellerStats.feature);
}

/** Adds the tallies to the seller record (one statement). */
export async function incrementStats(tx: Tx, rows: StatRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into seller_stats (tenant_id, user_id, feature, trials, wins)
    select tide_current_tenant(), v.user_id, v.feature, v.trials, v.wins
    from unnest(${col(rows, (r) => r.userId)}::uuid[], ${col(rows, (r) => r.feature)}::text[], ${col(rows, (r) => r.trials)}::int[],
      ${col(rows, (r) => r.wins)}::int[]) as v(user_id, feature, trials, wins)
    on conflict (tenant_id, user_id, feature) do update
      set trials = seller_stats.trials + excluded.trials, wins = seller_stats.wins + excluded.wins, updated_at = now()`);
}

export async function deleteAllStats(tx: Tx): Promise<void> {
  await tx.delete(sellerStats);
}

export type LogRow = {
  leadId: string;
  ruleId: string | null;
  method: string;
  userId: string | null;
  teamId: string | null;
  byUserId: string | null;
  reason: unknown;
};

/**
 * Writes assignment log rows in one statement however many there are: the rows travel as one
 * JSON document, which both drivers pass and PostgreSQL parses far faster than long text arrays.
 */
export async function insertLogRows(tx: Tx, rows: LogRow[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ l: r.leadId, r: r.ruleId, m: r.method, u: r.userId, t: r.teamId, b: r.byUserId, why: r.reason })));
  await tx.execute(sql`
    insert into assignment_log (tenant_id, lead_id, rule_id, method, user_id, team_id, by_user_id, reason, at)
    select tide_current_tenant(), v.l, v.r, v.m, v.u, v.t, v.b, coalesce(v.why, '{}'), ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as v(l uuid, r uuid, m text, u uuid, t uuid, b uuid, why jsonb)`);
}

export function logRowsOfLead(tx: Tx, leadId: string) {
  return tx
    .select()
    .from(assignmentLog)
    .where(eq(assignmentLog.leadId, leadId))
    .orderBy(desc(assignmentLog.at), desc(assignmentLog.id))
    .limit(200);
}
