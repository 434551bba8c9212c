import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Page, type Query } from './api.ts';
import { useErrorHandler } from './use-error-handler.ts';

export type CursorList<T> = {
  items: T[];
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Replaces one loaded item in place, e.g. after an edit. */
  replace(match: (item: T) => boolean, next: T): void;
};

/** Loads a collection page by page (`{ items, nextCursor }`); reloads from the start when the query changes. */
export function useCursorList<T>(path: string, query: Query, limit = 50): CursorList<T> {
  const onError = useErrorHandler();
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const request = useRef<AbortController | null>(null);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setLoading(true);
    api<Page<T>>(path, { query: { ...(JSON.parse(queryKey) as Query), limit }, signal: controller.signal })
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setItems([]);
        setNextCursor(null);
        onError(error);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, limit, generation, onError]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const controller = new AbortController();
    request.current = controller;
    setLoadingMore(true);
    api<Page<T>>(path, { query: { ...(JSON.parse(queryKey) as Query), limit, cursor: nextCursor }, signal: controller.signal })
      .then((page) => {
        setItems((previous) => [...previous, ...page.items]);
        setNextCursor(page.nextCursor);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) onError(error);
      })
      .finally(() => setLoadingMore(false));
  }, [path, queryKey, limit, nextCursor, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback(
    (match: (item: T) => boolean, next: T) => setItems((previous) => previous.map((item) => (match(item) ? next : item))),
    [],
  );

  return { items, loading, loadingMore, hasMore: nextCursor !== null, loadMore, reload, replace };
}
