import { and, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { checkPhone } from '../../lib/phone.ts';
import { customers, customerTags } from './customers.tables.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * What a search box query means: a phone number (any spelling, or a run of its digits), an
 * 18-character credit code or ID number, pinyin or initials ("zs" finds 张三), or part of a name.
 * Each form is served by an index (prefix b-trees, trigram GIN).
 */
export function searchCondition(q: string): SQL | undefined {
  const text = q.normalize('NFKC').trim();
  if (!text) return undefined;
  // 18 characters: a credit code or an ID number (no phone number is that long).
  if (/^[0-9A-Za-z]{18}$/.test(text)) {
    const upper = text.toUpperCase();
    return or(eq(customers.creditCode, upper), eq(customers.nationalId, upper), ilike(customers.name, `%${escapeLike(text)}%`));
  }
  const digits = text.replace(/[\s()-]/g, '');
  if (/^\+?\d{4,}$/.test(digits)) {
    const phone = checkPhone(digits);
    if (phone.ok) return eq(customers.mobile, phone.e164);
    return like(customers.mobile, `%${escapeLike(digits.replace(/^\+/, ''))}%`);
  }
  const pattern = escapeLike(text);
  const conditions: (SQL | undefined)[] = [like(customers.name, `${pattern}%`)];
  if ([...text].length >= 3 || /[a-z]/i.test(text)) conditions.push(ilike(customers.name, `%${pattern}%`));
  if (/^[a-z\s]+$/i.test(text)) {
    const lower = text.toLowerCase().replace(/\s+/g, '');
    conditions.push(like(customers.namePinyin, `${lower}%`), like(customers.nameInitials, `${lower}%`));
  }
  return or(...conditions);
}

export function tagCondition(tag: string): SQL {
  return sql`exists (select 1 from ${customerTags} t where t.tenant_id = customers.tenant_id and t.customer_id = customers.id and t.tag = ${tag})`;
}

export { and };
