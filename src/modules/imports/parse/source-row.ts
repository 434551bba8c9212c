/**
 * What can be wrong with one row of a file, found while reading it:
 * - `column_count`: more or fewer cells than the header has columns
 * - `malformed_quotes`: a quote opened a cell and never closed (the cells may be cut wrongly)
 * - `bad_encoding`: bytes that are not valid in the file's encoding (shown as U+FFFD)
 */
export type RowIssue = 'column_count' | 'malformed_quotes' | 'bad_encoding';

/** One row of a file: its 1-based line (CSV: the line it starts on; XLSX: the sheet row) and cells. */
export type SourceRow = { line: number; cells: string[]; issues: RowIssue[] };
