import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { csvRecords } from './csv-records.ts';
import { detectEncoding, SAMPLE_BYTES, sniffBinaryFormat, type TextEncoding } from './encoding.ts';
import { ImportFileError } from './import-file-error.ts';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter.ts';
import type { SourceRow } from './source-row.ts';
import { xlsxRecords } from './xlsx-records.ts';

export type FileKind = 'csv' | 'xlsx';

export type ReadRowsOptions = { kind?: FileKind };

export type RowSource = {
  kind: FileKind;
  /** CSV only: the detected encoding and delimiter. */
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** The header row: its line and cell texts (trimmed; trailing empty cells dropped). */
  header: { line: number; cells: string[] };
  /**
   * The data rows after the header, streamed; can be iterated once. Blank rows are skipped. A row
   * with more non-empty cells than the header has columns, or (CSV) fewer cells, carries the
   * issue `column_count`; XLSX rows are padded with '' since spreadsheets leave trailing cells out.
   */
  rows: AsyncIterable<SourceRow>;
  /** Bytes of the file read so far, and its size: for a progress bar. */
  bytesRead: () => number;
  totalBytes: number;
};

/** Rows above the header that hold at most one cell (a title such as "客户列表 2024-03") are skipped. */
const MAX_TITLE_ROWS = 5;

/**
 * Opens a CSV or XLSX file for import and reads up to its first data row: the kind comes from
 * `options.kind`, else the extension, else the first bytes; for CSV the encoding (UTF-8 with or
 * without BOM, GB18030/GBK, Big5, UTF-16) and the delimiter (comma, tab, semicolon, pipe) are
 * detected. Throws `ImportFileError` for a file that cannot be imported at all: `zero_bytes`,
 * `blank`, `header_only`, `binary`, `unsupported_format` (.xls), `unreadable`.
 */
export async function readRows(filePath: string, options: ReadRowsOptions = {}): Promise<RowSource> {
  const { size } = await stat(filePath);
  if (size === 0) throw new ImportFileError('zero_bytes', 'The file is empty (0 bytes).');
  const sample = await readSample(filePath);

  const format = sniffBinaryFormat(sample);
  if (format === 'ole') {
    throw new ImportFileError('unsupported_format', 'This is an old Excel (.xls) file: save it as .xlsx or .csv and import again.', { format });
  }
  const kind = options.kind ?? kindFromName(filePath) ?? (format === 'zip' ? 'xlsx' : 'csv');

  let encoding: TextEncoding | null = null;
  let delimiter: Delimiter | null = null;
  let source: ReturnType<typeof csvRecords>;
  if (kind === 'xlsx') {
    if (format !== 'zip') throw new ImportFileError('unreadable', 'The file is not an XLSX workbook.', { format: format ?? 'text' });
    source = xlsxRecords(filePath);
  } else {
    const guess = detectEncoding(sample, size <= sample.length);
    if (guess.kind === 'binary') {
      throw new ImportFileError('binary', 'This is not a text table (CSV): it contains binary data.', { evidence: guess.reason, format: guess.format });
    }
    encoding = guess.encoding;
    delimiter = sniffDelimiter(iconv.decode(Buffer.from(sample), encoding));
    source = csvRecords(filePath, { encoding, delimiter });
  }

  const reader = rowReader(source.records);
  const header = await findHeader(reader);
  const width = header.cells.length;
  const pad = kind === 'xlsx';

  // The first data row is read now, so that a header-only file fails here and not mid-import.
  const first = await reader.next();
  if (!first) {
    await reader.close();
    throw new ImportFileError('header_only', 'The file has a header row but no data rows.', { headerLine: header.line });
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (let row: SourceRow | null = first; row; row = await reader.next()) yield fitRow(row, width, pad);
    } finally {
      await reader.close();
    }
  }

  return { kind, encoding, delimiter, header, rows: rows(), bytesRead: () => source.file.bytesRead, totalBytes: size };
}

async function readSample(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function kindFromName(filePath: string): FileKind | null {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  return null;
}

const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;

type RowReader = { next: () => Promise<SourceRow | null>; pushBack: (rows: SourceRow[]) => void; close: () => Promise<void> };

/** Non-blank rows (rows with an issue count as non-blank), with room to push back rows read ahead. */
function rowReader(iterator: AsyncGenerator<SourceRow>): RowReader {
  const queue: SourceRow[] = [];
  return {
    async next() {
      const queued = queue.shift();
      if (queued) return queued;
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return null;
        if (value.issues.length > 0 || filled(value.cells) > 0) return value;
      }
    },
    pushBack(rows) {
      queue.unshift(...rows);
    },
    async close() {
      await iterator.return(undefined);
    },
  };
}

/**
 * The header is the first non-blank row, unless that row and up to a few after it hold a single
 * cell (a title) and a later one holds several: then that later row.
 */
async function findHeader(reader: RowReader): Promise<{ line: number; cells: string[] }> {
  const seen: SourceRow[] = [];
  for (let row = await reader.next(); row; row = seen.length > MAX_TITLE_ROWS ? null : await reader.next()) {
    seen.push(row);
    if (filled(row.cells) >= 2) break;
  }
  const header = seen.find((r) => filled(r.cells) >= 2) ?? seen[0];
  if (!header) {
    await reader.close();
    throw new ImportFileError('blank', 'The file holds no text: no header and no rows.');
  }
  // Rows read ahead in a single-column file are data: they go back in line.
  reader.pushBack(seen.slice(seen.indexOf(header) + 1));
  const cells = header.cells.map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return { line: header.line, cells };
}

/** Trailing empty cells beyond the header are dropped; a real surplus or (CSV) shortfall is an issue. */
function fitRow(row: SourceRow, width: number, pad: boolean): SourceRow {
  const cells = row.cells;
  while (cells.length > width && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
  if (pad) while (cells.length < width) cells.push('');
  if (cells.length !== width && !row.issues.includes('column_count')) row.issues.push('column_count');
  return row;
}
