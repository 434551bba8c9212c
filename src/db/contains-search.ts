import type { SQL } from 'drizzle-orm';
import { queryRows, type Tx } from './client.ts';

/** Text inside a LIKE pattern, its wildcards (% _) and the escape character searched as themselves. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * Up to this many matches, a "contains" search collects the matching rows first and the list pages
 * those; beyond it the term is common enough that walking the list and filtering fills a page at once.
 */
export const FEW_MATCHES = 2000;

/**
 * The rows a tenant-bound "contains" function finds for `text` (migrations 0010, 0012, 0014, 0015:
 * under the tenant policy ILIKE is never checked inside an index, so the lists search through
 * these), asked for one more than FEW_MATCHES. Null when there are more, or when the text is too
 * short for trigrams (under three characters): the caller then filters with the ILIKE itself.
 */
export async function fewMatches<T extends Record<string, unknown>>(tx: Tx, text: string, find: (limit: number) => SQL): Promise<T[] | null> {
  if ([...text].length < 3) return null;
  const rows = await queryRows<T>(tx, find(FEW_MATCHES + 1));
  return rows.length <= FEW_MATCHES ? rows : null;
}
