import { randomUUID } from 'node:crypto';
import { and, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { loadAssigner, type AssignmentDecision } from '../assignment/index.ts';
import { recordAudit } from '../audit/index.ts';
import { findByIdentities } from '../customers/index.ts';
import { loadScorer } from '../scoring/index.ts';
import { closeLeadPool, syncLeadPool } from './lead-pool.ts';
import { insertLeads, type NewLead } from './leads.repo.ts';
import { openLeadLoad } from './leads.service.ts';
import { leadRejects, leads } from './leads.tables.ts';
import { cleanLead, type CleanLead, type RawLead } from './rules/clean-lead.ts';
import { leadFacts } from './rules/lead-facts.ts';

export type LeadInput = RawLead & {
  ownerUserId?: string | null;
  custom?: Record<string, unknown>;
  /** This lead's source and channel when they differ from the batch's (e.g. a column in a file). */
  source?: string;
  channel?: string | null;
  /** Where the lead came from in its file, for the rejected list; default its place in the batch. */
  line?: number;
};

export type IntakeOptions = {
  source: string;
  channel?: string | null;
  importId?: string | null;
  /** Run the assignment rules for leads without an owner (default true). */
  assign?: boolean;
  now?: Date;
};

export type IntakeOutcome =
  | { index: number; outcome: 'created'; leadId: string; customerId: string | null; ownerUserId: string | null; assignment: AssignmentDecision | null }
  | { index: number; outcome: 'duplicate'; leadId: string }
  | { index: number; outcome: 'rejected'; reasons: string[] };

export type IntakeSummary = { read: number; created: number; linked: number; duplicates: number; rejected: number; assigned: number };

const INSERT_CHUNK = 5_000;
const OPEN = ['new', 'working'] as const;

/**
 * Takes a batch of leads from any channel: cleans them, drops the unreachable to the rejected list,
 * answers an open lead with the same number instead of creating it twice, links leads that are
 * already customers, scores every new lead and runs the assignment rules — all set-based, in the
 * caller's transaction, so a batch commits whole or not at all.
 */
export async function intakeLeads(tx: Tx, actor: Actor, inputs: LeadInput[], options: IntakeOptions): Promise<{ summary: IntakeSummary; results: IntakeOutcome[] }> {
  const now = options.now ?? new Date();
  const results: IntakeOutcome[] = [];
  const rejects: (typeof leadRejects.$inferInsert)[] = [];
  const accepted: { index: number; input: LeadInput; lead: CleanLead }[] = [];

  inputs.forEach((input, index) => {
    const checked = cleanLead(input, now);
    if (checked.ok) accepted.push({ index, input, lead: checked.lead });
    else {
      results.push({ index, outcome: 'rejected', reasons: checked.reasons });
      rejects.push({ tenantId: actor.tenantId, source: input.source ?? options.source, channel: input.channel ?? options.channel ?? null, payload: { ...input, line: input.line ?? index + 1 }, reasons: [...checked.reasons, ...checked.flags] });
    }
  });

  // An open lead with the same mobile or e-mail, here or already in the base, is the same lead.
  const contactKey = (l: CleanLead) => l.mobile ?? `email:${l.email}`;
  const mobiles = [...new Set(accepted.flatMap((a) => (a.lead.mobile ? [a.lead.mobile] : [])))];
  const emails = [...new Set(accepted.flatMap((a) => (!a.lead.mobile && a.lead.email ? [a.lead.email] : [])))];
  const openByContact = new Map<string, string>();
  if (mobiles.length + emails.length > 0) {
    const existing = await tx
      .select({ id: leads.id, mobile: leads.mobile, email: leads.email })
      .from(leads)
      .where(
        and(
          isNull(leads.deletedAt),
          inArray(leads.status, [...OPEN]),
          or(mobiles.length ? inArray(leads.mobile, mobiles) : undefined, emails.length ? and(isNull(leads.mobile), inArray(leads.email, emails)) : undefined),
        ),
      );
    for (const row of existing) openByContact.set(row.mobile ?? `email:${row.email}`, row.id);
  }

  const customerOf = new Map<string, string>();
  const identities = accepted.flatMap(({ lead }) => [
    ...(lead.mobile ? [{ kind: 'mobile' as const, value: lead.mobile }] : []),
    ...(lead.creditCode ? [{ kind: 'credit_code' as const, value: lead.creditCode }] : []),
    ...(lead.email ? [{ kind: 'email' as const, value: lead.email }] : []),
  ]);
  for (const found of await findByIdentities(tx, identities)) customerOf.set(`${found.kind}:${found.value}`, found.customerId);

  const scorer = await loadScorer(tx, 'lead');
  const assigner = options.assign === false ? null : await loadAssigner(tx, { now });
  const load = assigner ? await openLeadLoad(tx) : new Map<string, number>();

  const rows: NewLead[] = [];
  for (const { index, input, lead } of accepted) {
    const key = contactKey(lead);
    const same = openByContact.get(key);
    if (same) {
      results.push({ index, outcome: 'duplicate', leadId: same });
      continue;
    }
    const id = randomUUID();
    openByContact.set(key, id);
    const customerId =
      (lead.creditCode && customerOf.get(`credit_code:${lead.creditCode}`)) ||
      (lead.mobile && customerOf.get(`mobile:${lead.mobile}`)) ||
      (lead.email && customerOf.get(`email:${lead.email}`)) ||
      null;

    const source = input.source ?? options.source;
    const channel = input.channel ?? options.channel ?? null;
    const facts = leadFacts({ ...lead, source, channel, createdAt: now, lastActivityAt: null, activityCount: 0, score: null }, now);
    const scored = scorer.score(facts);
    let ownerUserId = input.ownerUserId ?? null;
    let queueTeamId: string | null = null;
    let decision: AssignmentDecision | null = null;
    if (!ownerUserId && assigner) {
      decision = assigner.assign({ id, facts: { ...facts, score: scored.score } }, load);
      ownerUserId = decision?.userId ?? null;
      queueTeamId = decision && !decision.userId ? decision.teamId : null;
    } else if (ownerUserId) {
      load.set(ownerUserId, (load.get(ownerUserId) ?? 0) + 1);
    }
    const { flags, ...values } = lead;
    rows.push({
      ...values,
      flags,
      tenantId: actor.tenantId,
      id,
      source,
      channel,
      customerId,
      linkedExisting: customerId !== null,
      ownerUserId,
      queueTeamId,
      assignedAt: ownerUserId || queueTeamId ? now : null,
      score: scored.score,
      scoreReasons: scored.reasons,
      scoredAt: now,
      custom: input.custom ?? {},
      importId: options.importId ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    results.push({ index, outcome: 'created', leadId: id, customerId, ownerUserId, assignment: decision });
  }

  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    for (const id of await insertLeads(tx, actor.tenantId, rows.slice(i, i + INSERT_CHUNK))) inserted.add(id);
  }
  if (inserted.size < rows.length) await reportLateDuplicates(tx, rows, inserted, results);
  for (let i = 0; i < rejects.length; i += INSERT_CHUNK) await tx.insert(leadRejects).values(rejects.slice(i, i + INSERT_CHUNK));
  if (assigner) await assigner.flush(tx);

  const created = rows.filter((r) => inserted.has(r.id));
  await syncLeadPool(tx, actor, created);
  const summary: IntakeSummary = {
    read: inputs.length,
    created: created.length,
    linked: created.filter((r) => r.customerId).length,
    duplicates: results.filter((r) => r.outcome === 'duplicate').length,
    rejected: rejects.length,
    assigned: created.filter((r) => r.ownerUserId).length,
  };
  if (created.length === 1 && inputs.length === 1) {
    await recordAudit(tx, actor, { action: 'lead.create', entity: 'lead', entityId: created[0]!.id!, after: { ...created[0], scoreReasons: undefined } });
  } else if (inputs.length > 0) {
    await recordAudit(tx, actor, { action: 'lead.intake', entity: 'lead', after: { source: options.source, channel: options.channel ?? null, importId: options.importId ?? null, ...summary } });
  }
  results.sort((a, b) => a.index - b.index);
  return { summary, results };
}

/** Turns the rows another intake beat us to into duplicates of the lead it created. */
async function reportLateDuplicates(tx: Tx, rows: NewLead[], inserted: Set<string>, results: IntakeOutcome[]) {
  const lost = rows.filter((r) => !inserted.has(r.id!));
  const winners = await tx
    .select({ id: leads.id, mobile: leads.mobile })
    .from(leads)
    .where(and(isNull(leads.deletedAt), inArray(leads.status, [...OPEN]), inArray(leads.mobile, lost.map((r) => r.mobile!))));
  const winnerOf = new Map(winners.map((w) => [w.mobile, w.id]));
  for (const [i, result] of results.entries()) {
    if (result.outcome !== 'created' || inserted.has(result.leadId)) continue;
    const row = lost.find((r) => r.id === result.leadId)!;
    results[i] = { index: result.index, outcome: 'duplicate', leadId: winnerOf.get(row.mobile!) ?? result.leadId };
  }
}

/** Rejected intake, newest first, for the rejected list. */
export async function listRejects(tx: Tx, limit: number, before?: Date) {
  const rows = await tx
    .select()
    .from(leadRejects)
    .where(before ? sql`${leadRejects.createdAt} < ${before.toISOString()}` : undefined)
    .orderBy(sql`${leadRejects.createdAt} desc, ${leadRejects.id} desc`)
    .limit(limit);
  return rows.map((r) => ({ id: r.id, source: r.source, channel: r.channel, payload: r.payload, reasons: r.reasons, createdAt: r.createdAt.toISOString() }));
}

/**
 * Reverting an import removes the leads it created (soft delete), except those already qualified
 * or disqualified: that work stays. Returns how many were removed and how many were kept.
 */
export async function revertImportedLeads(tx: Tx, actor: Actor, importId: string): Promise<{ removed: number; kept: number }> {
  const now = new Date();
  const removed = await tx
    .update(leads)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(sql`${leads.importId} = ${importId}`, isNull(leads.deletedAt), inArray(leads.status, [...OPEN])))
    .returning({ id: leads.id });
  await closeLeadPool(tx, actor, removed.map((r) => r.id), 'import_reverted');
  const [kept] = await tx.select({ n: sql<number>`count(*)::int` }).from(leads).where(and(sql`${leads.importId} = ${importId}`, isNull(leads.deletedAt)));
  await recordAudit(tx, actor, { action: 'lead.import_revert', entity: 'import', entityId: importId, after: { removed: removed.length, kept: kept!.n } });
  return { removed: removed.length, kept: kept!.n };
}
