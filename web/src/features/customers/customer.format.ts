import type { Customer, EditableField, MatchReason } from './customer.types.ts';

/** The fields compared side by side in the duplicate review, in display order. */
export const COMPARED_FIELDS = [
  'name',
  'kind',
  'mobile',
  'email',
  'nationalId',
  'creditCode',
  'province',
  'city',
  'district',
  'street',
  'address',
  'industry',
  'source',
  'tags',
] as const satisfies readonly (keyof Customer)[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

const norm = (value: unknown): string => {
  if (Array.isArray(value)) return [...value].map(String).sort().join(',');
  return value === null || value === undefined ? '' : String(value).normalize('NFKC').trim().toLowerCase();
};

/** Display text of a compared field; tags joined, empty as an empty string. */
export function fieldText(customer: Customer, field: ComparedField): string {
  const value = customer[field];
  if (Array.isArray(value)) return value.join('、');
  return value ?? '';
}

/** The fields where two records say different things (both filled and unequal, or one empty). */
export function differingFields(a: Customer, b: Customer): Set<ComparedField> {
  return new Set(COMPARED_FIELDS.filter((field) => norm(a[field]) !== norm(b[field])));
}

/** Merge reasons arrive as JSON of a shape the UI does not control: keep the well-formed ones. */
export function reasonsOf(value: unknown): MatchReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): MatchReason[] => {
    if (!item || typeof item !== 'object') return [];
    const { code, weight, detail } = item as { code?: unknown; weight?: unknown; detail?: unknown };
    if (typeof code !== 'string') return [];
    return [{ code, weight: typeof weight === 'number' ? weight : 0, detail: typeof detail === 'string' ? detail : null }];
  });
}

/** Score 0..1 as a whole percentage. */
export const scorePercent = (score: number | null | undefined) => (typeof score === 'number' && Number.isFinite(score) ? `${Math.round(score * 100)}%` : '—');

/** An order's items (`[{ name, quantity?, price? }]`, or whatever the channel sent) as one line. */
export function itemsText(items: unknown): string {
  if (items === null || items === undefined) return '';
  if (typeof items === 'string') return items;
  if (!Array.isArray(items)) return JSON.stringify(items);
  return items
    .map((item) => {
      if (typeof item === 'string') return item;
      if (!item || typeof item !== 'object') return String(item);
      const { name, quantity } = item as { name?: unknown; quantity?: unknown };
      const label = typeof name === 'string' ? name : JSON.stringify(item);
      return typeof quantity === 'number' && quantity !== 1 ? `${label} ×${quantity}` : label;
    })
    .join('、');
}

/** "1234.5" → "¥1,234.50"; the amount stays a decimal string from the server, so only format it. */
export function formatAmount(amount: string, language: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(value);
}

/** The body of PATCH /customers/:id: only what changed, blanks as null. */
export function customerChanges(before: Customer, values: Partial<Record<EditableField | 'kind', string | null | undefined>>): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const [key, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    const value = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
    const previous = before[key as keyof Customer] ?? null;
    if (value !== previous) body[key] = value;
  }
  return body;
}

/** Region text: province city district, skipping blanks. */
export const regionText = (c: Pick<Customer, 'province' | 'city' | 'district'>) => [c.province, c.city, c.district].filter(Boolean).join(' ');
