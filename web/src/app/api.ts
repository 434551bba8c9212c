import { currentLanguage, i18n } from './i18n.ts';

/** The error shape every server error has: `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Machine-readable facts, e.g. `{ existingId }` on a 409 `duplicate`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Query = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (file uploads). */
  form?: FormData;
  query?: Query;
  signal?: AbortSignal;
};

let onUnauthenticated: (() => void) | undefined;

/** Called when any request other than login or /me answers 401: the session has ended. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined) {
  onUnauthenticated = handler;
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' && error.message ? error.message : i18n.t('error.requestFailed');
    const fields = error.fields && typeof error.fields === 'object' ? (error.fields as Record<string, string>) : {};
    const details = error.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : {};
    return new ApiError(response.status, error.code, message, fields, details);
  }
  return new ApiError(response.status, `http_${response.status}`, i18n.t('error.requestFailed'));
}

/** The address of an API resource, e.g. for a download link (same origin: the session cookie goes along). */
export const apiUrl = (path: string, query?: Query) => `/api/v1${path}${toQueryString(query)}`;

/** Calls `/api/v1<path>` with the session cookie, JSON in and out, in the current UI language. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  // A FormData body sets its own multipart Content-Type (with the boundary).
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'include',
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && path !== '/auth/login' && path !== '/me') onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Follows `nextCursor` to the end; for small collections such as teams or roles. */
export async function fetchAll<T>(path: string, query: Query = {}, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const page: Page<T> = await api<Page<T>>(path, { query: { ...query, limit: 200, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}
