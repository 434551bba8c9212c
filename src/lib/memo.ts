import { LRUCache } from 'lru-cache';

/**
 * Remembers a pure function of a string for the most recent `max` distinct inputs. Made for the
 * normalisers an import calls on every row: names, divisions and the like repeat across a file
 * (张伟, 杭州市 thousands of times) and cost microseconds of pinyin or folding each time. The
 * results are shared between callers, so they must be treated as read-only.
 */
export function memoizeText<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const cache = new LRUCache<string, { value: T }>({ max });
  return (text: string) => {
    const hit = cache.get(text);
    if (hit) return hit.value;
    const value = fn(text);
    cache.set(text, { value });
    return value;
  };
}
