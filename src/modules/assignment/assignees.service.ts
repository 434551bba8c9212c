import type { Tx } from '../../db/client.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { listMembers, teamSubtree, userNames, visibleOwnerIds, type Member } from '../org/index.ts';
import { insertLogRows, listAvailabilityRows, logRowsOfLead, upsertAvailability } from './assignment.repo.ts';
import { todayOf } from './assigner.service.ts';
import { isAbsent, type Availability } from './rules/choose.ts';

/** Whether the caller manages this person: admins (scope all) anyone, managers their team subtree, others only themselves. */
export async function manages(tx: Tx, caller: Caller, member: Member): Promise<boolean> {
  if (member.id === caller.userId) return true;
  switch (caller.dataScope) {
    case 'all':
      return true;
    case 'own':
      return false;
    case 'team':
      return caller.teamId !== null && member.teamId !== null && (await teamSubtree(tx, caller.teamId)).includes(member.teamId);
  }
}

/**
 * May the caller hand a lead to this person? Refused with the reason: an unknown person (400),
 * a deactivated one (409 assignee_inactive), or one outside the caller's team (403 assignee_outside_team).
 */
export async function checkAssignee(tx: Tx, caller: Caller, userId: string): Promise<Member> {
  const [member] = await listMembers(tx, { ids: [userId] });
  if (!member) throw new AppError(400, 'validation_failed', { userId: 'invalid_reference' });
  if (member.status !== 'active') throw new AppError(409, 'assignee_inactive', { userId: 'user_inactive' }, { name: member.name });
  if (!(await manages(tx, caller, member))) throw new AppError(403, 'assignee_outside_team', { userId: 'outside_team' }, { name: member.name });
  return member;
}

export type ManualAssignment = { leadId: string; userId: string | null; teamId: string | null; reason?: string | Record<string, unknown> };

/** Records hand-outs by a manager (single or bulk) in the assignment log, in one statement. */
export async function logManualAssignments(tx: Tx, caller: Caller, rows: ManualAssignment[], now = new Date()): Promise<void> {
  await insertLogRows(
    tx,
    rows.map((r) => ({
      leadId: r.leadId,
      ruleId: null,
      method: 'manual',
      userId: r.userId,
      teamId: r.teamId,
      byUserId: caller.userId,
      reason: { method: 'manual', by: caller.name, ...(typeof r.reason === 'string' ? { note: r.reason } : (r.reason ?? {})), ...(rows.length > 1 ? { bulk: rows.length } : {}) },
    })),
    now,
  );
}

export type HistoryEntry = {
  id: string;
  at: string;
  method: string;
  ruleId: string | null;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  byUserId: string | null;
  byUserName: string | null;
  reason: unknown;
};

/** Every assignment of a lead, newest first, with who decided and why. */
export async function assignmentHistory(tx: Tx, leadId: string): Promise<HistoryEntry[]> {
  const rows = await logRowsOfLead(tx, leadId);
  const ids = [...new Set(rows.flatMap((r) => [r.userId, r.byUserId]).filter((x): x is string => x !== null))];
  const names = await userNames(tx, ids);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    method: r.method,
    ruleId: r.ruleId,
    userId: r.userId,
    userName: r.userId ? (names.get(r.userId) ?? null) : null,
    teamId: r.teamId,
    byUserId: r.byUserId,
    byUserName: r.byUserId ? (names.get(r.byUserId) ?? null) : null,
    reason: r.reason,
  }));
}

export type AvailabilityView = Availability & { userId: string; name: string; teamId: string | null; status: Member['status']; absentToday: boolean };

/** Absences and caps of the people the caller may see: themselves, their team, or everyone. */
export async function listAvailability(tx: Tx, caller: Caller, now: Date): Promise<AvailabilityView[]> {
  const visible = can(caller, 'leads.assign') ? await visibleOwnerIds(tx, caller) : [caller.userId];
  const members = (await listMembers(tx, visible ? { ids: visible } : {})).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const rows = new Map((await listAvailabilityRows(tx, members.map((m) => m.id))).map((r) => [r.userId, r]));
  const today = todayOf(now);
  return members.map((m) => {
    const a = rows.get(m.id) ?? { absentFrom: null, absentUntil: null, leadCap: null };
    return { userId: m.id, name: m.name, teamId: m.teamId, status: m.status, absentFrom: a.absentFrom, absentUntil: a.absentUntil, leadCap: a.leadCap, absentToday: isAbsent(a, today) };
  });
}

/** A salesperson sets their own absence and cap; a manager (leads.assign) those of their team. */
export async function setAvailability(tx: Tx, caller: Caller, userId: string, input: Availability, now: Date): Promise<AvailabilityView> {
  const [member] = await listMembers(tx, { ids: [userId] });
  if (!member) throw new AppError(404, 'not_found');
  if (userId !== caller.userId && !(can(caller, 'leads.assign') && (await manages(tx, caller, member)))) {
    throw new AppError(403, 'assignee_outside_team', undefined, { name: member.name });
  }
  await upsertAvailability(tx, caller.tenantId, userId, input);
  await recordAudit(tx, caller, { action: 'assignment.availability', entity: 'user', entityId: userId, after: input });
  return { userId, name: member.name, teamId: member.teamId, status: member.status, ...input, absentToday: isAbsent(input, todayOf(now)) };
}

/** The seller record is the seller's own, or for those who may assign leads to them. */
export async function assertMayReadRecord(tx: Tx, caller: Caller, userId: string): Promise<void> {
  if (userId === caller.userId) return;
  const [member] = await listMembers(tx, { ids: [userId] });
  if (!member) throw new AppError(404, 'not_found');
  if (!can(caller, 'leads.assign') || !(await manages(tx, caller, member))) throw new AppError(403, 'forbidden');
}
