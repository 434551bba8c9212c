import { and, eq, ilike, like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { escapeLike, FEW_MATCHES } from '../../db/contains-search.ts';
import { checkPhone } from '../../lib/phone.ts';
import { customers, customerTags } from './customers.tables.ts';

/** The least string above every string that starts with `prefix`, in code point order; null if none. */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix].map((c) => c.codePointAt(0)!);
  while (points.length > 0) {
    let last = points.pop()! + 1;
    if (last === 0xd800) last = 0xe000; // no surrogates in text
    if (last <= 0x10ffff) return String.fromCodePoint(...points, last);
  }
  return null;
}

/**
 * `column` starts with `prefix`, as a range. LIKE 'x%' says the same, but LIKE is not leakproof,
 * so under the tenant policy it is never checked inside an index; the pattern comparison
 * operators are, and the text_pattern_ops indexes serve them.
 */
export function startsWith(column: AnyColumn, prefix: string): SQL {
  const upper = prefixUpperBound(prefix);
  return upper === null ? sql`${column} ~>=~ ${prefix}` : sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${upper})`;
}

/** Ways a search matches: prefix ranges, and a LIKE pattern run by one of the tenant-bound functions. */
type NameSearch = { prefixes: SQL[]; contains: { column: 'name' | 'mobile'; pattern: string } | null };
const CONTAINS = {
  name: { fn: sql.raw('tide_customer_ids_name_like'), condition: (pattern: string) => ilike(customers.name, pattern) },
  mobile: { fn: sql.raw('tide_customer_ids_mobile_like'), condition: (pattern: string) => like(customers.mobile, pattern) },
};

/** A search that is not a phone number or an 18-character code: the ways it may match a name. */
function nameSearch(text: string): NameSearch {
  const prefixes = [startsWith(customers.name, text)];
  if (/^[a-z\s]+$/i.test(text)) {
    const lower = text.toLowerCase().replace(/\s+/g, '');
    prefixes.push(startsWith(customers.namePinyin, lower), startsWith(customers.nameInitials, lower));
  }
  // Trigrams need three characters; a shorter "contains" would read every name. Short Latin input
  // still finds names case-insensitively by their start, through the pinyin column (Emily → emily…).
  const contains = [...text].length >= 3 ? { column: 'name' as const, pattern: `%${escapeLike(text)}%` } : null;
  return { prefixes, contains };
}

type Parsed = { kind: 'exact'; condition: SQL } | { kind: 'name'; search: NameSearch };

function parse(q: string): Parsed | undefined {
  const text = q.normalize('NFKC').trim();
  if (!text) return undefined;
  // 18 characters: a credit code or an ID number (no phone number is that long).
  if (/^[0-9A-Za-z]{18}$/.test(text)) {
    const upper = text.toUpperCase();
    return { kind: 'exact', condition: or(eq(customers.creditCode, upper), eq(customers.nationalId, upper), ilike(customers.name, `%${escapeLike(text)}%`))! };
  }
  const digits = text.replace(/[\s()-]/g, '');
  if (/^\+?\d{4,}$/.test(digits)) {
    const phone = checkPhone(digits);
    if (phone.ok) return { kind: 'exact', condition: eq(customers.mobile, phone.e164) };
    return { kind: 'name', search: { prefixes: [], contains: { column: 'mobile', pattern: `%${escapeLike(digits.replace(/^\+/, ''))}%` } } };
  }
  return { kind: 'name', search: nameSearch(text) };
}

/**
 * What a search box query means: a phone number (any spelling, or a run of its digits), an
 * 18-character credit code or ID number, pinyin or initials ("zs" finds 张三), or part of a name.
 */
export function searchCondition(q: string): SQL | undefined {
  const parsed = parse(q);
  if (!parsed) return undefined;
  if (parsed.kind !== 'name') return parsed.condition;
  const { prefixes, contains } = parsed.search;
  return or(...prefixes, contains ? CONTAINS[contains.column].condition(contains.pattern) : undefined);
}

/**
 * For a name search (or a run of phone digits), every matching id when each way of matching has at
 * most `cap` matches (prefixes through their indexes, "contains" through the tenant-bound
 * functions); null when one has more; undefined for an exact search (full phone number, code). The
 * caller then filters, sorts and pages those ids, which stays fast however rare the name: walking
 * the newest customers until a page is full costs a pass over the table when only a handful match.
 */
export async function fewNameMatches(tx: Tx, q: string, cap = FEW_MATCHES): Promise<string[] | null | undefined> {
  const parsed = parse(q);
  if (!parsed || parsed.kind !== 'name') return undefined;
  const { prefixes, contains } = parsed.search;
  const arms = prefixes.map((condition, arm) => sql`(select ${arm}::int as arm, id from customers where deleted_at is null and ${condition} limit ${cap + 1})`);
  if (contains) arms.push(sql`(select ${arms.length}::int as arm, id from ${CONTAINS[contains.column].fn}(${contains.pattern}, ${cap + 1}) as id)`);
  const rows = await queryRows<{ arm: number; id: string }>(tx, sql.join(arms, sql` union all `));
  const perArm = new Map<number, number>();
  for (const r of rows) perArm.set(r.arm, (perArm.get(r.arm) ?? 0) + 1);
  if ([...perArm.values()].some((n) => n > cap)) return null;
  return [...new Set(rows.map((r) => r.id))];
}

export function tagCondition(tag: string): SQL {
  return sql`exists (select 1 from ${customerTags} t where t.tenant_id = customers.tenant_id and t.customer_id = customers.id and t.tag = ${tag})`;
}

export { and };
