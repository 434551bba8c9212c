import type { MovementKind, RecordType } from '../pool.tables.ts';

/** One movement as collusion detection reads it. */
export type CollusionMovement = {
  kind: MovementKind;
  recordType: RecordType;
  recordId: string;
  fromUserId: string | null;
  toUserId: string | null;
  at: Date;
};

export type CollusionThresholds = {
  /** A claim this many hours or fewer after the record left someone else counts as a hand-off. */
  gapHours: number;
  /** Distinct records a pair must have handed off before it is flagged. */
  minRecords: number;
  /** Hand-offs among the same few people before a record counts as circulating. */
  circulationMinMoves: number;
};

export type LeftKind = 'fall' | 'release';

export type HandOff = {
  type: RecordType;
  id: string;
  leftKind: LeftKind;
  leftAt: Date;
  claimedAt: Date;
  gapHours: number;
};

export type FlaggedPair = {
  fromUserId: string;
  toUserId: string;
  /** Distinct records; one record handed off twice counts once here and twice in evidence. */
  records: number;
  medianGapHours: number;
  evidence: HandOff[];
};

export type CirculatingRecord = {
  type: RecordType;
  id: string;
  /** Hand-offs from one person to another, in order. */
  moves: number;
  users: string[];
  history: { kind: MovementKind; fromUserId: string | null; toUserId: string | null; at: Date }[];
};

export type CollusionFindings = { pairs: FlaggedPair[]; circulating: CirculatingRecord[] };

/** At most this many people passing a record around still reads as a closed circle, not ordinary churn. */
const CIRCLE_MAX_PEOPLE = 3;
const HOUR_MS = 3_600_000;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Finds salespeople who feed each other records through the public pool: A lets a record fall or
 * releases it and B claims it soon after, again and again (the pair); and records that keep going
 * round the same two or three people, e.g. swapped back once the protection period is over
 * (circulating). Movements may come in any order; they are read per record in time order.
 */
export function detectCollusion(movements: readonly CollusionMovement[], thresholds: CollusionThresholds): CollusionFindings {
  const byRecord = new Map<string, CollusionMovement[]>();
  for (const m of movements) {
    const key = `${m.recordType}:${m.recordId}`;
    const list = byRecord.get(key);
    if (list) list.push(m);
    else byRecord.set(key, [m]);
  }

  const gapMs = thresholds.gapHours * HOUR_MS;
  const handOffsByPair = new Map<string, { fromUserId: string; toUserId: string; evidence: HandOff[] }>();
  const circulating: CirculatingRecord[] = [];

  for (const list of byRecord.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let left: CollusionMovement | null = null;
    for (const m of list) {
      switch (m.kind) {
        case 'fall':
        case 'release':
          left = m.fromUserId ? m : null;
          break;
        case 'claim': {
          const gap = left ? m.at.getTime() - left.at.getTime() : Infinity;
          if (left && m.toUserId && m.toUserId !== left.fromUserId && gap <= gapMs) {
            const key = `${left.fromUserId}>${m.toUserId}`;
            const pair = handOffsByPair.get(key) ?? { fromUserId: left.fromUserId!, toUserId: m.toUserId, evidence: [] };
            pair.evidence.push({ type: m.recordType, id: m.recordId, leftKind: left.kind as LeftKind, leftAt: left.at, claimedAt: m.at, gapHours: round2(gap / HOUR_MS) });
            handOffsByPair.set(key, pair);
          }
          left = null;
          break;
        }
        // A record given out by a manager, handed over, closed or re-entered was not picked up by
        // whoever claims it next, so the pending departure no longer links the two.
        case 'assign':
        case 'handover':
        case 'enter':
        case 'close':
          left = null;
          break;
        // Moving between pools leaves the record in the public pool: the departure still stands.
        case 'move':
          break;
      }
    }
    const circle = circulation(list, thresholds.circulationMinMoves);
    if (circle) circulating.push(circle);
  }

  const pairs: FlaggedPair[] = [];
  for (const p of handOffsByPair.values()) {
    const records = new Set(p.evidence.map((e) => `${e.type}:${e.id}`)).size;
    if (records < thresholds.minRecords) continue;
    const evidence = p.evidence.sort((a, b) => a.claimedAt.getTime() - b.claimedAt.getTime());
    pairs.push({ fromUserId: p.fromUserId, toUserId: p.toUserId, records, medianGapHours: round2(median(evidence.map((e) => e.gapHours))), evidence });
  }
  pairs.sort((a, b) => b.records - a.records || a.medianGapHours - b.medianGapHours || a.fromUserId.localeCompare(b.fromUserId) || a.toUserId.localeCompare(b.toUserId));
  circulating.sort((a, b) => b.moves - a.moves || a.id.localeCompare(b.id));
  return { pairs, circulating };
}

/**
 * Who held the record, in order, as far as salespeople move it themselves (a departure names the
 * holder, a claim the new one). It circulates when it changed hands at least `minMoves` times
 * among at most three people and came back to someone who had it before.
 */
function circulation(list: readonly CollusionMovement[], minMoves: number): CirculatingRecord | null {
  const holders: string[] = [];
  const history: CirculatingRecord['history'] = [];
  for (const m of list) {
    const holder = m.kind === 'claim' ? m.toUserId : m.kind === 'fall' || m.kind === 'release' ? m.fromUserId : null;
    if (!holder) continue;
    history.push({ kind: m.kind, fromUserId: m.fromUserId, toUserId: m.toUserId, at: m.at });
    if (holders.at(-1) !== holder) holders.push(holder);
  }
  const moves = holders.length - 1;
  const users = [...new Set(holders)];
  if (moves < minMoves || users.length < 2 || users.length > CIRCLE_MAX_PEOPLE || users.length === holders.length) return null;
  const first = list[0]!;
  return { type: first.recordType, id: first.recordId, moves, users, history };
}
