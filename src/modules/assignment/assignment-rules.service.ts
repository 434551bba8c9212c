import type { Tx } from '../../db/client.ts';
import { regionOf, type LeadFacts } from '../../lib/sales-facts.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { listMembers, listTeams, userNames } from '../org/index.ts';
import { loadAssigner, type Miss } from './assigner.service.ts';
import { findRuleRow, insertRuleRow, listRuleRows, nextRulePosition, setRulePositions, updateRuleRow, type RuleRow } from './assignment.repo.ts';
import type { RuleInput, RulePatch } from './assignment.schema.ts';

export type RuleView = Omit<RuleRow, 'tenantId' | 'deletedAt' | 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

const toView = ({ tenantId: _t, deletedAt: _d, ...r }: RuleRow): RuleView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listRules(tx: Tx): Promise<RuleView[]> {
  return (await listRuleRows(tx)).map(toView);
}

/** Bad rules are refused naming the field: who would receive the leads must be clear and valid. */
async function validateRule(tx: Tx, rule: RuleInput): Promise<void> {
  const fields: Record<string, string> = {};
  const needsPeople = rule.method !== 'queue';
  if (needsPeople && rule.userIds.length === 0 && !rule.teamId) fields.userIds = 'required';
  if (rule.method === 'queue' && !rule.teamId) fields.teamId = 'required';
  if (rule.method === 'fixed' && rule.userIds.length !== 1) fields.userIds = 'exactly_one';
  if (new Set(rule.userIds).size !== rule.userIds.length) fields.userIds = 'duplicate';
  if (rule.userIds.length && !fields.userIds) {
    const found = new Map((await listMembers(tx, { ids: rule.userIds })).map((m) => [m.id, m]));
    rule.userIds.forEach((id, i) => {
      const m = found.get(id);
      if (!m) fields[`userIds.${i}`] = 'invalid_reference';
      else if (m.status !== 'active') fields[`userIds.${i}`] = 'user_inactive';
    });
  }
  if (rule.teamId && !(await listTeams(tx)).some((t) => t.id === rule.teamId)) fields.teamId = 'invalid_reference';
  if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', fields);
}

export async function createRule(tx: Tx, caller: Caller, input: RuleInput): Promise<RuleView> {
  await validateRule(tx, input);
  const row = await insertRuleRow(tx, { tenantId: caller.tenantId, ...input, position: await nextRulePosition(tx) });
  const rule = toView(row);
  await recordAudit(tx, caller, { action: 'assignment_rule.create', entity: 'assignment_rule', entityId: rule.id, after: rule });
  return rule;
}

export async function updateRule(tx: Tx, caller: Caller, id: string, patch: RulePatch): Promise<RuleView> {
  const before = await findRuleRow(tx, id);
  if (!before) throw notFound();
  const merged: RuleInput = {
    name: patch.name ?? before.name,
    enabled: patch.enabled ?? before.enabled,
    condition: patch.condition ?? before.condition,
    method: patch.method ?? before.method,
    userIds: patch.userIds ?? before.userIds,
    teamId: patch.teamId === undefined ? before.teamId : patch.teamId,
    cap: patch.cap === undefined ? before.cap : patch.cap,
    settings: patch.settings ?? before.settings,
  };
  await validateRule(tx, merged);
  const after = toView(await updateRuleRow(tx, id, merged));
  await recordAudit(tx, caller, { action: 'assignment_rule.update', entity: 'assignment_rule', entityId: id, before: toView(before), after });
  return after;
}

export async function deleteRule(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findRuleRow(tx, id);
  if (!before) throw notFound();
  await updateRuleRow(tx, id, { deletedAt: new Date() });
  await recordAudit(tx, caller, { action: 'assignment_rule.delete', entity: 'assignment_rule', entityId: id, before: toView(before) });
}

/** The rules in the given order; every rule must be named exactly once. */
export async function reorderRules(tx: Tx, caller: Caller, ids: string[]): Promise<RuleView[]> {
  const current = await listRuleRows(tx);
  const known = new Set(current.map((r) => r.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw new AppError(400, 'validation_failed', { ids: 'must_list_every_rule' });
  }
  await setRulePositions(tx, ids);
  await recordAudit(tx, caller, { action: 'assignment_rule.reorder', entity: 'assignment_rule', before: current.map((r) => r.id), after: ids });
  return listRules(tx);
}

export type PreviewResult = {
  decision: { ruleId: string; ruleName: string; method: RuleView['method']; userId: string | null; userName: string | null; teamId: string | null; reason: Record<string, unknown> } | null;
  miss: Miss | null;
};

/** Which rule would take a lead with these facts and whom it would pick now; writes nothing. */
export async function previewAssignment(
  tx: Tx,
  input: Omit<LeadFacts, 'region'> & { region?: string | null },
  load: Map<string, number>,
  now: Date,
): Promise<PreviewResult> {
  const facts: LeadFacts = { ...input, region: input.region ?? regionOf(input.province) };
  const assigner = await loadAssigner(tx, { now, dryRun: true });
  const decision = assigner.assign({ id: '00000000-0000-0000-0000-000000000000', facts }, load);
  if (!decision) return { decision: null, miss: assigner.lastMiss };
  const names = decision.userId ? await userNames(tx, [decision.userId]) : new Map<string, string>();
  return {
    decision: { ...decision, userName: decision.userId ? (names.get(decision.userId) ?? null) : null, reason: decision.reason as unknown as Record<string, unknown> },
    miss: null,
  };
}
