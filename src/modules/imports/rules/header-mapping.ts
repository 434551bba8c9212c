import { fieldsOf, isFieldOf, type FieldKey, type ImportType } from './fields.ts';
import { CUSTOMER_SYNONYMS, LEAD_SYNONYMS, ORDER_SYNONYMS, type Synonyms } from './header-synonyms.ts';

/** One column of a file and the field it feeds (null: not imported), with how sure the guess is (0–1). */
export type MappedColumn = { index: number; header: string; field: FieldKey | null; confidence: number };

export type HeaderMapping = {
  columns: MappedColumn[];
  /** Headers of the columns that map to no field. */
  unmapped: string[];
};

/**
 * A saved mapping for a channel (e.g. "淘宝订单导出"): header text → field, or 'ignore' for a column
 * deliberately left out. A plain object, stored as JSON and applied to later files by header text.
 */
export type MappingTemplate = Record<string, FieldKey | 'ignore'>;

export type AppliedTemplate = {
  mapping: HeaderMapping;
  /** Headers the template maps to a field that the file no longer has. */
  missing: string[];
  /** Headers of the file the template does not know; they get a guessed field if one is free. */
  added: string[];
};

export type MappingCheck =
  | { ok: true }
  | { ok: false; code: 'no_recognised_column' }
  | { ok: false; code: 'missing_required_column'; fields: FieldKey[] }
  | { ok: false; code: 'duplicate_field'; fields: FieldKey[] };

/** Below this a guess is not made: the column stays unmapped for the user to choose. */
export const MIN_CONFIDENCE = 0.5;

/**
 * Header text reduced for comparison: NFKC (full-width to half-width), lower case, without
 * required-field marks and remarks in brackets (`*手机号码（必填）` → `手机号码`), spaces,
 * underscores, dots, hyphens and colons.
 */
export function normalizeHeader(header: string): string {
  const text = header.normalize('NFKC').toLowerCase().replace(/^\ufeff/, '');
  const unbracketed = text.replace(/[(\[【{（][^)\]】}）]*[)\]】}）]/g, '');
  const cleaned = (unbracketed.trim() === '' ? text : unbracketed).replace(/[\s_.\-:*#]+/g, '');
  return cleaned;
}

type Candidate = { index: number; field: FieldKey; confidence: number; rank: number };

const synonymTable = new Map<ImportType, { field: FieldKey; synonym: string; strong: boolean; rank: number }[]>();

function synonymsOf(type: ImportType) {
  let table = synonymTable.get(type);
  if (!table) {
    const source = synonymSource(type);
    table = [];
    for (const field of fieldsOf(type)) {
      const synonyms = source[field];
      if (!synonyms) continue;
      let rank = 0;
      for (const s of synonyms.strong) table.push({ field, synonym: normalizeHeader(s), strong: true, rank: rank++ });
      for (const s of synonyms.weak) table.push({ field, synonym: normalizeHeader(s), strong: false, rank: rank++ });
    }
    synonymTable.set(type, table);
  }
  return table;
}

function synonymSource(type: ImportType): Record<string, Synonyms> {
  switch (type) {
    case 'customers':
      return CUSTOMER_SYNONYMS;
    case 'orders':
      return ORDER_SYNONYMS;
    case 'leads':
      return LEAD_SYNONYMS;
  }
}

const isLatin = (s: string) => /^[a-z0-9]+$/.test(s);

/** How well a header names a field: 1 for a strong synonym, 0.8 for a weak one, less for a header that contains one. */
function scoreHeader(header: string, type: ImportType): Candidate[] {
  const h = normalizeHeader(header);
  if (h === '') return [];
  const best = new Map<FieldKey, Candidate>();
  for (const { field, synonym, strong, rank } of synonymsOf(type)) {
    let confidence = 0;
    if (h === synonym) confidence = strong ? 1 : 0.8;
    else if (synonym.length >= (isLatin(synonym) ? 4 : 2) && h.includes(synonym)) {
      // 客户手机号 contains 手机号: the more of the header the synonym covers, the surer.
      confidence = (strong ? 0.9 : 0.75) * (0.55 + (0.45 * synonym.length) / h.length);
    }
    if (confidence < MIN_CONFIDENCE) continue;
    const previous = best.get(field);
    if (!previous || confidence > previous.confidence || (confidence === previous.confidence && rank < previous.rank)) {
      best.set(field, { index: -1, field, confidence: Math.round(confidence * 100) / 100, rank });
    }
  }
  return [...best.values()];
}

/**
 * Guesses which field each column holds from its header (Chinese or English). Each field goes to
 * at most one column: the surest claim wins, then the more specific synonym, then the leftmost
 * column. The result is a proposal for the user to edit.
 */
export function guessMapping(headers: string[], type: ImportType): HeaderMapping {
  return assign(headers, type, new Map(), new Set());
}

function assign(headers: string[], type: ImportType, fixed: Map<number, FieldKey | null>, taken: Set<FieldKey>): HeaderMapping {
  const candidates: Candidate[] = [];
  headers.forEach((header, index) => {
    if (fixed.has(index)) return;
    for (const c of scoreHeader(header, type)) candidates.push({ ...c, index });
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.rank - b.rank || a.index - b.index);
  const chosen = new Map<number, Candidate>();
  for (const c of candidates) {
    if (taken.has(c.field) || chosen.has(c.index)) continue;
    chosen.set(c.index, c);
    taken.add(c.field);
  }
  const columns: MappedColumn[] = headers.map((header, index) => {
    if (fixed.has(index)) return { index, header, field: fixed.get(index) ?? null, confidence: 1 };
    const c = chosen.get(index);
    return { index, header, field: c?.field ?? null, confidence: c?.confidence ?? 0 };
  });
  return { columns, unmapped: columns.filter((c) => c.field === null).map((c) => c.header) };
}

/** The mapping as a template to save for a channel. */
export function toTemplate(mapping: HeaderMapping): MappingTemplate {
  const template: MappingTemplate = {};
  for (const c of mapping.columns) {
    const key = c.header.trim();
    if (key === '' || key in template) continue;
    template[key] = c.field ?? 'ignore';
  }
  return template;
}

/**
 * Applies a saved template to a new file's headers, matching header text (normalised as in
 * `normalizeHeader`). Columns the template ignores stay unmapped; headers it does not know get a
 * guess for a field the template left free. Fields that are not of this import type are dropped.
 */
export function applyTemplate(headers: string[], template: MappingTemplate, type: ImportType = typeOfTemplate(template)): AppliedTemplate {
  const byHeader = new Map<string, FieldKey | 'ignore'>();
  for (const [header, field] of Object.entries(template)) {
    if (field === 'ignore' || isFieldOf(type, field)) byHeader.set(normalizeHeader(header), field);
  }
  const fixed = new Map<number, FieldKey | null>();
  const taken = new Set<FieldKey>();
  const seen = new Set<string>();
  const added: string[] = [];
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    const field = byHeader.get(key);
    if (field === undefined || seen.has(key)) {
      if (key !== '') added.push(header);
      return;
    }
    seen.add(key);
    if (field !== 'ignore' && taken.has(field)) return;
    fixed.set(index, field === 'ignore' ? null : field);
    if (field !== 'ignore') taken.add(field);
  });
  const missing = Object.entries(template)
    .filter(([header, field]) => field !== 'ignore' && !seen.has(normalizeHeader(header)))
    .map(([header]) => header);
  return { mapping: assign(headers, type, fixed, taken), missing, added };
}

/** An order template names order fields, a lead template a lead-only field (title, size); anything else is a customer template. */
export function typeOfTemplate(template: MappingTemplate): ImportType {
  const fields = Object.values(template).filter((f) => f !== 'ignore');
  if (fields.some((f) => isFieldOf('orders', f))) return 'orders';
  if (fields.some((f) => isFieldOf('leads', f) && !isFieldOf('customers', f))) return 'leads';
  return 'customers';
}

/**
 * Fields that make a row usable: a customer needs a name or an identity, an order its number and a
 * customer, a lead a way to reach the person (mobile or e-mail).
 */
const NEEDS: Record<ImportType, { all: FieldKey[]; anyOf: FieldKey[] }> = {
  customers: { all: [], anyOf: ['name', 'companyName', 'mobile', 'nationalId', 'creditCode', 'email', 'externalId'] },
  orders: { all: ['orderNo'], anyOf: ['customerMobile', 'customerExternalId', 'customerName'] },
  leads: { all: [], anyOf: ['mobile', 'email'] },
};

/**
 * Whether a (possibly user-edited) mapping can import anything: some column must be mapped, each
 * field at most once, and the fields a row cannot do without must be there.
 */
export function checkMapping(mapping: HeaderMapping, type: ImportType): MappingCheck {
  const fields = mapping.columns.map((c) => c.field).filter((f): f is FieldKey => f !== null);
  if (fields.length === 0) return { ok: false, code: 'no_recognised_column' };
  const duplicates = [...new Set(fields.filter((f, i) => fields.indexOf(f) !== i))];
  if (duplicates.length > 0) return { ok: false, code: 'duplicate_field', fields: duplicates };
  const needs = NEEDS[type];
  const missing = needs.all.filter((f) => !fields.includes(f));
  if (needs.anyOf.length > 0 && !needs.anyOf.some((f) => fields.includes(f))) missing.push(...needs.anyOf);
  if (missing.length > 0) return { ok: false, code: 'missing_required_column', fields: missing };
  return { ok: true };
}

const indexes = new WeakMap<HeaderMapping, Partial<Record<FieldKey, number>>>();

/**
 * Column index per mapped field, for reading rows; computed once per mapping object (treat a
 * mapping as immutable once rows are being read with it).
 */
export function fieldIndex(mapping: HeaderMapping): Partial<Record<FieldKey, number>> {
  let index = indexes.get(mapping);
  if (!index) {
    index = {};
    for (const c of mapping.columns) if (c.field !== null && index[c.field] === undefined) index[c.field] = c.index;
    indexes.set(mapping, index);
  }
  return index;
}
