import { and, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { escapeLike, fewMatches } from '../../db/contains-search.ts';
import { maskPhone } from '../../lib/phone.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { teamSubtree, userNames, visibleOwnerIds } from '../org/index.ts';
import type { Lead, LeadListQuery } from './leads.schema.ts';
import { leads, type ScoreReason } from './leads.tables.ts';

export type LeadRow = typeof leads.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A lead as the API shows it; the mobile is masked for roles without `customers.phone`. */
export function presentLead(row: LeadRow, caller: Caller, names: Map<string, string> = new Map()): Lead {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    title: row.title,
    mobile: can(caller, 'customers.phone') ? row.mobile : maskPhone(row.mobile),
    email: row.email,
    creditCode: row.creditCode,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    industry: row.industry,
    companySize: row.companySize,
    birthYear: row.birthYear,
    source: row.source,
    channel: row.channel,
    status: row.status,
    disqualifyReason: row.disqualifyReason,
    customerId: row.customerId,
    linkedExisting: row.linkedExisting,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerUserId ? (names.get(row.ownerUserId) ?? null) : null,
    queueTeamId: row.queueTeamId,
    assignedAt: iso(row.assignedAt),
    score: row.score,
    scoreReasons: row.scoreReasons as ScoreReason[],
    completeness: row.completeness,
    lastActivityAt: iso(row.lastActivityAt),
    activityCount: row.activityCount,
    qualifiedAt: iso(row.qualifiedAt),
    disqualifiedAt: iso(row.disqualifiedAt),
    notes: row.notes,
    flags: row.flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function presentLeads(tx: Tx, caller: Caller, rows: LeadRow[]): Promise<Lead[]> {
  const names = await userNames(tx, [...new Set(rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])))]);
  return rows.map((row) => presentLead(row, caller, names));
}

/**
 * Which leads the caller sees: their scope's owners; people who hand out leads also see the
 * unassigned ones and the queues of their team and its sub-teams.
 */
export async function leadScope(tx: Tx, caller: Caller): Promise<SQL | undefined> {
  const owners = await visibleOwnerIds(tx, caller);
  if (!owners) return undefined;
  const own = inArray(leads.ownerUserId, owners);
  if (!can(caller, 'leads.assign')) return own;
  const teams = caller.teamId ? await teamSubtree(tx, caller.teamId) : [];
  const queue = teams.length > 0 ? or(isNull(leads.queueTeamId), inArray(leads.queueTeamId, teams)) : isNull(leads.queueTeamId);
  return or(own, and(isNull(leads.ownerUserId), queue));
}

/** The lead, or 404 when it does not exist or is outside the caller's scope. */
export async function findVisibleLead(tx: Tx, caller: Caller, id: string, lock = false): Promise<LeadRow> {
  const query = tx
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), isNull(leads.deletedAt), await leadScope(tx, caller)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError(404, 'not_found');
  return row;
}

export async function getLead(tx: Tx, caller: Caller, id: string): Promise<Lead> {
  const [lead] = await presentLeads(tx, caller, [await findVisibleLead(tx, caller, id)]);
  return lead!;
}

const SORTS = {
  '-createdAt': { column: leads.createdAt, direction: 'desc', cursor: (r: LeadRow) => r.createdAt.toISOString() },
  '-score': { column: leads.score, direction: 'desc', cursor: (r: LeadRow) => r.score },
  score: { column: leads.score, direction: 'asc', cursor: (r: LeadRow) => r.score },
} as const;

/**
 * A search for part of a name or company, or a run of the phone number's digits: the matching ids
 * when they are few (`fewMatches`, through `tide_lead_ids_like`), else the ILIKE on the list query.
 */
async function leadSearch(tx: Tx, q: string): Promise<SQL | undefined> {
  const text = q.normalize('NFKC').trim();
  if (!text) return undefined;
  const pattern = `%${escapeLike(text)}%`;
  const digits = text.replace(/\D/g, '');
  const mobile = digits.length >= 4 ? `%${digits}%` : null;
  const found = await fewMatches<{ id: string }>(tx, text, (limit) => sql`select id from tide_lead_ids_like(${pattern}, ${mobile}, ${limit}) as id`);
  if (found) return found.length ? sql`${leads.id} = any(${sql.param(found.map((r) => r.id))}::uuid[])` : sql`false`;
  return or(ilike(leads.name, pattern), ilike(leads.company, pattern), mobile ? sql`${leads.mobile} like ${mobile}` : undefined);
}

export async function listLeads(tx: Tx, caller: Caller, query: LeadListQuery): Promise<Page<Lead>> {
  const sort = SORTS[query.sort];
  const page = keyset({ column: sort.column, direction: sort.direction }, leads.id, query.cursor);
  const conditions = [
    isNull(leads.deletedAt),
    await leadScope(tx, caller),
    query.status ? eq(leads.status, query.status) : undefined,
    query.open ? inArray(leads.status, ['new', 'working']) : undefined,
    query.owner === 'me' ? eq(leads.ownerUserId, caller.userId) : query.owner === 'none' ? isNull(leads.ownerUserId) : query.owner ? eq(leads.ownerUserId, query.owner) : undefined,
    query.queueTeamId ? eq(leads.queueTeamId, query.queueTeamId) : undefined,
    query.source ? eq(leads.source, query.source) : undefined,
    query.channel ? eq(leads.channel, query.channel) : undefined,
    query.minScore !== undefined ? sql`${leads.score} >= ${query.minScore}` : undefined,
    query.q ? await leadSearch(tx, query.q) : undefined,
    page.where,
  ];
  // Every lead is scored at intake, so the score column never holds the null that keyset paging cannot order.
  const rows = await tx
    .select()
    .from(leads)
    .where(and(...conditions))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  const items = await presentLeads(tx, caller, rows.slice(0, query.limit));
  const paged = toPage(rows, query.limit, (r) => r, (r) => [sort.cursor(r), r.id]);
  return { items, nextCursor: paged.nextCursor };
}

/** Open leads per owner: the load that assignment balances and caps. */
export async function openLeadLoad(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx
    .select({ owner: leads.ownerUserId, n: sql<number>`count(*)::int` })
    .from(leads)
    .where(and(isNull(leads.deletedAt), inArray(leads.status, ['new', 'working']), sql`${leads.ownerUserId} is not null`))
    .groupBy(leads.ownerUserId);
  return new Map(rows.map((r) => [r.owner!, r.n]));
}

/**
 * What to call leads that other records point at (a follow-up task), without the data-scope
 * check: the caller decides what it may show. Deleted leads are left out.
 */
export async function leadTitles(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: leads.id, name: leads.name, company: leads.company })
    .from(leads)
    .where(and(inArray(leads.id, [...new Set(ids)]), isNull(leads.deletedAt)));
  return new Map(rows.map((r) => [r.id, r.company ? `${r.company} · ${r.name}` : r.name]));
}

export async function recentLeads(tx: Tx, caller: Caller, customerId: string): Promise<Lead[]> {
  const rows = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.customerId, customerId), isNull(leads.deletedAt), await leadScope(tx, caller)))
    .orderBy(desc(leads.createdAt))
    .limit(20);
  return presentLeads(tx, caller, rows);
}
