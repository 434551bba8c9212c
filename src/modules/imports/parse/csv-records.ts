import { createReadStream, type ReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import { createCsvGuard, STRAY_QUOTE } from './csv-guard.ts';
import { createDecoder, type TextEncoding } from './encoding.ts';
import type { Delimiter } from './sniff-delimiter.ts';
import type { RowIssue, SourceRow } from './source-row.ts';

export type CsvSource = { encoding: TextEncoding; delimiter: Delimiter };

/** A record csv-parse had to drop (with the guard in front, only a defensive path). */
type Dropped = { droppedAtLine: number };

/**
 * Streams the records of a CSV file: bytes → decoder → guard (line endings, runaway quotes) →
 * csv-parse. Memory stays flat whatever the file size. `file` is exposed for progress
 * (`file.bytesRead`). Empty lines are skipped; each record carries the line it starts on, counted
 * here (the guard leaves only `\n` line breaks) rather than taken from the parser's per-record info
 * objects, which cost more than the parsing itself.
 */
export function csvRecords(path: string, { encoding, delimiter }: CsvSource): { file: ReadStream; records: AsyncGenerator<SourceRow> } {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const options: Options = {
    delimiter,
    record_delimiter: '\n',
    quote: '"',
    escape: '"',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false, // counted and skipped below, to keep line numbers right
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      // Pushed in stream order, between the records before and after it.
      parser.push({ droppedAtLine: Number((err as { lines?: number } | undefined)?.lines ?? 0) } satisfies Dropped);
      return undefined;
    },
  };
  const parser = parse(options);
  pipeline(file, createDecoder(encoding), createCsvGuard({ delimiter }), parser, () => {
    // Errors reach the consumer through the parser's async iterator.
  });

  async function* records(): AsyncGenerator<SourceRow> {
    let line = 1;
    try {
      for await (const item of parser as AsyncIterable<string[] | Dropped>) {
        if (!Array.isArray(item)) {
          yield { line: item.droppedAtLine, cells: [], issues: ['malformed_quotes'] };
          line = item.droppedAtLine + 1;
          continue;
        }
        const row = toRow(item, line);
        line = row.line + 1 + row.newlines;
        if (item.length === 1 && item[0] === '') continue; // an empty line
        yield { line: row.line, cells: item, issues: row.issues };
      }
    } finally {
      file.destroy();
      parser.destroy();
    }
  }
  return { file, records: records() };
}

function toRow(cells: string[], line: number): { line: number; newlines: number; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  let newlines = 0;
  for (let i = 0; i < cells.length; i++) {
    let cell = cells[i] ?? '';
    if (cell.includes('\n')) newlines += cell.split('\n').length - 1;
    if (cell.includes(STRAY_QUOTE)) {
      cell = cell.replaceAll(STRAY_QUOTE, '"');
      cells[i] = cell;
      if (!issues.includes('malformed_quotes')) issues.push('malformed_quotes');
    }
    if (cell.includes('\uFFFD') && !issues.includes('bad_encoding')) issues.push('bad_encoding');
  }
  return { line, newlines, issues };
}
