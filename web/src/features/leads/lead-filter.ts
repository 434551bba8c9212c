import type { Query } from '../../app/api.ts';
import { LEAD_STATUSES, type LeadFilter, type LeadOwnerFilter, type LeadSort, type LeadStatus } from './lead.types.ts';

const OWNERS: readonly LeadOwnerFilter[] = ['me', 'none'];
const SORTS: readonly LeadSort[] = ['-createdAt', '-score', 'score'];
const TEXT_KEYS = ['q', 'source', 'channel'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lead list's filter from the address bar; values the API would refuse are dropped. */
export function leadFilterFromParams(params: URLSearchParams): LeadFilter {
  const filter: LeadFilter = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const status = params.get('status');
  if (LEAD_STATUSES.includes(status as LeadStatus)) filter.status = status as LeadStatus;
  if (params.get('open') === 'true') filter.open = true;
  const owner = params.get('owner');
  if (OWNERS.includes(owner as LeadOwnerFilter)) filter.owner = owner as LeadOwnerFilter;
  const team = params.get('queueTeamId');
  if (team && UUID.test(team)) filter.queueTeamId = team;
  const minScore = params.get('minScore');
  if (minScore !== null && /^\d{1,3}$/.test(minScore) && Number(minScore) <= 100) filter.minScore = Number(minScore);
  const sort = params.get('sort');
  if (SORTS.includes(sort as LeadSort)) filter.sort = sort as LeadSort;
  return filter;
}

/**
 * The API query for a filter: blank values left out, `open` only when true (the server reads any
 * value as true), a status wins over `open`, and the default sort (newest first) not spelled out.
 */
export function leadFilterQuery(filter: LeadFilter): Query {
  const query: Query = {};
  for (const key of TEXT_KEYS) {
    const value = filter[key]?.trim();
    if (value) query[key] = value;
  }
  if (filter.status) query.status = filter.status;
  else if (filter.open) query.open = true;
  if (filter.owner) query.owner = filter.owner;
  if (filter.queueTeamId) query.queueTeamId = filter.queueTeamId;
  if (filter.minScore !== undefined && filter.minScore > 0) query.minScore = Math.min(100, Math.round(filter.minScore));
  if (filter.sort && filter.sort !== '-createdAt') query.sort = filter.sort;
  return query;
}

export function leadFilterToParams(filter: LeadFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(leadFilterQuery(filter))) params.set(key, String(value));
  return params;
}

/** The manager's hand-out queue: open leads nobody owns yet (unassigned or waiting in a team queue). */
export const QUEUE_FILTER: LeadFilter = { owner: 'none', open: true };

export const isQueueFilter = (filter: LeadFilter) => filter.owner === 'none' && filter.open === true && !filter.status;
