import { LRUCache } from 'lru-cache';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { Actor, Caller } from '../../server/caller.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { decodeCursor, encodeCursor, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { blockingKeys, decidePair, lookupKeys, prepareRecord, scorePair, scorePrepared, type MatchRecord, type PreparedRecord } from '../dedupe/index.ts';
import { mergeCustomers, type MergeReason } from './customer-merge.service.ts';
import { getCustomerSettings } from './customer-settings.service.ts';
import { presentCustomer, type Customer, type CustomerRow } from './customers.service.ts';
import { customerMatchKeys, customers, matchReviews } from './customers.tables.ts';
import { isWanted, wantedIds } from './customer-bulk.repo.ts';

/**
 * Blocks larger than this are too common to mean anything (e.g. everyone in one city called 王伟):
 * the limit the dedupe benchmark measures its F1 with. It also bounds the work per row: at a
 * million customers most common names fill their blocks, and every member is a candidate to fetch
 * and score.
 */
export const MAX_BLOCK = 100;

export const matchRecordOf = (r: CustomerRow): MatchRecord => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  mobile: r.mobile,
  email: r.email,
  nationalId: r.nationalId,
  creditCode: r.creditCode,
  province: r.province,
  city: r.city,
  district: r.district,
  street: r.street,
  address: r.address,
});

/** Re-writes the blocking keys of these customers (after any create, edit, import or merge). */
export async function writeMatchKeys(tx: Tx, tenantId: string, rows: CustomerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await tx.delete(customerMatchKeys).where(inArray(customerMatchKeys.customerId, ids));
  const keys = rows.filter((r) => !r.deletedAt).flatMap((r) => [...new Set(blockingKeys(matchRecordOf(r)))].map((key) => ({ tenantId, key, customerId: r.id })));
  for (let i = 0; i < keys.length; i += 2000) await tx.insert(customerMatchKeys).values(keys.slice(i, i + 2000)).onConflictDoNothing();
}

export async function refreshMatchKeys(tx: Tx, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await tx.select().from(customers).where(inArray(customers.id, ids.slice(i, i + 1000)));
    await writeMatchKeys(tx, tenantId, rows);
  }
}

export type FuzzyMatch = { id: string; score: number; reasons: MergeReason[] };

/** The columns scoring reads: a candidate costs a narrow row, not the whole customer. */
const matchColumns = {
  id: customers.id,
  kind: customers.kind,
  name: customers.name,
  mobile: customers.mobile,
  email: customers.email,
  nationalId: customers.nationalId,
  creditCode: customers.creditCode,
  province: customers.province,
  city: customers.city,
  district: customers.district,
  street: customers.street,
  address: customers.address,
  updatedAt: customers.updatedAt,
};

/** Candidate rows per query: one batch's candidates are tens of thousands at a million customers. */
const CANDIDATE_CHUNK = 2000;

/**
 * Candidates recur from batch to batch (the 王伟 of one city are candidates for every 王伟 in a
 * file): their prepared forms are kept, keyed by id and last change, so an edited customer is
 * prepared again and a stale form is never used.
 */
const preparedCandidates = new LRUCache<string, PreparedRecord>({ max: 50_000 });

function preparedCandidate(row: MatchRecord & { updatedAt: Date }): PreparedRecord {
  const key = `${row.id}@${row.updatedAt.getTime()}`;
  let prepared = preparedCandidates.get(key);
  if (!prepared) preparedCandidates.set(key, (prepared = prepareRecord(row)));
  return prepared;
}

/**
 * For each record, every existing customer sharing a blocking key with it, scored (one query for
 * the keys and one for the candidates, for a whole batch; the record itself left out). Each key is
 * read up to one past MAX_BLOCK: a block that large is skipped anyway, and reading all of 王伟
 * across a million customers would cost more than the rest of the batch. Records come prepared,
 * with their blocking keys, so that the caller can do that work ahead of the batch.
 */
async function scoredCandidates(tx: Tx, probes: { record: PreparedRecord; keys: readonly string[] }[]): Promise<Map<string, ScoredCandidate[]>> {
  const out = new Map<string, ScoredCandidate[]>();
  const keysOf = new Map(probes.map((p) => [p.record.id, lookupKeys(p.keys)]));
  const allKeys = [...new Set([...keysOf.values()].flat())];
  if (allKeys.length === 0) return out;
  // Per key, its members when the block is small enough to mean something; larger blocks are
  // dropped in the database, not shipped.
  const blocks = await queryRows<{ key: string; ids: string[] }>(
    tx,
    sql`select k.key, b.ids
        from unnest(${sql.param(allKeys)}::text[]) as k(key)
        cross join lateral (
          select array_agg(customer_id::text) as ids, count(*) as n
          from (select customer_id from customer_match_keys where key = k.key limit ${MAX_BLOCK + 1}) m
        ) b
        where b.n between 1 and ${MAX_BLOCK}`,
  );
  const byKey = new Map(blocks.map((b) => [b.key, b.ids]));
  const candidatesOf = new Map<string, Set<string>>();
  const wanted = new Set<string>();
  for (const { record } of probes) {
    const ids = new Set<string>();
    for (const k of keysOf.get(record.id) ?? []) {
      for (const id of byKey.get(k) ?? []) if (id !== record.id) ids.add(id);
    }
    candidatesOf.set(record.id, ids);
    for (const id of ids) wanted.add(id);
  }
  if (wanted.size === 0) return out;
  const others = new Map<string, { prepared: PreparedRecord; updatedAt: Date }>();
  const list = [...wanted];
  const fetchChunk = (from: number) =>
    tx.select(matchColumns).from(customers).innerJoin(wantedIds(list.slice(from, from + CANDIDATE_CHUNK)), isWanted).where(isNull(customers.deletedAt)).execute();
  // The next chunk is asked for before this one is prepared: on a server the database reads it
  // (random heap pages, at a million customers ~30 ms) while this process prepares the names.
  let pending = fetchChunk(0);
  for (let i = 0; i < list.length; i += CANDIDATE_CHUNK) {
    const rows = await pending;
    if (i + CANDIDATE_CHUNK < list.length) {
      pending = fetchChunk(i + CANDIDATE_CHUNK);
      // Observed at once: if preparing this chunk throws, the next one's failure is not left unhandled.
      pending.catch(() => undefined);
    }
    for (const r of rows) others.set(r.id, { prepared: preparedCandidate(r), updatedAt: r.updatedAt });
  }
  for (const { record: mine } of probes) {
    const scored: ScoredCandidate[] = [];
    for (const id of candidatesOf.get(mine.id)!) {
      const other = others.get(id);
      if (!other) continue;
      const s = scorePrepared(mine, other.prepared);
      scored.push({ id, score: s.score, reasons: s.reasons, updatedAt: other.updatedAt });
    }
    out.set(mine.id, scored);
  }
  return out;
}

type ScoredCandidate = FuzzyMatch & { updatedAt: Date };

/** For each record, the best-scoring existing customer among those sharing a blocking key (see scoredCandidates). */
export async function bestFuzzyMatches(tx: Tx, probes: { record: PreparedRecord; keys: readonly string[] }[]): Promise<Map<string, FuzzyMatch>> {
  const out = new Map<string, FuzzyMatch>();
  for (const [probe, scored] of await scoredCandidates(tx, probes)) {
    let best: FuzzyMatch | undefined;
    for (const { id, score, reasons } of scored) if (!best || score > best.score) best = { id, score, reasons };
    if (best) out.set(probe, best);
  }
  return out;
}

/** Existing customers that share a blocking key with the record, scored, best first. */
export async function fuzzyCandidates(tx: Tx, record: MatchRecord, exclude: string[] = []) {
  const keys = lookupKeys(blockingKeys(record));
  if (keys.length === 0) return [];
  const ids = await queryRows<{ customer_id: string }>(
    tx,
    sql`select distinct customer_id from customer_match_keys where key = any(${sql.param(keys)}::text[]) limit ${MAX_BLOCK}`,
  );
  const candidateIds = ids.map((r) => r.customer_id).filter((id) => !exclude.includes(id) && id !== record.id);
  if (candidateIds.length === 0) return [];
  const rows = await tx.select().from(customers).where(and(inArray(customers.id, candidateIds), isNull(customers.deletedAt)));
  return rows.map((row) => ({ row, ...scorePair(record, matchRecordOf(row)) })).sort((a, b) => b.score - a.score);
}

async function queueReview(tx: Tx, tenantId: string, x: string, y: string, score: number, reasons: MergeReason[]) {
  const [aId, bId] = x < y ? [x, y] : [y, x];
  await tx.insert(matchReviews).values({ tenantId, aId, bId, score, reasons }).onConflictDoNothing();
}

/** Customers per transaction in a scan: each batch commits its merges and queued pairs. */
const SCAN_BATCH = 500;

export type ScanResult = { scanned: number; pairs: number; merged: number; queued: number };

/**
 * Finds duplicates already in the base: each customer (or each one changed since `changedSince`)
 * is looked up against the whole base through its blocking keys, as an import row is, and every
 * pair at or above the review threshold is decided once: above the auto-merge threshold the
 * older record survives, in between the pair waits in the review queue. Customers go in id order,
 * SCAN_BATCH to a transaction, so memory stays flat at any size and a scan cut short keeps what
 * it decided; a pair of two scanned customers is decided from its smaller id.
 */
export async function scanDuplicates(db: Database, actor: Actor, options: { changedSince?: Date; batchSize?: number } = {}): Promise<ScanResult> {
  const since = options.changedSince;
  const totals: ScanResult = { scanned: 0, pairs: 0, merged: 0, queued: 0 };
  let after: string | null = null;
  for (;;) {
    const last: string | null = await db.tenantTx(actor.tenantId, async (tx) => {
      const settings = await getCustomerSettings(tx);
      const batch = await tx
        .select(matchColumns)
        .from(customers)
        .where(and(isNull(customers.deletedAt), after ? gt(customers.id, after) : undefined, since ? gte(customers.updatedAt, since) : undefined))
        .orderBy(asc(customers.id))
        .limit(options.batchSize ?? SCAN_BATCH);
      if (batch.length === 0) return null;
      totals.scanned += batch.length;
      const scanned = (c: { id: string; updatedAt: Date }) => !since || c.updatedAt >= since;
      const probes = batch.map((r) => {
        const record = preparedCandidate(r);
        return { record, keys: blockingKeys(record) };
      });
      const gone = new Set<string>();
      for (const [mine, candidates] of await scoredCandidates(tx, probes)) {
        for (const c of candidates) {
          // Both scanned: decided once, from the smaller id.
          if (scanned(c) && c.id < mine) continue;
          const decision = decidePair(c.score, settings.thresholds);
          if (decision === 'distinct') continue;
          totals.pairs++;
          if (gone.has(mine) || gone.has(c.id)) continue;
          if (decision === 'review') {
            await queueReview(tx, actor.tenantId, mine, c.id, c.score, c.reasons);
            totals.queued++;
            continue;
          }
          // The older record survives: it is the one people have been working with.
          const pair = await tx.select({ id: customers.id, createdAt: customers.createdAt }).from(customers).where(and(inArray(customers.id, [mine, c.id]), isNull(customers.deletedAt))).orderBy(asc(customers.createdAt), asc(customers.id));
          if (pair.length < 2) continue;
          await mergeCustomers(tx, actor, pair[0]!.id, pair[1]!.id, { score: c.score, reasons: c.reasons, automatic: true });
          gone.add(pair[1]!.id);
          totals.merged++;
        }
      }
      return batch[batch.length - 1]!.id;
    });
    if (last === null) break;
    after = last;
  }
  await db.tenantTx(actor.tenantId, (tx) => recordAudit(tx, actor, { action: 'customer.dedupe_scan', entity: 'customer', after: { ...totals, changedSince: since?.toISOString() ?? null } }));
  return totals;
}

export type Review = { aId: string; bId: string; a: Customer; b: Customer; score: number; reasons: unknown; status: string; createdAt: string };

export async function listReviews(tx: Tx, caller: Caller, filter: { status: 'pending' | 'merged' | 'rejected'; limit: number; cursor?: string }): Promise<Page<Review>> {
  const after = decodeCursor(filter.cursor, 3);
  const rows = await tx
    .select()
    .from(matchReviews)
    .where(
      and(
        eq(matchReviews.status, filter.status),
        after ? or(lt(matchReviews.score, Number(after[0])), and(eq(matchReviews.score, Number(after[0])), sql`(${matchReviews.aId}, ${matchReviews.bId}) > (${after[1]}, ${after[2]})`)) : undefined,
      ),
    )
    .orderBy(desc(matchReviews.score), matchReviews.aId, matchReviews.bId)
    .limit(filter.limit + 1);
  const ids = [...new Set(rows.flatMap((r) => [r.aId, r.bId]))];
  const people = new Map(ids.length ? (await tx.select().from(customers).where(inArray(customers.id, ids))).map((r) => [r.id, r]) : []);
  const more = rows.length > filter.limit;
  const kept = rows.slice(0, filter.limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map((r) => ({
      aId: r.aId,
      bId: r.bId,
      a: presentCustomer(people.get(r.aId)!, caller),
      b: presentCustomer(people.get(r.bId)!, caller),
      score: r.score,
      reasons: r.reasons,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: more && last ? encodeCursor([last.score, last.aId, last.bId]) : null,
  };
}

async function findReview(tx: Tx, x: string, y: string) {
  const [aId, bId] = x < y ? [x, y] : [y, x];
  const [row] = await tx.select().from(matchReviews).where(and(eq(matchReviews.aId, aId), eq(matchReviews.bId, bId)));
  if (!row || row.status !== 'pending') throw notFound();
  return row;
}

export async function mergeReview(tx: Tx, caller: Caller, input: { aId: string; bId: string; survivorId?: string }) {
  const review = await findReview(tx, input.aId, input.bId);
  const survivorId = input.survivorId ?? review.aId;
  if (survivorId !== review.aId && survivorId !== review.bId) throw new AppError(400, 'validation_failed', { survivorId: 'invalid_reference' });
  const mergedId = survivorId === review.aId ? review.bId : review.aId;
  return mergeCustomers(tx, caller, survivorId, mergedId, { score: review.score, reasons: review.reasons as MergeReason[] });
}

export async function rejectReview(tx: Tx, caller: Caller, input: { aId: string; bId: string }) {
  const review = await findReview(tx, input.aId, input.bId);
  await tx
    .update(matchReviews)
    .set({ status: 'rejected', decidedBy: caller.userId, decidedAt: new Date() })
    .where(and(eq(matchReviews.aId, review.aId), eq(matchReviews.bId, review.bId)));
  await recordAudit(tx, caller, { action: 'customer.match_reject', entity: 'customer', entityId: review.aId, after: { aId: review.aId, bId: review.bId } });
}

export { queueReview };
