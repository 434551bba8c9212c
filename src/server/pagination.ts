import { and, asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from './errors.ts';

export const listQuery = {
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the 400 below
  }
  throw new AppError(400, 'validation_failed', { cursor: 'invalid_format' });
}

/** A list's sort key: the column (or expression) it orders by, and that value of a row for the cursor. */
export type SortKey<R> = { column: AnyColumn | SQL; cursor(row: R): unknown };

/**
 * Keyset paging on (sort column, id): stays fast at any depth, unlike OFFSET.
 * Returns the extra WHERE condition and ORDER BY for the query.
 */
export function keyset(
  sort: { column: AnyColumn | SQL; direction: 'asc' | 'desc' },
  id: AnyColumn,
  cursor: string | undefined,
): { where: SQL | undefined; orderBy: SQL[] } {
  const values = decodeCursor(cursor, 2);
  const op = sort.direction === 'asc' ? sql`>` : sql`<`;
  const where = values ? sql`(${sort.column}, ${id}) ${op} (${values[0]}, ${values[1]})` : undefined;
  const dir = sort.direction === 'asc' ? asc : desc;
  return { where, orderBy: [dir(sort.column), dir(id)] };
}

/** Cuts the extra row fetched to learn whether there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, cursorOf: (row: R) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last ? encodeCursor(cursorOf(last)) : null };
}

export { and };
