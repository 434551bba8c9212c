import { and, gt, inArray, isNotNull, isNull, sql, asc, gte, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { registerLoadSource, registerOutcomeSource } from '../assignment/index.ts';
import { registerScoringTarget, type Scorer } from '../scoring/index.ts';
import { leadScope, openLeadLoad, type LeadRow } from './leads.service.ts';
import { leads } from './leads.tables.ts';
import { leadFacts } from './rules/lead-facts.ts';

const PAGE = 5_000;

/** Reads leads matching `where` in id order, a page at a time, so a million rows never sit in memory at once. */
async function* pages(tx: Tx, where: ReturnType<typeof and>) {
  let after: string | null = null;
  for (;;) {
    const rows: LeadRow[] = await tx
      .select()
      .from(leads)
      .where(and(where, after ? gt(leads.id, after) : undefined))
      .orderBy(asc(leads.id))
      .limit(PAGE);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

const closed = () => and(isNull(leads.deletedAt), inArray(leads.status, ['qualified', 'disqualified']));

/**
 * The lead model learns conversion: a qualified lead is a success, a disqualified one a failure.
 * Facts are read as they stood at closing, with the closing time as "now".
 */
export async function leadTrainingRows(tx: Tx) {
  const rows: { facts: ReturnType<typeof leadFacts>; won: boolean; at: Date }[] = [];
  for await (const page of pages(tx, closed())) {
    for (const row of page) {
      const at = (row.qualifiedAt ?? row.disqualifiedAt ?? row.updatedAt)!;
      rows.push({ facts: { ...leadFacts(row, at), score: null }, won: row.status === 'qualified', at });
    }
  }
  return rows;
}

/** New scores for every open lead after the model or the rules change, written back set-based per page. */
export async function rescoreOpenLeads(tx: Tx, scorer: Scorer): Promise<number> {
  const now = new Date();
  let count = 0;
  for await (const page of pages(tx, and(isNull(leads.deletedAt), inArray(leads.status, ['new', 'working'])))) {
    const scored = page.map((row) => ({ id: row.id, ...scorer.score(leadFacts(row, now)) }));
    await tx.execute(sql`
      update leads l set score = v.score, score_reasons = v.reasons::jsonb, scored_at = ${now.toISOString()}::timestamptz
      from unnest(${sql.param(scored.map((s) => s.id))}::uuid[], ${sql.param(scored.map((s) => s.score))}::int[], ${sql.param(scored.map((s) => JSON.stringify(s.reasons)))}::text[]) as v(id, score, reasons)
      where l.id = v.id`);
    count += scored.length;
  }
  return count;
}

/** Each closed lead with an owner is one trial of that seller on that kind of customer. */
export async function sellerOutcomeRows(tx: Tx) {
  const rows: { userId: string; facts: ReturnType<typeof leadFacts>; won: boolean }[] = [];
  for await (const page of pages(tx, and(closed(), isNotNull(leads.ownerUserId)))) {
    for (const row of page) rows.push({ userId: row.ownerUserId!, facts: leadFacts(row, row.qualifiedAt ?? row.disqualifiedAt ?? row.updatedAt), won: row.status === 'qualified' });
  }
  return rows;
}

/** Leads created in a period, in the caller's scope, for the conversion funnel. */
export async function leadFunnelRows(tx: Tx, caller: Caller, period: { from: Date; to: Date }) {
  return tx
    .select({ id: leads.id, channel: leads.channel, source: leads.source, ownerUserId: leads.ownerUserId, createdAt: leads.createdAt, qualifiedAt: leads.qualifiedAt, status: leads.status })
    .from(leads)
    .where(and(isNull(leads.deletedAt), gte(leads.createdAt, period.from), lt(leads.createdAt, period.to), await leadScope(tx, caller)));
}

let registered = false;
/** Tells scoring and assignment where lead history comes from (they may not read lead tables). */
export function registerLeadSources() {
  if (registered) return;
  registered = true;
  registerScoringTarget('lead', { trainingRows: leadTrainingRows, rescore: rescoreOpenLeads });
  registerOutcomeSource(sellerOutcomeRows);
  registerLoadSource(openLeadLoad);
}
