/**
 * Why a whole file cannot be imported. Row-level problems never throw: they come back as issues
 * on the row (see `RowIssue` in read-rows.ts) so the rest of the file goes on.
 *
 * - `zero_bytes`: the file is empty (0 bytes)
 * - `blank`: the file has bytes but no cell with any text (whitespace, empty lines, separators)
 * - `header_only`: a header row and no data row
 * - `binary`: not a text table (NUL bytes, control characters, or a known binary format such as
 *   PDF, an image or an archive); `detail.evidence` says which, `detail.format` names the format
 *   when known
 * - `unsupported_format`: a known spreadsheet format we do not read (the legacy .xls); the user
 *   should save it as .xlsx or .csv
 * - `unreadable`: an XLSX file that is damaged or not really XLSX (e.g. a renamed ZIP)
 * - `no_recognised_column`: no header maps to a field (decided by the mapping step)
 */
export type ImportFileErrorCode =
  | 'zero_bytes'
  | 'blank'
  | 'header_only'
  | 'binary'
  | 'unsupported_format'
  | 'unreadable'
  | 'no_recognised_column';

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function isImportFileError(error: unknown): error is ImportFileError {
  return error instanceof ImportFileError;
}
