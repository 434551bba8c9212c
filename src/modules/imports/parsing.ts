import type { CustomerInput, IncomingOrder } from '../customers/index.ts';
import { ImportFileError } from './parse/import-file-error.ts';
import { readRows } from './parse/read-rows.ts';
import type { ImportType } from './imports.tables.ts';

/** Header text → field key (or 'ignore'). */
export type FieldMapping = Record<string, string>;

export type RowResult =
  | { ok: true; line: number; customer?: CustomerInput & { tags?: string[] }; order?: Omit<IncomingOrder, 'line'> }
  | { ok: false; line: number; reasons: { field: string | null; code: string }[]; raw: string };

export type OpenedFile = {
  encoding: string;
  headers: string[];
  mapping: FieldMapping;
  unmappedHeaders: string[];
  sample: string[][];
  lineCount: number | null;
  rows(): AsyncIterable<RowResult>;
};

export { ImportFileError };

/** Opens an uploaded file: kind, encoding, header, mapping (given, from a template, or guessed). */
export async function openImportFile(file: string, type: ImportType, mapping?: FieldMapping): Promise<OpenedFile> {
  const source = await readRows(file);
  void type;
  void mapping;
  throw new ImportFileError('unreadable', `mapping rules not available yet (${source.header.cells.length} columns)`);
}
