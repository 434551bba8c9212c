import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { Actor, Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { intakeLeads } from './lead-intake.service.ts';
import { webForms, webFormSubmissions } from './leads.tables.ts';
import type { RawLead } from './rules/clean-lead.ts';
import { judgeSubmission, SPAM_POLICY } from './rules/spam.ts';

export const FORM_FIELDS = ['name', 'mobile', 'company', 'email', 'title', 'province', 'city', 'industry', 'companySize', 'notes'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type WebForm = { id: string; key: string; name: string; channel: string | null; fields: FormField[]; thankYou: string | null; enabled: boolean; submissions: number; leads: number; createdAt: string };
type FormRow = typeof webForms.$inferSelect;

const present = (row: FormRow, counts?: { submissions: number; leads: number }): WebForm => ({
  id: row.id,
  key: row.key,
  name: row.name,
  channel: row.channel,
  fields: row.fields as FormField[],
  thankYou: row.thankYou,
  enabled: row.enabled,
  submissions: counts?.submissions ?? 0,
  leads: counts?.leads ?? 0,
  createdAt: row.createdAt.toISOString(),
});

export async function listWebForms(tx: Tx): Promise<WebForm[]> {
  const rows = await tx.select().from(webForms).where(isNull(webForms.deletedAt)).orderBy(desc(webForms.createdAt));
  const counts = await tx
    .select({ formId: webFormSubmissions.formId, submissions: sql<number>`count(*)::int`, leads: sql<number>`count(*) filter (where ${webFormSubmissions.outcome} = 'created')::int` })
    .from(webFormSubmissions)
    .groupBy(webFormSubmissions.formId);
  const byForm = new Map(counts.map((c) => [c.formId, c]));
  return rows.map((r) => present(r, byForm.get(r.id)));
}

async function findForm(tx: Tx, id: string): Promise<FormRow> {
  const [row] = await tx.select().from(webForms).where(and(eq(webForms.id, id), isNull(webForms.deletedAt)));
  if (!row) throw new AppError(404, 'not_found');
  return row;
}

export type WebFormInput = { name: string; channel?: string | null; fields: FormField[]; thankYou?: string | null; enabled?: boolean };

export async function createWebForm(tx: Tx, caller: Caller, input: WebFormInput): Promise<WebForm> {
  if (!input.fields.includes('name') && !input.fields.includes('company')) throw new AppError(400, 'validation_failed', { fields: 'name_or_company_required' });
  if (!input.fields.includes('mobile') && !input.fields.includes('email')) throw new AppError(400, 'validation_failed', { fields: 'contact_required' });
  const [row] = await tx
    .insert(webForms)
    .values({ tenantId: caller.tenantId, key: randomBytes(9).toString('base64url'), name: input.name, channel: input.channel ?? null, fields: input.fields, thankYou: input.thankYou ?? null, enabled: input.enabled ?? true })
    .returning();
  await recordAudit(tx, caller, { action: 'web_form.create', entity: 'web_form', entityId: row!.id, after: row });
  return present(row!);
}

export async function updateWebForm(tx: Tx, caller: Caller, id: string, patch: Partial<WebFormInput>): Promise<WebForm> {
  const before = await findForm(tx, id);
  const fields = patch.fields ?? (before.fields as FormField[]);
  if (!fields.includes('name') && !fields.includes('company')) throw new AppError(400, 'validation_failed', { fields: 'name_or_company_required' });
  if (!fields.includes('mobile') && !fields.includes('email')) throw new AppError(400, 'validation_failed', { fields: 'contact_required' });
  const [row] = await tx.update(webForms).set({ ...patch, updatedAt: new Date() }).where(eq(webForms.id, id)).returning();
  await recordAudit(tx, caller, { action: 'web_form.update', entity: 'web_form', entityId: id, before, after: row });
  return present(row!);
}

export async function deleteWebForm(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findForm(tx, id);
  await tx.update(webForms).set({ deletedAt: new Date(), enabled: false }).where(eq(webForms.id, id));
  await recordAudit(tx, caller, { action: 'web_form.delete', entity: 'web_form', entityId: id, before });
}

/** The tenant of a live public form, looked up without being inside any tenant. */
export async function tenantOfForm(db: Database, key: string): Promise<string | null> {
  return db.systemTx(async (tx) => (await queryRows<{ id: string | null }>(tx, sql`select tide_web_form_tenant(${key}) as id`))[0]?.id ?? null);
}

export async function publicForm(tx: Tx, key: string) {
  const [row] = await tx.select().from(webForms).where(and(eq(webForms.key, key), isNull(webForms.deletedAt), eq(webForms.enabled, true)));
  if (!row) throw new AppError(404, 'not_found');
  return row;
}

export type Submission = Partial<Record<FormField, string>> & { website?: string; startedAt?: number };

/**
 * A public form submission becomes a lead through the same intake as every other channel.
 * Spam is recorded and answered like a success, so bots learn nothing; floods get 429.
 */
export async function submitWebForm(tx: Tx, tenantId: string, key: string, input: Submission, meta: { ip: string | null; channel?: string | null; now?: Date }) {
  const form = await publicForm(tx, key);
  const now = meta.now ?? new Date();
  const [recent] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(webFormSubmissions)
    .where(and(eq(webFormSubmissions.formId, form.id), meta.ip ? eq(webFormSubmissions.ip, meta.ip) : sql`${webFormSubmissions.ip} is null`, gt(webFormSubmissions.createdAt, new Date(now.getTime() - SPAM_POLICY.windowMs))));
  const verdict = judgeSubmission({ honeypot: input.website, startedAt: input.startedAt, now: now.getTime(), recentFromIp: recent!.n });
  if (verdict === 'rate_limited') throw new AppError(429, 'too_many_submissions');
  const actor: Actor = { tenantId, userId: null, ip: meta.ip };
  const channel = meta.channel?.trim().slice(0, 100) || form.channel;
  const raw: RawLead = {};
  for (const field of form.fields as FormField[]) if (input[field] !== undefined) (raw as Record<string, unknown>)[field] = input[field];
  if (verdict !== 'ok') {
    await tx.insert(webFormSubmissions).values({ tenantId, formId: form.id, ip: meta.ip, outcome: 'spam' });
    await recordAudit(tx, actor, { action: 'web_form.spam', entity: 'web_form', entityId: form.id, after: { verdict, ip: meta.ip } });
    return { ok: true as const, thankYou: form.thankYou };
  }
  const { results } = await intakeLeads(tx, actor, [{ ...raw, custom: { webForm: form.name } }], { source: 'web_form', channel, now });
  const result = results[0]!;
  await tx.insert(webFormSubmissions).values({ tenantId, formId: form.id, ip: meta.ip, outcome: result.outcome, leadId: 'leadId' in result ? result.leadId : null });
  if (result.outcome === 'rejected') {
    const fields = Object.fromEntries(result.reasons.map((r) => [r === 'name_missing' ? (form.fields.includes('name') ? 'name' : 'company') : form.fields.includes('mobile') ? 'mobile' : 'email', r]));
    throw new AppError(400, 'validation_failed', fields);
  }
  return { ok: true as const, thankYou: form.thankYou };
}
