import { createReadStream, type ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceRow } from './source-row.ts';
import { guardZipEnd } from './zip-end-guard.ts';

/**
 * Streams the rows of the first worksheet of an XLSX file with exceljs's streaming reader; the
 * line of a row is its sheet row number. Empty cells in the middle of a row come back as ''.
 * A damaged file raises `ImportFileError('unreadable')`.
 *
 * Note: XLSX keeps all distinct strings of the workbook in one shared table that has to be held
 * in memory; the rows themselves are streamed.
 */
export function xlsxRecords(path: string): { file: ReadStream; records: AsyncGenerator<SourceRow> } {
  const file = guardZipEnd(createReadStream(path, { highWaterMark: 256 * 1024 }));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell date cells from numbers
    entries: 'ignore',
  });

  async function* records(): AsyncGenerator<SourceRow> {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const values = row.values as unknown[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
          yield { line: row.number, cells, issues: [] };
        }
        return; // the first sheet only
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError('unreadable', `The XLSX file cannot be read: ${(error as Error).message}`);
    } finally {
      file.destroy();
    }
  }
  return { file, records: records() };
}
