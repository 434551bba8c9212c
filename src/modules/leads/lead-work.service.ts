import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { checkAssignee, logManualAssignments, recordOutcomes } from '../assignment/index.ts';
import { recordAudit } from '../audit/index.ts';
import { createCustomer, findByIdentities, addContact, type CustomerInput } from '../customers/index.ts';
import { teamSubtree, userNames } from '../org/index.ts';
import { createOpportunity } from '../pipeline/index.ts';
import { loadScorer } from '../scoring/index.ts';
import { followQualified } from './qualify-followers.ts';
import { closeLeadPool, noteLeadFollowUp, syncLeadPool } from './lead-pool.ts';
import type { Lead } from './leads.schema.ts';
import { findVisibleLead, getLead, leadScope, presentLeads, type LeadRow } from './leads.service.ts';
import { leadActivities, leads, type ActivityKind } from './leads.tables.ts';
import { cleanLead, type RawLead } from './rules/clean-lead.ts';
import { leadFacts } from './rules/lead-facts.ts';

const OPEN = ['new', 'working'] as const;

/** Re-scores leads after a change that moves their facts (an edit, an activity). */
async function rescore(tx: Tx, rows: LeadRow[], now = new Date()) {
  const scorer = await loadScorer(tx, 'lead');
  for (const row of rows) {
    const { score, reasons } = scorer.score(leadFacts(row, now));
    await tx.update(leads).set({ score, scoreReasons: reasons, scoredAt: now }).where(eq(leads.id, row.id));
  }
}

export async function updateLead(tx: Tx, caller: Caller, id: string, patch: RawLead & { channel?: string | null }): Promise<Lead> {
  const before = await findVisibleLead(tx, caller, id, true);
  const merged: RawLead = { ...before, ...patch };
  const checked = cleanLead(merged, new Date());
  if (!checked.ok) throw new AppError(400, 'validation_failed', Object.fromEntries(checked.reasons.map((r) => [r === 'name_missing' ? 'name' : 'mobile', r])));
  const { flags, ...values } = checked.lead;
  const [after] = await tx
    .update(leads)
    .set({ ...values, flags, channel: patch.channel === undefined ? before.channel : patch.channel, updatedAt: new Date() })
    .where(eq(leads.id, id))
    .returning();
  await rescore(tx, [after!]);
  if (after!.status === 'new' || after!.status === 'working') await syncLeadPool(tx, caller, [after!]);
  await recordAudit(tx, caller, { action: 'lead.update', entity: 'lead', entityId: id, before, after });
  return getLead(tx, caller, id);
}

export async function deleteLead(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findVisibleLead(tx, caller, id, true);
  await tx.update(leads).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(leads.id, id));
  await closeLeadPool(tx, caller, [id], 'deleted');
  await recordAudit(tx, caller, { action: 'lead.delete', entity: 'lead', entityId: id, before });
}

export async function addActivity(tx: Tx, caller: Caller, id: string, input: { kind: ActivityKind; note?: string | null; at?: string }) {
  const lead = await findVisibleLead(tx, caller, id, true);
  const at = input.at ? new Date(input.at) : new Date();
  const [row] = await tx.insert(leadActivities).values({ tenantId: caller.tenantId, leadId: id, kind: input.kind, note: input.note ?? null, userId: caller.userId, at }).returning();
  const [after] = await tx
    .update(leads)
    .set({
      lastActivityAt: sql`greatest(${leads.lastActivityAt}, ${at.toISOString()}::timestamptz)`,
      activityCount: sql`${leads.activityCount} + 1`,
      status: lead.status === 'new' ? 'working' : lead.status,
      updatedAt: new Date(),
    })
    .where(eq(leads.id, id))
    .returning();
  await rescore(tx, [after!]);
  await noteLeadFollowUp(tx, after!, at);
  return presentActivities(tx, [row!]).then((a) => a[0]!);
}

async function presentActivities(tx: Tx, rows: (typeof leadActivities.$inferSelect)[]) {
  const names = await userNames(tx, [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, note: r.note, userId: r.userId, userName: r.userId ? (names.get(r.userId) ?? null) : null, at: r.at.toISOString() }));
}

export async function listActivities(tx: Tx, caller: Caller, id: string) {
  await findVisibleLead(tx, caller, id);
  const rows = await tx.select().from(leadActivities).where(eq(leadActivities.leadId, id)).orderBy(desc(leadActivities.at)).limit(200);
  return presentActivities(tx, rows);
}

/**
 * Moves an open lead to a final status, exactly once: the conditional UPDATE takes the row lock,
 * so of two browsers converting at the same moment one wins and the other sees the new status.
 */
async function closeLead(tx: Tx, caller: Caller, id: string, set: Partial<typeof leads.$inferInsert>): Promise<LeadRow> {
  const scope = await leadScope(tx, caller);
  const [row] = await tx
    .update(leads)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(leads.id, id), isNull(leads.deletedAt), inArray(leads.status, [...OPEN]), scope))
    .returning();
  if (row) return row;
  const current = await findVisibleLead(tx, caller, id);
  throw new AppError(409, current.status === 'qualified' ? 'lead_already_qualified' : 'lead_already_disqualified', {}, {}, { status: current.status });
}

export type QualifyInput = {
  kind?: 'person' | 'company';
  opportunity?: { name: string; amount?: number; pipelineId?: string; expectedCloseDate?: string };
};

/**
 * Qualifies a lead into a customer: the customer it is already linked to, the customer its
 * number or credit code belongs to, or a new one (a company gets the lead's person as a contact);
 * optionally opens an opportunity on it. One transaction: all of it or nothing.
 */
export async function qualifyLead(tx: Tx, caller: Caller, id: string, input: QualifyInput) {
  const before = await findVisibleLead(tx, caller, id);
  const lead = await closeLead(tx, caller, id, { status: 'qualified', qualifiedAt: new Date() });
  const kind = input.kind ?? (lead.company ? 'company' : 'person');
  let customerId = lead.customerId;
  let created = false;
  if (!customerId) {
    const identities = [
      ...(kind === 'company' && lead.creditCode ? [{ kind: 'credit_code' as const, value: lead.creditCode }] : []),
      ...(kind === 'person' && lead.mobile ? [{ kind: 'mobile' as const, value: lead.mobile }] : []),
    ];
    customerId = (await findByIdentities(tx, identities))[0]?.customerId ?? null;
  }
  if (!customerId) {
    const customer: CustomerInput = {
      kind,
      name: kind === 'company' ? (lead.company ?? lead.name) : lead.name,
      mobile: kind === 'person' ? lead.mobile : null,
      email: kind === 'person' ? lead.email : null,
      creditCode: kind === 'company' ? lead.creditCode : null,
      province: lead.province,
      city: lead.city,
      district: lead.district,
      address: lead.address,
      industry: lead.industry,
      source: lead.source,
      ownerUserId: lead.ownerUserId ?? caller.userId,
    };
    customerId = (await createCustomer(tx, caller, customer, 'lead')).id;
    created = true;
    if (kind === 'company' && lead.name !== customer.name) {
      await addContact(tx, caller, customerId, { name: lead.name, mobile: lead.mobile, email: lead.email, title: lead.title });
    }
  }
  await tx.update(leads).set({ customerId }).where(eq(leads.id, id));
  await closeLeadPool(tx, caller, [id], 'qualified');
  await followQualified(tx, caller, { leadId: id, customerId });
  const opportunity = input.opportunity
    ? await createOpportunity(tx, caller, { ...input.opportunity, customerId, leadId: id, ownerUserId: lead.ownerUserId ?? caller.userId })
    : null;
  if (lead.ownerUserId) await recordOutcomes(tx, [{ userId: lead.ownerUserId, facts: leadFacts(before, new Date()), won: true }]);
  await recordAudit(tx, caller, { action: 'lead.qualify', entity: 'lead', entityId: id, before, after: { ...lead, customerId, customerCreated: created, opportunityId: opportunity?.id ?? null } });
  return { lead: await getLead(tx, caller, id), customerId, customerCreated: created, opportunityId: opportunity?.id ?? null };
}

export async function disqualifyLead(tx: Tx, caller: Caller, id: string, input: { reason: string; note?: string | null }): Promise<Lead> {
  const before = await findVisibleLead(tx, caller, id);
  const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
  const lead = await closeLead(tx, caller, id, { status: 'disqualified', disqualifiedAt: new Date(), disqualifyReason: reason });
  await closeLeadPool(tx, caller, [id], 'disqualified');
  if (lead.ownerUserId) await recordOutcomes(tx, [{ userId: lead.ownerUserId, facts: leadFacts(before, new Date()), won: false }]);
  await recordAudit(tx, caller, { action: 'lead.disqualify', entity: 'lead', entityId: id, before, after: lead });
  return getLead(tx, caller, id);
}

/**
 * A manager hands out leads by hand, one or many: to a person (who must be active and within the
 * manager's team) or to a team queue. Only open leads in the manager's scope move.
 */
export async function assignLeads(tx: Tx, caller: Caller, input: { leadIds: string[]; userId?: string; teamId?: string; note?: string | null }): Promise<Lead[]> {
  if (input.userId) await checkAssignee(tx, caller, input.userId);
  if (input.teamId && caller.dataScope !== 'all') {
    const allowed = caller.teamId ? await teamSubtree(tx, caller.teamId) : [];
    if (!allowed.includes(input.teamId)) throw new AppError(403, 'assignee_outside_team', { teamId: 'outside_team' });
  }
  const ids = [...new Set(input.leadIds)];
  const found = await tx
    .select()
    .from(leads)
    .where(and(inArray(leads.id, ids), isNull(leads.deletedAt), await leadScope(tx, caller)))
    .for('update');
  const missing = ids.filter((id) => !found.some((r) => r.id === id));
  if (missing.length > 0) throw new AppError(404, 'not_found', { leadIds: 'not_found' }, {}, { missing });
  const closed = found.filter((r) => r.status !== 'new' && r.status !== 'working');
  if (closed.length > 0) throw new AppError(409, 'lead_closed', { leadIds: 'closed' }, {}, { closed: closed.map((r) => r.id) });
  const now = new Date();
  const updated = await tx
    .update(leads)
    .set({ ownerUserId: input.userId ?? null, queueTeamId: input.teamId ?? null, assignedAt: now, updatedAt: now })
    .where(inArray(leads.id, ids))
    .returning();
  await syncLeadPool(tx, caller, updated, 'assign');
  await logManualAssignments(tx, caller, ids.map((leadId) => ({ leadId, userId: input.userId ?? null, teamId: input.teamId ?? null, reason: input.note ?? undefined })));
  for (const before of found) {
    const after = updated.find((r) => r.id === before.id);
    await recordAudit(tx, caller, { action: 'lead.assign', entity: 'lead', entityId: before.id, before: { ownerUserId: before.ownerUserId, queueTeamId: before.queueTeamId }, after: { ownerUserId: after?.ownerUserId, queueTeamId: after?.queueTeamId } });
  }
  return presentLeads(tx, caller, updated);
}
