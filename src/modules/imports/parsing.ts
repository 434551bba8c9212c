import iconv from 'iconv-lite';
import type { CustomerInput, IncomingOrder } from '../customers/index.ts';
import type { LeadInput } from '../leads/index.ts';
import { ImportFileError } from './parse/import-file-error.ts';
import { readRows, type RowSource } from './parse/read-rows.ts';
import type { ImportType } from './imports.tables.ts';
import { applyTemplate, checkMapping, guessMapping, toTemplate, type HeaderMapping, type MappingTemplate } from './rules/header-mapping.ts';
import { mapLeadRow, type LeadRow } from './rules/map-lead-row.ts';
import { mapCustomerRow, mapOrderRow, type CleanCustomer, type CleanOrder } from './rules/map-row.ts';

/** Header text → field key, or 'ignore': what is stored on an import and in a template. */
export type FieldMapping = MappingTemplate;

/** A row of a lead file for the leads intake: the lead, the channel it names (if any), and the row as written for the rejected list. */
export type ImportedLead = { input: LeadInput; channel: string | null; raw: string };

export type RowResult =
  | { ok: true; line: number; customer?: CustomerInput & { tags?: string[]; contactName?: string | null; namePlaceholder?: boolean }; order?: Omit<IncomingOrder, 'line'>; lead?: ImportedLead }
  | { ok: false; line: number; reasons: { field: string | null; code: string }[]; raw: string };

export type OpenedFile = {
  encoding: string;
  headers: string[];
  mapping: FieldMapping;
  unmappedHeaders: string[];
  sample: string[][];
  /** An estimate for progress bars: data lines, from the file's size and the sample. */
  lineCount: number | null;
  rows(): AsyncIterable<RowResult>;
};

export { ImportFileError };

/** Keeps invalid values visible to the customer base, which flags them and stores them aside. */
function toCustomerInput(c: CleanCustomer): CustomerInput & { contactName: string | null; tags: string[]; namePlaceholder: boolean } {
  const name = c.name ?? c.companyName ?? c.mobile?.replace(/^\+86/, '') ?? c.nationalId ?? c.creditCode ?? c.email ?? '';
  return {
    kind: c.kind,
    name,
    mobile: c.mobile ?? c.rejectedValues.mobile ?? null,
    email: c.email ?? c.rejectedValues.email ?? null,
    nationalId: c.nationalId ?? c.rejectedValues.nationalId ?? null,
    creditCode: c.creditCode ?? c.rejectedValues.creditCode ?? null,
    province: c.province,
    city: c.city,
    district: c.district,
    street: c.street,
    address: c.address,
    industry: c.industry,
    source: c.source,
    externalId: c.externalId,
    contactName: c.kind === 'company' ? c.contactName : null,
    tags: c.tags,
    namePlaceholder: c.name === null && c.companyName === null,
  };
}

function toOrder(o: CleanOrder): Omit<IncomingOrder, 'line'> | null {
  if (!o.orderedAt || !o.amount) return null;
  return {
    orderNo: o.orderNo,
    orderedAt: new Date(o.orderedAt),
    amount: Number(o.amount),
    items: o.items,
    channel: o.channel,
    customerName: o.customerName ?? o.customerMobile?.replace(/^\+86/, '') ?? o.customerExternalId ?? '',
    customerMobile: o.customerMobile,
    customerExternalId: o.customerExternalId,
  };
}

function toLeadInput(l: LeadRow): LeadInput {
  return {
    name: l.name,
    company: l.companyName,
    title: l.title,
    mobile: l.mobile,
    email: l.email,
    creditCode: l.creditCode,
    province: l.province,
    city: l.city,
    district: l.district,
    address: l.address,
    industry: l.industry,
    companySize: l.companySize,
    notes: l.note,
  };
}

/**
 * Data lines in the file, for a progress bar: its size over the sample rows' average size (CSV,
 * in the file's encoding). The bytes the reader has taken in so far say nothing here: it reads
 * ahead in large blocks. For XLSX, whose size is compressed, the read share is the best we have.
 */
function estimateLineCount(source: RowSource, sample: { cells: string[] }[]): number {
  if (sample.length === 0) return 0;
  if (source.kind === 'xlsx' || !source.encoding) {
    const read = source.bytesRead();
    return read > 0 ? Math.max(sample.length, Math.round((source.totalBytes / read) * sample.length)) : sample.length;
  }
  const text = sample.map((s) => s.cells.join(source.delimiter ?? ',') + '\n').join('');
  const bytes = source.encoding === 'utf-8' ? Buffer.byteLength(text) : iconv.encode(text, source.encoding).length;
  return Math.max(sample.length, Math.round(source.totalBytes / (bytes / sample.length)));
}

function mappingFor(source: RowSource, type: ImportType, template?: FieldMapping): HeaderMapping {
  return template ? applyTemplate(source.header.cells, template, type).mapping : guessMapping(source.header.cells, type);
}

/**
 * Opens an uploaded file: kind, encoding and delimiter detected, header read, mapping applied
 * (the import's own, a saved template's, or a guess). Throws ImportFileError for a file that
 * cannot be imported at all, including one whose columns map to nothing.
 */
export async function openImportFile(file: string, type: ImportType, template?: FieldMapping): Promise<OpenedFile> {
  const source = await readRows(file);
  const mapping = mappingFor(source, type, template);
  const check = checkMapping(mapping, type);
  if (!check.ok && check.code === 'no_recognised_column') throw new ImportFileError('no_recognised_column', 'No column matches a field');
  const iterator = source.rows[Symbol.asyncIterator]();
  const sample: { line: number; cells: string[]; issues: string[] }[] = [];
  let exhausted = false;
  for (let i = 0; i < 5; i++) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    sample.push(next.value);
  }
  const lineCount = exhausted ? sample.length : estimateLineCount(source, sample);
  const now = new Date();
  const mapOne = (row: { line: number; cells: string[]; issues: readonly string[] }): RowResult => {
    const raw = row.cells.join(source.delimiter ?? ',');
    const options = { now, issues: row.issues as never };
    switch (type) {
      case 'customers': {
        const result = mapCustomerRow(row.cells, mapping, options);
        return result.ok ? { ok: true, line: row.line, customer: toCustomerInput(result.record) } : { ok: false, line: row.line, reasons: result.reasons, raw };
      }
      case 'orders': {
        const result = mapOrderRow(row.cells, mapping, options);
        const order = result.ok ? toOrder(result.record) : null;
        if (result.ok && order) return { ok: true, line: row.line, order };
        return { ok: false, line: row.line, reasons: result.ok ? [{ field: 'orderedAt', code: 'missing' }] : result.reasons, raw };
      }
      case 'leads': {
        const result = mapLeadRow(row.cells, mapping, options);
        return result.ok ? { ok: true, line: row.line, lead: { input: toLeadInput(result.record), channel: result.record.source, raw } } : { ok: false, line: row.line, reasons: result.reasons, raw };
      }
    }
  };
  let consumed = false;
  return {
    encoding: source.encoding ?? source.kind,
    headers: source.header.cells,
    mapping: toTemplate(mapping),
    unmappedHeaders: mapping.unmapped,
    sample: sample.map((s) => s.cells),
    lineCount,
    async *rows() {
      if (consumed) throw new Error('rows() can be read once');
      consumed = true;
      for (const s of sample) yield mapOne(s);
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield mapOne(next.value);
      }
    },
  };
}
