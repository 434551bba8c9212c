import type { Query } from '../../app/api.ts';
import { RECORD_TYPES, RULE_KINDS, type PoolFilter, type PoolView, type RecordRef, type RecordType, type RuleKind } from './pool.types.ts';

export const refKey = (ref: RecordRef) => `${ref.type}:${ref.id}`;

export function refFromKey(key: string): RecordRef | null {
  const [type, id] = key.split(':');
  return type && id && (RECORD_TYPES as readonly string[]).includes(type) ? { type: type as RecordType, id } : null;
}

/** A recycle movement's reason `rule:<kind>:<days>`, or null when the reason is something else. */
export function recycleReason(reason: string | null | undefined): { kind: RuleKind; days: number } | null {
  const match = /^rule:([a-z_]+):(\d+)$/.exec(reason ?? '');
  if (!match || !(RULE_KINDS as readonly string[]).includes(match[1]!)) return null;
  return { kind: match[1] as RuleKind, days: Number(match[2]) };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long until a deadline, rounded down to whole days (or hours under a day) so the countdown
 * never promises more time than is left.
 */
export type Countdown = { state: 'overdue' } | { state: 'days'; days: number } | { state: 'hours'; hours: number };

export function countdown(deadline: string, now: Date): Countdown {
  const left = new Date(deadline).getTime() - now.getTime();
  if (!(left > 0)) return { state: 'overdue' };
  if (left >= DAY) return { state: 'days', days: Math.floor(left / DAY) };
  return { state: 'hours', hours: Math.max(1, Math.floor(left / HOUR)) };
}

/** Whether a deadline falls within the pool's warning window. */
export const isDueSoon = (deadline: string | null, warnDays: number, now: Date) => deadline !== null && new Date(deadline).getTime() - now.getTime() <= warnDays * DAY;

export function formatDistance(km: number | null): string | null {
  if (km === null || !Number.isFinite(km)) return null;
  if (km < 1) return `${Math.max(1, Math.round(km * 1000))} m`;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/** Whether a time is still ahead (e.g. a record not yet claimable, or a protection not yet over). */
export const isFuture = (at: string | null | undefined, now: Date) => Boolean(at && new Date(at).getTime() > now.getTime());

// ---- entry condition: the settings form edits "any of these provinces / industries / sources"

/** recordTypes holds RecordType values; kept as strings like the other lists so one code path edits all four. */
export type EntryLists = { recordTypes: string[]; provinces: string[]; industries: string[]; sources: string[] };
export const EMPTY_ENTRY: EntryLists = { recordTypes: [], provinces: [], industries: [], sources: [] };

const LIST_FIELDS = { recordType: 'recordTypes', province: 'provinces', industry: 'industries', source: 'sources' } as const;
type ListField = keyof typeof LIST_FIELDS;

/**
 * The lists the simple editor shows for a stored condition; null when the condition is more than
 * the editor can show (then the form keeps it as it is).
 */
export function entryListsOf(condition: unknown): EntryLists | null {
  if (condition === null || condition === undefined) return { ...EMPTY_ENTRY };
  if (typeof condition !== 'object' || !('all' in condition) || !Array.isArray(condition.all)) return null;
  const lists: EntryLists = { recordTypes: [], provinces: [], industries: [], sources: [] };
  for (const clause of condition.all as unknown[]) {
    if (!clause || typeof clause !== 'object') return null;
    const { field, op, value } = clause as { field?: unknown; op?: unknown; value?: unknown };
    if (typeof field !== 'string' || !(field in LIST_FIELDS)) return null;
    const key = LIST_FIELDS[field as ListField];
    if (lists[key].length) return null; // two clauses on one field mean "and": not a simple list
    if (op === 'in' && Array.isArray(value) && value.every((v) => typeof v === 'string')) lists[key] = [...(value as string[])];
    else if (op === 'eq' && typeof value === 'string') lists[key] = [value];
    else return null;
  }
  return lists;
}

/** The condition for the lists: every non-empty list must match (any of its values); none at all means no condition. */
export function entryConditionOf(lists: EntryLists): { all: { field: ListField; op: 'in'; value: string[] }[] } | null {
  const clauses = (Object.entries(LIST_FIELDS) as [ListField, keyof EntryLists][])
    .map(([field, key]) => ({ field, op: 'in' as const, value: [...new Set(lists[key].map((v) => v.trim()).filter(Boolean))] }))
    .filter((clause) => clause.value.length > 0);
  return clauses.length ? { all: clauses } : null;
}

// ---- the records list's filter in the address bar

const VIEWS: readonly PoolView[] = ['public', 'private', 'mine'];

export function poolFilterFromParams(params: URLSearchParams, fallbackView: PoolView = 'public'): PoolFilter {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const view = params.get('view');
  const type = params.get('type');
  const due = Number(params.get('due'));
  return {
    view: view && (VIEWS as readonly string[]).includes(view) ? (view as PoolView) : fallbackView,
    poolId: text('pool'),
    q: text('q'),
    type: type && (RECORD_TYPES as readonly string[]).includes(type) ? (type as RecordType) : undefined,
    level: text('level'),
    province: text('province'),
    city: text('city'),
    ownerUserId: text('owner'),
    nearby: params.get('nearby') === '1' || undefined,
    dueWithinDays: Number.isInteger(due) && due > 0 ? due : undefined,
  };
}

export function poolFilterToParams(filter: PoolFilter, defaultView: PoolView = 'public'): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | undefined) => value !== undefined && value !== '' && params.set(name, String(value));
  if (filter.view !== defaultView) put('view', filter.view);
  put('pool', filter.poolId);
  put('q', filter.q);
  put('type', filter.type);
  put('level', filter.level);
  put('province', filter.province);
  put('city', filter.city);
  put('owner', filter.ownerUserId);
  if (filter.nearby) put('nearby', 1);
  put('due', filter.dueWithinDays);
  return params;
}

/** The API query for a filter; the position is passed only when nearby-first is on and known. */
export function poolFilterQuery(filter: PoolFilter, position: { lat: number; lng: number } | null): Query {
  return {
    view: filter.view,
    q: filter.q,
    type: filter.type,
    level: filter.level,
    province: filter.province,
    city: filter.city,
    ownerUserId: filter.view === 'private' ? filter.ownerUserId : undefined,
    dueWithinDays: filter.view === 'public' ? undefined : filter.dueWithinDays,
    ...(filter.nearby && position ? { lat: position.lat, lng: position.lng } : {}),
  };
}
