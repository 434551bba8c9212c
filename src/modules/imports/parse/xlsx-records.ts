import { createReadStream, type ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { firstShownSheet, type WorkbookRel, type WorkbookSheet } from './first-shown-sheet.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceRow } from './source-row.ts';
import { guardZipEnd } from './zip-end-guard.ts';

/**
 * Streams the rows of the first visible worksheet of an XLSX file, in tab order (`firstShownSheet`),
 * with exceljs's streaming reader; the line of a row is its sheet row number. Empty cells in the middle of a row come back as ''.
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
      // What the reader knows of workbook.xml when it hands out sheets (not in its typings).
      const book = reader as unknown as { model?: { sheets?: WorkbookSheet[] }; workbookRels?: WorkbookRel[] };
      for await (const sheet of reader) {
        const wanted = firstShownSheet(book.model?.sheets, book.workbookRels);
        const rows = sheet as AsyncIterable<ExcelJS.Row> & { name?: string };
        if (wanted !== null && rows.name !== wanted) {
          // Read through, not left open: a sheet the reader kept in a temporary file holds it open.
          for await (const _ of rows) continue;
          continue;
        }
        for await (const row of rows) {
          const values = row.values as unknown[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
          yield { line: row.number, cells, issues: [] };
        }
        return; // one sheet only
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
