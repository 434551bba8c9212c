import { createReadStream, ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { firstShownSheet, type WorkbookRel, type WorkbookSheet } from './first-shown-sheet.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceRow } from './source-row.ts';
import { hasZipEnd } from './zip-complete.ts';
import { guardZipEnd } from './zip-end-guard.ts';

/**
 * Streams the rows of the first visible worksheet of an XLSX file, in tab order (`firstShownSheet`),
 * with exceljs's streaming reader; the line of a row is its sheet row number. Empty cells in the
 * middle of a row come back as ''. A damaged file raises `ImportFileError('unreadable')`.
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
    // What the reader knows of workbook.xml when it hands out sheets (not in its typings).
    const book = reader as unknown as { model?: { sheets?: WorkbookSheet[] }; workbookRels?: WorkbookRel[] };
    let sheets: AsyncIterator<unknown> | undefined;
    let current: SheetReader | undefined;
    try {
      if (!(await hasZipEnd(path))) {
        throw new ImportFileError('unreadable', 'The XLSX file is incomplete: it ends before its table of contents (a download or copy cut short?).');
      }
      sheets = reader[Symbol.asyncIterator]();
      for (;;) {
        const next = await sheets.next();
        if (next.done) return;
        current = next.value as SheetReader;
        const wanted = firstShownSheet(book.model?.sheets, book.workbookRels);
        if (wanted !== null && current.name !== wanted) {
          for await (const _ of current) continue; // read through: see releaseSheets
          continue;
        }
        for await (const row of current) {
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
      if (current?.iterator instanceof ReadStream) current.iterator.destroy();
      if (sheets) await releaseSheets(sheets).catch(() => undefined);
      file.destroy();
    }
  }
  return { file, records: records() };
}

/** A sheet as exceljs's streaming reader hands it out; `iterator` is a file stream when the sheet waited in a temporary file. */
type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; iterator?: unknown };

/**
 * exceljs copies the sheets it meets before the shared strings (Excel's usual order) to temporary
 * files, and deletes each one only when asked for the sheet after it: asked until the end (their
 * files closed unread), so a read that stops early, or takes one sheet of several, leaves none behind.
 */
async function releaseSheets(sheets: AsyncIterator<unknown>): Promise<void> {
  for (;;) {
    const next = await sheets.next();
    if (next.done) return;
    const source = (next.value as SheetReader).iterator;
    if (source instanceof ReadStream) source.destroy();
  }
}
