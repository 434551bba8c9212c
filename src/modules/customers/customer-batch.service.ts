import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { cleanedValues, findByIdentities, rowToInput, type CustomerInput } from './customer-write.service.ts';
import type { CustomerRow } from './customers.service.ts';
import { customerContacts, customerIdentities, customers, customerTags } from './customers.tables.ts';
import type { Identity } from './rules/clean-customer.ts';
import { blockingKeys, decidePair, prepareRecord, type MatchRecord, type PreparedRecord } from '../dedupe/index.ts';
import type { FieldTemplate } from './rules/completeness.ts';
import { bulkAddTags, bulkInsertCustomers, customerRowsByIds, bulkInsertIdentities, bulkInsertSources, bulkReplaceMatchKeys, bulkUpdateCustomers } from './customer-bulk.repo.ts';
import { bestFuzzyMatches, queueReview, refreshMatchKeys, type FuzzyMatch } from './customer-match.service.ts';
import { getCustomerSettings } from './customer-settings.service.ts';
import type { MergeReason } from './customer-merge.service.ts';

export type IncomingCustomer = CustomerInput & {
  line: number;
  tags?: string[];
  /** The row had no name: `name` was made from an identity (its mobile…) to name a new customer, and never renames one. */
  namePlaceholder?: boolean;
  /** Where the row stands in which file (`<sha256>:<line>`): re-importing that file finds the same customer. */
  rowKey?: string;
  /** A person named beside a company in the row (公司名称 + 联系人): kept as the company's contact. */
  contactName?: string | null;
};
export type BatchOutcome = {
  line: number;
  customerId: string;
  action: 'created' | 'updated';
  /** Matched an existing customer by a fuzzy score rather than an identity. */
  fuzzy?: boolean;
  /** The customer as it was before this row updated it, for undo. */
  before: CustomerRow | null;
  matchedBy: string | null;
  /** Tags the batch gave this customer that it did not have (on the customer's first outcome only), for undo. */
  addedTags?: string[];
};

const keyOf = (i: Identity) => `${i.kind}:${i.value}`;
const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

type Named = CustomerInput & { namePlaceholder?: boolean };

/**
 * Survivorship for an incoming row: its non-empty values are newer and win, empty ones keep the
 * old. A placeholder name (a row without one, named after its mobile) never replaces a real one.
 */
function overlay(existing: Named, incoming: Named): Named {
  const out: Record<string, unknown> = { ...existing };
  for (const [k, v] of Object.entries(incoming)) {
    if (isEmpty(v) || k === 'ownerUserId' || k === 'namePlaceholder' || (k === 'name' && incoming.namePlaceholder && !existing.namePlaceholder)) continue;
    out[k] = v;
  }
  out.namePlaceholder = Boolean(existing.namePlaceholder && incoming.namePlaceholder);
  return out as Named;
}

/** A row cleaned and made ready for matching, before any database work. */
export type PreparedCustomerRow = {
  values: ReturnType<typeof cleanedValues>['values'];
  identities: Identity[];
  /** The row as the fuzzy rules compare it (id `line:<n>`) and its blocking keys. */
  probe: PreparedRecord;
  keys: string[];
};

const probeId = (line: number) => `line:${line}`;

/**
 * The part of a batch that needs no database: cleaning, identities, the forms the match rules
 * compare and the blocking keys. An import runs it for the next batch while the database writes
 * the current one; results are keyed by row line.
 */
export function prepareCustomerRows(rows: IncomingCustomer[], options: { channel: string; now: Date; templates: Record<'person' | 'company', FieldTemplate> }): Map<number, PreparedCustomerRow> {
  const out = new Map<number, PreparedCustomerRow>();
  for (const row of rows) {
    const c = cleanedValues(row, options.now, options.templates);
    const probe = prepareRecord({ ...c.values, id: probeId(row.line) } as MatchRecord);
    out.set(row.line, { values: c.values, identities: [...c.identities, ...extraIdentities(row, c.identities, options.channel)], probe, keys: blockingKeys(probe) });
  }
  return out;
}

/**
 * Creates or updates customers for a batch of clean rows, in the caller's transaction. A row
 * whose mobile, ID number or credit code already belongs to a customer (in the base, earlier in
 * the batch, or committed meanwhile by a concurrent import) updates that customer instead of
 * creating another. New customers are inserted in bulk.
 */
export async function upsertCustomerBatch(
  tx: Tx,
  tenantId: string,
  rows: IncomingCustomer[],
  options: { channel: string; importId: string | null; now: Date; fuzzy?: boolean; prepared?: Map<number, PreparedCustomerRow> },
): Promise<BatchOutcome[]> {
  const settings = await getCustomerSettings(tx);
  const clean = (input: CustomerInput) => cleanedValues(input, options.now, settings.fieldTemplates);
  const ready = options.prepared ?? new Map<number, PreparedCustomerRow>();
  const missing = rows.filter((r) => !ready.has(r.line));
  if (missing.length) for (const [line, p] of prepareCustomerRows(missing, { channel: options.channel, now: options.now, templates: settings.fieldTemplates })) ready.set(line, p);
  const cleaned = rows.map((row) => ({ row, ...ready.get(row.line)! }));
  const holders = new Map<string, string>();
  for (const h of await findByIdentities(tx, cleaned.flatMap((c) => c.identities))) holders.set(`${h.kind}:${h.value}`, h.customerId);

  // Rows no identity ties to the base: look for the same customer by name, address and the rest.
  const fuzzy =
    options.fuzzy === false
      ? new Map<string, FuzzyMatch>()
      : await bestFuzzyMatches(
          tx,
          cleaned.filter((c) => !c.identities.some((i) => holders.has(keyOf(i)))).map((c) => ({ record: c.probe, keys: c.keys })),
        );
  const decisions = new Map([...fuzzy].map(([probe, near]) => [probe, decidePair(near.score, settings.thresholds)]));

  // Whole rows of the customers rows will update (held identities, fuzzy merges): the "before" of undo.
  const existingIds = [...new Set([...holders.values(), ...[...fuzzy].filter(([probe]) => decisions.get(probe) === 'merge').map(([, near]) => near.id)])];
  const existingRows = new Map<string, CustomerRow>();
  if (existingIds.length) {
    for (const r of await customerRowsByIds(tx, existingIds)) existingRows.set(r.id, r);
  }
  const reviews: { line: number; otherId: string; score: number; reasons: MergeReason[] }[] = [];

  type Pending = { id: string; line: number; input: Named; identities: Identity[]; folded: boolean; values: ReturnType<typeof clean>['values'] };
  const created = new Map<string, Pending>();
  const outcomes: BatchOutcome[] = [];
  const updates = new Map<string, Named>();

  for (const c of cleaned) {
    let hit: { i: { kind: string }; id: string | undefined } | undefined = c.identities.map((i) => ({ i, id: holders.get(keyOf(i)) })).find((x) => x.id);
    let byScore = false;
    const near = hit ? undefined : fuzzy.get(probeId(c.row.line));
    if (near) {
      const decision = decisions.get(probeId(c.row.line));
      if (decision === 'merge' && existingRows.has(near.id)) {
        hit = { i: { kind: 'fuzzy' }, id: near.id };
        byScore = true;
      } else if (decision === 'review') {
        reviews.push({ line: c.row.line, otherId: near.id, score: near.score, reasons: near.reasons });
      }
    }
    if (!hit) {
      const id = randomUUID();
      created.set(id, { id, line: c.row.line, input: c.row, identities: c.identities, folded: false, values: c.values });
      for (const i of c.identities) holders.set(keyOf(i), id);
      outcomes.push({ line: c.row.line, customerId: id, action: 'created', before: null, matchedBy: null });
      continue;
    }
    const id = hit.id!;
    const pending = created.get(id);
    if (pending) {
      // A second row for a customer first seen in this batch: fold it into the insert.
      pending.input = overlay(pending.input, c.row);
      pending.identities = dedupeIdentities([...pending.identities, ...c.identities], holders, id);
      pending.folded = true;
      outcomes.push({ line: c.row.line, customerId: id, action: 'updated', before: null, matchedBy: hit.i.kind });
      continue;
    }
    const base = updates.get(id) ?? rowToInput(existingRows.get(id)!);
    updates.set(id, overlay(base, c.row));
    for (const i of c.identities) if (!holders.has(keyOf(i))) holders.set(keyOf(i), id);
    outcomes.push({ line: c.row.line, customerId: id, action: 'updated', before: existingRows.get(id) ?? null, matchedBy: hit.i.kind, fuzzy: byScore });
  }

  // Values of every customer this batch creates or changes, cleaned once.
  const finalValues = new Map<string, ReturnType<typeof clean>>();
  for (const p of created.values()) finalValues.set(p.id, p.folded ? clean(p.input) : { values: p.values, identities: p.identities });

  const redirected = await insertCreated(tx, tenantId, [...created.values()], finalValues, options.channel);
  for (const [from, to] of redirected) {
    // A concurrent import committed the same identity first: this row updates that customer.
    const p = created.get(from)!;
    finalValues.delete(from);
    const [holderRow] = await tx.select().from(customers).where(eq(customers.id, to));
    const base = updates.get(to) ?? rowToInput(holderRow!);
    updates.set(to, overlay(base, p.input));
    for (const o of outcomes) if (o.customerId === from) Object.assign(o, { customerId: to, action: 'updated', before: holderRow ?? null, matchedBy: 'concurrent' });
  }

  const updated = [...updates].map(([id, input]) => ({ id, ...clean(input) }));
  for (const u of updated) finalValues.set(u.id, { values: u.values, identities: u.identities });
  await bulkUpdateCustomers(tx, updated.map((u) => ({ id: u.id, ...u.values })), options.now);
  await bulkInsertIdentities(tx, tenantId, updated.flatMap((u) => u.identities.map((i) => ({ customerId: u.id, kind: i.kind, value: i.value }))), options.channel);

  for (const r of reviews) {
    const outcome = outcomes.find((o) => o.line === r.line);
    if (outcome && outcome.customerId !== r.otherId) await queueReview(tx, tenantId, outcome.customerId, r.otherId, r.score, r.reasons);
  }
  const touched = [...finalValues.keys()];
  // Customers this batch created have no keys yet: only the updated ones need theirs cleared.
  await bulkReplaceMatchKeys(
    tx,
    tenantId,
    updated.map((u) => u.id),
    touched.flatMap((id) => {
      const p = created.get(id);
      const keys = p && !p.folded ? ready.get(p.line)!.keys : blockingKeys({ ...finalValues.get(id)!.values, id } as MatchRecord);
      return [...new Set(keys)].map((key) => ({ customerId: id, key }));
    }),
  );
  await bulkInsertSources(tx, tenantId, outcomes.map((o) => ({ customerId: o.customerId, line: o.line })), options.channel, options.importId);
  await addRowContacts(tx, tenantId, rows, outcomes);
  await addRowTags(tx, tenantId, rows, outcomes);
  return outcomes;
}

/**
 * Tags of the rows, added to those the customers already have (an import never removes a tag):
 * one insert for the batch. The tags each customer actually gained go on its first outcome, so
 * that reverting the import removes exactly those.
 */
async function addRowTags(tx: Tx, tenantId: string, rows: IncomingCustomer[], outcomes: BatchOutcome[]) {
  const wanted = new Map<string, { customerId: string; tag: string }>();
  rows.forEach((r, i) => {
    const customerId = outcomes[i]!.customerId;
    for (const raw of r.tags ?? []) {
      const tag = raw.trim();
      if (tag) wanted.set(`${customerId}|${tag}`, { customerId, tag });
    }
  });
  const added = new Map<string, string[]>();
  for (const a of await bulkAddTags(tx, tenantId, [...wanted.values()])) added.set(a.customerId, [...(added.get(a.customerId) ?? []), a.tag]);
  for (const o of outcomes) {
    const tags = added.get(o.customerId);
    if (!tags) continue;
    o.addedTags = tags;
    added.delete(o.customerId);
  }
}

/** Contacts named in company rows, once per company and name. */
async function addRowContacts(tx: Tx, tenantId: string, rows: IncomingCustomer[], outcomes: BatchOutcome[]) {
  const wanted = new Map<string, { companyId: string; name: string }>();
  rows.forEach((r, i) => {
    const name = r.contactName?.trim();
    if (r.kind === 'company' && name) wanted.set(`${outcomes[i]!.customerId}|${name}`, { companyId: outcomes[i]!.customerId, name });
  });
  if (wanted.size === 0) return;
  const companyIds = [...new Set([...wanted.values()].map((w) => w.companyId))];
  const existing = await tx
    .select({ companyId: customerContacts.companyId, name: customerContacts.name })
    .from(customerContacts)
    .where(sql`${customerContacts.companyId} = any(${sql.param(companyIds)}::uuid[])`);
  for (const e of existing) wanted.delete(`${e.companyId}|${e.name}`);
  if (wanted.size) await tx.insert(customerContacts).values([...wanted.values()].map((w) => ({ tenantId, companyId: w.companyId, name: w.name })));
}

/**
 * Identities beyond mobile, ID number and credit code: the channel's own customer number, and for
 * a row with no identity at all its place in its file, so that running the same file again
 * updates instead of creating.
 */
function extraIdentities(row: IncomingCustomer, found: Identity[], channel: string): Identity[] {
  const extra: Identity[] = [];
  if (row.externalId?.trim()) extra.push({ kind: 'external', value: `${channel}:${row.externalId.trim()}` });
  if (found.length === 0 && extra.length === 0 && row.rowKey) extra.push({ kind: 'external', value: `row:${row.rowKey}` });
  return extra;
}

function dedupeIdentities(list: Identity[], holders: Map<string, string>, id: string): Identity[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = keyOf(i);
    if (seen.has(k) || (holders.get(k) && holders.get(k) !== id)) return false;
    seen.add(k);
    return true;
  });
}

/** Bulk insert; returns new ids whose identity was meanwhile taken, mapped to the holder. */
async function insertCreated(
  tx: Tx,
  tenantId: string,
  pending: { id: string; input: CustomerInput; identities: Identity[] }[],
  values: Map<string, ReturnType<typeof cleanedValues>>,
  channel: string,
): Promise<Map<string, string>> {
  const redirected = new Map<string, string>();
  if (pending.length === 0) return redirected;
  await bulkInsertCustomers(tx, tenantId, pending.map((p) => ({ ...values.get(p.id)!.values, id: p.id, ownerUserId: p.input.ownerUserId ?? null })));
  const identities = pending.flatMap((p) => p.identities.map((i) => ({ customerId: p.id, kind: i.kind, value: i.value })));
  const inserted = new Set((await bulkInsertIdentities(tx, tenantId, identities, channel)).map((g) => `${g.kind}:${g.value}`));
  const lost = identities.filter((i) => !inserted.has(`${i.kind}:${i.value}`));
  if (lost.length === 0) return redirected;
  const holders = await findByIdentities(tx, lost.map((l) => ({ kind: l.kind as Identity['kind'], value: l.value })));
  for (const l of lost) {
    const holder = holders.find((h) => h.kind === l.kind && h.value === l.value);
    if (holder && holder.customerId !== l.customerId) redirected.set(l.customerId, holder.customerId);
  }
  for (const id of redirected.keys()) {
    await tx.delete(customerIdentities).where(eq(customerIdentities.customerId, id));
    await tx.delete(customers).where(eq(customers.id, id));
  }
  return redirected;
}

/**
 * What an import records to undo a row's change of a customer: the customer as it was (null when
 * the row created it) and the tags the import added to it.
 */
export function customerChangeRecord(outcome: BatchOutcome): Record<string, unknown> | null {
  if (!outcome.before) return null;
  return { ...outcome.before, addedTags: outcome.addedTags ?? [] };
}

/**
 * Undo of one import change: a created customer is soft-deleted (its tags go with it), an updated
 * one gets its old values back and loses the tags the import added (`before.addedTags`), keeping
 * the ones it had.
 */
export async function revertCustomerChange(tx: Tx, tenantId: string, change: { entityId: string; action: 'created' | 'updated'; before: Record<string, unknown> | null }, now: Date) {
  if (change.action === 'created') {
    await tx.update(customers).set({ deletedAt: now }).where(and(eq(customers.tenantId, tenantId), eq(customers.id, change.entityId)));
    await tx.delete(customerIdentities).where(eq(customerIdentities.customerId, change.entityId));
    await tx.delete(customerTags).where(eq(customerTags.customerId, change.entityId));
    await refreshMatchKeys(tx, tenantId, [change.entityId]);
    return;
  }
  if (!change.before) return;
  const addedTags = (change.before as { addedTags?: unknown }).addedTags;
  if (Array.isArray(addedTags) && addedTags.length > 0) {
    await tx.delete(customerTags).where(and(eq(customerTags.customerId, change.entityId), sql`${customerTags.tag} = any(${sql.param(addedTags)}::text[])`));
  }
  const before = change.before as unknown as CustomerRow;
  const input = rowToInput({ ...before, rejectedValues: before.rejectedValues ?? {} } as CustomerRow);
  const { values, identities } = cleanedValues(input, now);
  await tx.update(customers).set({ ...values, updatedAt: now }).where(and(eq(customers.tenantId, tenantId), eq(customers.id, change.entityId)));
  await refreshMatchKeys(tx, tenantId, [change.entityId]);
  const keep = new Set(identities.map(keyOf));
  const current = await tx.select().from(customerIdentities).where(eq(customerIdentities.customerId, change.entityId));
  for (const c of current) {
    if (!keep.has(`${c.kind}:${c.value}`) && c.kind !== 'external') {
      await tx.delete(customerIdentities).where(and(eq(customerIdentities.kind, c.kind), eq(customerIdentities.value, c.value)));
    }
  }
}
