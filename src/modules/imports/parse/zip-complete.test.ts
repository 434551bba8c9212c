import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasZipEnd } from './zip-complete.ts';

describe('hasZipEnd', () => {
  let dir: string;
  beforeAll(async () => void (dir = await mkdtemp(path.join(os.tmpdir(), 'tide-zip-end-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function file(name: string, bytes: Uint8Array): Promise<string> {
    const p = path.join(dir, name);
    await writeFile(p, bytes);
    return p;
  }

  it('finds the end of a whole workbook (with a comment, or padded after it), and misses it in a cut one', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').addRow(['客户', '手机']);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    expect(await hasZipEnd(await file('whole.xlsx', whole))).toBe(true);
    // A ZIP comment follows the record: its length is the record's last two bytes.
    const comment = Buffer.from('exported by a shop system');
    const withComment = Buffer.concat([whole.subarray(0, whole.length - 2), Buffer.from([comment.length, 0]), comment]);
    expect(await hasZipEnd(await file('comment.xlsx', withComment))).toBe(true);
    expect(await hasZipEnd(await file('padded.xlsx', Buffer.concat([whole, Buffer.alloc(16)])))).toBe(true);
    expect(await hasZipEnd(await file('cut.xlsx', whole.subarray(0, whole.length - 30)))).toBe(false);
    expect(await hasZipEnd(await file('one-short.xlsx', whole.subarray(0, whole.length - 1)))).toBe(false);
    expect(await hasZipEnd(await file('comment-cut.xlsx', withComment.subarray(0, withComment.length - 3)))).toBe(false);
    expect(await hasZipEnd(await file('tiny.xlsx', Buffer.from('PK')))).toBe(false);
  });
});
