import type { Query } from '../../app/api.ts';
import type { CustomerFilter, CustomerKind, CustomerSort } from './customer.types.ts';

const KINDS: readonly CustomerKind[] = ['person', 'company'];
const SORTS: readonly CustomerSort[] = ['-createdAt', 'name', 'completeness'];
const TEXT_KEYS = ['q', 'tag', 'flag', 'province', 'city'] as const;

/** The list's filter as it sits in the address bar, so that going back to the list keeps it. */
export function filterFromParams(params: URLSearchParams): CustomerFilter {
  const filter: CustomerFilter = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const kind = params.get('kind');
  if (KINDS.includes(kind as CustomerKind)) filter.kind = kind as CustomerKind;
  const sort = params.get('sort');
  if (SORTS.includes(sort as CustomerSort)) filter.sort = sort as CustomerSort;
  return filter;
}

/** The API query for a filter: blank values left out, the default sort (newest first) not spelled out. */
export function filterQuery(filter: CustomerFilter): Query {
  const query: Query = {};
  for (const key of TEXT_KEYS) {
    const value = filter[key]?.trim();
    if (value) query[key] = value;
  }
  if (filter.kind) query.kind = filter.kind;
  if (filter.sort && filter.sort !== '-createdAt') query.sort = filter.sort;
  return query;
}

export function filterToParams(filter: CustomerFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterQuery(filter))) params.set(key, String(value));
  return params;
}
