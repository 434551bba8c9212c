import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { conditionProblems } from './rules/condition-check.ts';
import { defaultRules } from './rules/default-rules.ts';
import type { ScoringRule, ScoringTarget } from './rules/rule-score.ts';
import { seedOnce } from './scoring-settings.service.ts';
import { scoringRules } from './scoring.tables.ts';
import type { Condition } from '../../lib/conditions.ts';

export type ScoringRuleRecord = ScoringRule & { target: ScoringTarget; position: number; createdAt: string; updatedAt: string };
export type RuleInput = { name: string; condition: unknown; points: number; enabled?: boolean };

export const MAX_RULES_PER_TARGET = 200;

const toRecord = (r: typeof scoringRules.$inferSelect): ScoringRuleRecord => ({
  id: r.id,
  target: r.target,
  name: r.name,
  condition: r.condition,
  points: r.points,
  enabled: r.enabled,
  position: r.position,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** A condition checked against the target's facts; a bad one is a 400 naming its path. */
function checkedCondition(target: ScoringTarget, raw: unknown): Condition {
  const problems = conditionProblems(target, raw);
  if (Object.keys(problems).length > 0) throw new AppError(400, 'validation_failed', problems);
  return raw as Condition;
}

/** Creates the default rules the first time a tenant's rules for a target are read. */
async function ensureDefaultRules(tx: Tx, target: ScoringTarget) {
  await seedOnce(tx, target, async () => {
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(scoringRules).where(eq(scoringRules.target, target));
    if (count > 0) return;
    await tx.insert(scoringRules).values(
      defaultRules(target).map((rule, position) => ({ tenantId: sql`tide_current_tenant()`, target, name: rule.name, condition: rule.condition, points: rule.points, position })),
    );
  });
}

export async function listRules(tx: Tx, target: ScoringTarget): Promise<ScoringRuleRecord[]> {
  await ensureDefaultRules(tx, target);
  const rows = await tx.select().from(scoringRules).where(eq(scoringRules.target, target)).orderBy(asc(scoringRules.position), asc(scoringRules.createdAt), asc(scoringRules.id));
  return rows.map(toRecord);
}

export async function createRule(tx: Tx, actor: Actor, target: ScoringTarget, input: RuleInput): Promise<ScoringRuleRecord> {
  const condition = checkedCondition(target, input.condition);
  const existing = await listRules(tx, target);
  if (existing.length >= MAX_RULES_PER_TARGET) throw new AppError(409, 'conflict', { target: 'too_big' });
  const position = existing.reduce((max, r) => Math.max(max, r.position + 1), 0);
  const [row] = await tx
    .insert(scoringRules)
    .values({ tenantId: actor.tenantId, target, name: input.name, condition, points: input.points, enabled: input.enabled ?? true, position })
    .returning();
  const record = toRecord(row!);
  await recordAudit(tx, actor, { action: 'scoring_rule.create', entity: 'scoring_rule', entityId: record.id, after: record });
  return record;
}

async function ruleById(tx: Tx, id: string) {
  const [row] = await tx.select().from(scoringRules).where(eq(scoringRules.id, id));
  if (!row) throw notFound();
  return row;
}

export async function updateRule(tx: Tx, actor: Actor, id: string, patch: Partial<RuleInput>): Promise<ScoringRuleRecord> {
  const before = await ruleById(tx, id);
  const condition = patch.condition === undefined ? undefined : checkedCondition(before.target, patch.condition);
  const [row] = await tx
    .update(scoringRules)
    .set({ name: patch.name, condition, points: patch.points, enabled: patch.enabled, updatedAt: new Date() })
    .where(eq(scoringRules.id, id))
    .returning();
  const record = toRecord(row!);
  await recordAudit(tx, actor, { action: 'scoring_rule.update', entity: 'scoring_rule', entityId: id, before: toRecord(before), after: record });
  return record;
}

export async function deleteRule(tx: Tx, actor: Actor, id: string): Promise<void> {
  const before = await ruleById(tx, id);
  await tx.delete(scoringRules).where(eq(scoringRules.id, id));
  await recordAudit(tx, actor, { action: 'scoring_rule.delete', entity: 'scoring_rule', entityId: id, before: toRecord(before) });
}

/** Sets the order of a target's rules; `ids` must list each of them exactly once. */
export async function reorderRules(tx: Tx, actor: Actor, target: ScoringTarget, ids: string[]): Promise<ScoringRuleRecord[]> {
  const before = await listRules(tx, target);
  const known = new Set(before.map((r) => r.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw new AppError(400, 'validation_failed', { ids: 'invalid_value' });
  }
  if (ids.length > 0) {
    await tx.execute(sql`
      update scoring_rules r set position = v.position, updated_at = now()
      from unnest(${`{${ids.join(',')}}`}::uuid[]) with ordinality as v(id, position)
      where r.id = v.id and r.target = ${target}`);
  }
  await recordAudit(tx, actor, { action: 'scoring_rule.reorder', entity: 'scoring_rule', entityId: null, before: before.map((r) => r.id), after: ids });
  return listRules(tx, target);
}

/** The rules as the scorer uses them (enabled or not, in order). */
export async function rulesForScoring(tx: Tx, target: ScoringTarget): Promise<ScoringRule[]> {
  return (await listRules(tx, target)).map(({ id, name, condition, points, enabled }) => ({ id, name, condition, points, enabled }));
}

