import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Readable, type Duplex } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guardZipEnd } from './zip-end-guard.ts';

// The unzip stream exceljs reads XLSX files with (a dependency of exceljs, without types).
const unzipper = createRequire(import.meta.url)('unzipper') as { Parse: (o: { forceStream: boolean }) => Duplex };

async function workbookBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1').addRow(['客户', '手机']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Reads the entries the way exceljs does (paused while it works on one), and holds the first one
 * until the whole file has been written into the unzip stream: the moment unzipper says 'end'.
 */
async function entryNames(guarded: boolean): Promise<string[]> {
  const bytes = await workbookBytes();
  const source = Readable.from([bytes]);
  if (guarded) guardZipEnd(source);
  const zip = unzipper.Parse({ forceStream: true });
  source.pipe(zip);
  const names: string[] = [];
  let ended = false;
  const done = new Promise<void>((resolve) => zip.on('end', () => ((ended = true), resolve())));
  let first = true;
  zip.on('data', (entry: { path: string; autodrain: () => void }) => {
    names.push(entry.path);
    entry.autodrain();
    if (!first) return;
    first = false;
    zip.pause();
    void once(zip, 'finish').then(() => setImmediate(() => (ended ? undefined : zip.resume())));
  });
  await done;
  return names;
}

describe('guardZipEnd', () => {
  it('without it, unzipper announces the end while entries still wait (the failure it prevents)', async () => {
    const names = await entryNames(false);
    expect(names).not.toContain('xl/workbook.xml');
  });

  it('with it, the end comes after every entry, the workbook part included', async () => {
    const names = await entryNames(true);
    expect(names).toContain('xl/worksheets/sheet1.xml');
    expect(names).toContain('xl/sharedStrings.xml');
    expect(names.at(-1)).toBe('xl/workbook.xml');
  });
});
