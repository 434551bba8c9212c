import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError, type ImportFileErrorCode } from './import-file-error.ts';
import { readRows, type ReadRowsOptions } from './read-rows.ts';
import type { SourceRow } from './source-row.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tide-read-rows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = ['客户名称', '手机号码', '身份证号', '详细地址', '来源'];
const DATA = [
  ['张伟', '13812345678', '11010519491231002X', '浙江省杭州市西湖区文三路478号', '淘宝'],
  ['王芳', '139 1234 5678', '', '北京市朝阳区建国路88号', '京东'],
  ['杭州云栖科技有限公司', '0571-88888888', '', '杭州市余杭区文一西路969号', '展会'],
];

function csv(rows: string[][], delimiter = ',', eol = '\r\n'): string {
  const quote = (cell: string) => (/[",\r\n\t;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function readAll(file: string, options?: ReadRowsOptions) {
  const source = await readRows(file, options);
  const rows: SourceRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { ...source, rows };
}

async function failure(file: string, options?: ReadRowsOptions): Promise<{ code: ImportFileErrorCode; detail: Record<string, unknown> }> {
  try {
    await readAll(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    const e = error as ImportFileError;
    return { code: e.code, detail: e.detail };
  }
  throw new Error('expected an ImportFileError');
}

/** Deterministic pseudo-random bytes. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('readRows: CSV encodings and delimiters', () => {
  it('reads UTF-8 with a BOM (Excel "CSV UTF-8"), with the BOM gone from the first header', async () => {
    const result = await readAll(await fixture('bom.csv', `\ufeff${csv([HEADER, ...DATA])}`));
    expect(result).toMatchObject({ kind: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(result.header).toEqual({ line: 1, cells: HEADER });
    expect(result.rows.map((r) => r.cells)).toEqual(DATA);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(result.rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reads UTF-8 without a BOM', async () => {
    const result = await readAll(await fixture('plain.csv', csv([HEADER, ...DATA], ',', '\n')));
    expect(result.encoding).toBe('utf-8');
    expect(result.rows.map((r) => r.cells)).toEqual(DATA);
  });

  it('reads GBK (what Excel saves as "CSV" on a Chinese Windows)', async () => {
    const result = await readAll(await fixture('gbk.csv', iconv.encode(csv([HEADER, ...DATA]), 'gbk')));
    expect(result.encoding).toBe('gb18030');
    expect(result.header.cells).toEqual(HEADER);
    expect(result.rows.map((r) => r.cells)).toEqual(DATA);
  });

  it('reads a GBK file whose only Chinese is in the header', async () => {
    const result = await readAll(await fixture('gbk-short.csv', iconv.encode('姓名,手机\r\nZhang Wei,13812345678\r\n', 'gbk')));
    expect(result.encoding).toBe('gb18030');
    expect(result.header.cells).toEqual(['姓名', '手机']);
  });

  it('reads tab-separated and semicolon-separated files', async () => {
    const tab = await readAll(await fixture('tab.txt', csv([HEADER, ...DATA], '\t')));
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows.map((r) => r.cells)).toEqual(DATA);
    const semi = await readAll(await fixture('semi.csv', csv([HEADER, ...DATA], ';')));
    expect(semi.delimiter).toBe(';');
    expect(semi.rows.map((r) => r.cells)).toEqual(DATA);
  });

  it('reads UTF-16 "Unicode text" as Excel saves it', async () => {
    const result = await readAll(await fixture('unicode.txt', iconv.encode(csv([HEADER, ...DATA], '\t'), 'utf-16le', { addBOM: true })));
    expect(result).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(result.rows.map((r) => r.cells)).toEqual(DATA);
  });
});

describe('readRows: broken rows are reported, the rest goes on', () => {
  it('flags a row with the wrong column count, with its line number', async () => {
    const text = csv([HEADER, DATA[0] ?? [], ['李娜', '13700001111', '', '上海'], DATA[1] ?? [], [...(DATA[2] ?? []), '多余', '两列']]);
    const { rows } = await readAll(await fixture('columns.csv', text));
    expect(rows.map((r) => [r.line, r.issues])).toEqual([
      [2, []],
      [3, ['column_count']],
      [4, []],
      [5, ['column_count']],
    ]);
  });

  it('ignores trailing empty cells (a trailing delimiter) and blank lines', async () => {
    const text = `a,b\r\n1,2,\r\n\r\n,,\r\n3,4,,\r\n`;
    const { rows } = await readAll(await fixture('trailing.csv', text));
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2'], issues: [] },
      { line: 5, cells: ['3', '4'], issues: [] },
    ]);
  });

  it('numbers rows by the line they start on when a cell spans lines', async () => {
    const text = 'name,address\r\n张三,"浙江省杭州市\r\n西湖区\r\n文三路"\r\n李四,北京\r\n';
    const { rows } = await readAll(await fixture('multiline.csv', text));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['张三', '浙江省杭州市\n西湖区\n文三路']],
      [5, ['李四', '北京']],
    ]);
  });

  it('reports a quote that never closes on its own row and keeps the others', async () => {
    const lines = ['name,mobile', '张三,13812345678', '李四,"13912345678', ...Array.from({ length: 1200 }, (_, i) => `客户${i},137${String(i).padStart(8, '0')}`)];
    const { rows } = await readAll(await fixture('stray-quote.csv', `${lines.join('\n')}\n`));
    const broken = rows.filter((r) => r.issues.includes('malformed_quotes'));
    expect(broken.map((r) => r.line)).toEqual([3]);
    expect(broken[0]?.cells).toEqual(['李四', '"13912345678']);
    // The rows swallowed before the quote was given up on come back as (at most) one bad row;
    // everything after it is read normally.
    expect(rows.at(-1)).toEqual({ line: 1203, cells: ['客户1199', '13700001199'], issues: [] });
    expect(rows.length).toBeGreaterThan(1150);
  });

  it('flags a row with bytes that are invalid in the file encoding (GBK)', async () => {
    const bytes = Buffer.concat([
      iconv.encode('姓名,手机\r\n张三,13812345678\r\n李', 'gbk'),
      Buffer.from([0xff]),
      iconv.encode('四,13912345678\r\n王五,13700001111\r\n', 'gbk'),
    ]);
    const { rows, encoding } = await readAll(await fixture('gbk-bad-byte.csv', bytes));
    expect(encoding).toBe('gb18030');
    expect(rows.map((r) => [r.line, r.issues])).toEqual([
      [2, []],
      [3, ['bad_encoding']],
      [4, []],
    ]);
    expect(rows[2]?.cells).toEqual(['王五', '13700001111']);
  });

  it('flags U+FFFD from a UTF-8 file with a broken byte as bad encoding', async () => {
    // Mostly valid UTF-8 with one stray byte: the strict check says "not UTF-8", so the whole file
    // is read as GB18030 and the Chinese would come out wrong. A BOM settles it.
    const bytes = Buffer.concat([Buffer.from('\ufeff姓名,手机\n张三,13812345678\n'), Buffer.from([0xff]), Buffer.from('李四,13912345678\n')]);
    const { rows } = await readAll(await fixture('bom-bad-byte.csv', bytes));
    expect(rows.map((r) => [r.line, r.issues])).toEqual([
      [2, []],
      [3, ['bad_encoding']],
    ]);
  });
});

describe('readRows: the header', () => {
  it('skips a title line above the header', async () => {
    const text = `客户导出 2024-03-05\r\n${csv([HEADER, ...DATA])}`;
    const result = await readAll(await fixture('title.csv', text));
    expect(result.header).toEqual({ line: 2, cells: HEADER });
    expect(result.rows[0]?.line).toBe(3);
  });

  it('reads a single-column file', async () => {
    const result = await readAll(await fixture('single.csv', '手机\n13812345678\n13912345678\n'));
    expect(result.header.cells).toEqual(['手机']);
    expect(result.rows.map((r) => r.cells)).toEqual([['13812345678'], ['13912345678']]);
  });
});

describe('readRows: files that cannot be imported', () => {
  it('refuses a 0-byte file', async () => {
    expect(await failure(await fixture('empty.csv', ''))).toMatchObject({ code: 'zero_bytes' });
  });

  it('refuses a file with only blank lines and separators', async () => {
    expect(await failure(await fixture('blank.csv', '\r\n \r\n,,,\r\n\r\n'))).toMatchObject({ code: 'blank' });
    expect(await failure(await fixture('bom-only.csv', '\ufeff'))).toMatchObject({ code: 'blank' });
  });

  it('refuses a header-only file', async () => {
    expect(await failure(await fixture('header-only.csv', csv([HEADER])))).toMatchObject({ code: 'header_only', detail: { headerLine: 1 } });
    expect(await failure(await fixture('header-blank.csv', `${csv([HEADER])}\r\n,,,,\r\n`))).toMatchObject({ code: 'header_only' });
  });

  it('refuses a binary file', async () => {
    const bytes = noise(20_000);
    bytes[100] = 0;
    expect(await failure(await fixture('random.csv', bytes))).toMatchObject({ code: 'binary', detail: { evidence: 'nul_bytes' } });
    expect(await failure(await fixture('doc.csv', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj')))).toMatchObject({ code: 'binary', detail: { format: 'pdf' } });
  });

  it('refuses a legacy .xls with advice, and a non-XLSX file named .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await failure(await fixture('old.xls', ole))).toMatchObject({ code: 'unsupported_format' });
    expect(await failure(await fixture('fake.xlsx', csv([HEADER, ...DATA])))).toMatchObject({ code: 'unreadable' });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(300)]);
    expect(await failure(await fixture('broken.xlsx', zip))).toMatchObject({ code: 'unreadable' });
  });

  it('reads a file whose headers mean nothing: that is for the mapping step to refuse', async () => {
    const result = await readAll(await fixture('unknown-headers.csv', 'foo,bar,baz\n1,2,3\n'));
    expect(result.header.cells).toEqual(['foo', 'bar', 'baz']);
    expect(result.rows).toHaveLength(1);
  });
});

describe('readRows: XLSX', () => {
  async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('streams the first sheet: text, numbers, dates, rich text, formulas, empty cells', async () => {
    const file = await workbook('customers.xlsx', (wb) => {
      const sheet = wb.addWorksheet('客户');
      sheet.addRow(['客户名称', '手机号码', '下单时间', '金额', '备注']);
      sheet.addRow(['张伟', 13812345678, new Date(Date.UTC(2024, 2, 5, 14, 3, 0)), 1234.5, { richText: [{ text: '老' }, { text: '客户' }] }]);
      sheet.addRow(['王芳', '13912345678', new Date(Date.UTC(2024, 2, 6)), { formula: '1+1', result: 2 }]);
      sheet.addRow([]);
      sheet.addRow(['李娜', null, null, 10]);
      wb.addWorksheet('Other').addRow(['not', 'read']);
    });
    const result = await readAll(file);
    expect(result).toMatchObject({ kind: 'xlsx', encoding: null, delimiter: null });
    expect(result.header).toEqual({ line: 1, cells: ['客户名称', '手机号码', '下单时间', '金额', '备注'] });
    expect(result.rows).toEqual([
      { line: 2, cells: ['张伟', '13812345678', '2024-03-05 14:03:00', '1234.5', '老客户'], issues: [] },
      { line: 3, cells: ['王芳', '13912345678', '2024-03-06', '2', ''], issues: [] },
      { line: 5, cells: ['李娜', '', '', '10', ''], issues: [] },
    ]);
    expect(result.bytesRead()).toBe(result.totalBytes);
  });

  it('flags a row with more filled cells than the header has columns', async () => {
    const file = await workbook('wide.xlsx', (wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.addRow(['姓名', '手机']);
      sheet.addRow(['张伟', '13812345678', '多出来的']);
    });
    const { rows } = await readAll(file);
    expect(rows[0]?.issues).toEqual(['column_count']);
  });

  it('refuses a header-only workbook and an empty one', async () => {
    const headerOnly = await workbook('header-only.xlsx', (wb) => wb.addWorksheet('S').addRow(['姓名', '手机']));
    expect(await failure(headerOnly)).toMatchObject({ code: 'header_only' });
    const empty = await workbook('empty.xlsx', (wb) => wb.addWorksheet('S'));
    expect(await failure(empty)).toMatchObject({ code: 'blank' });
  });

  it('takes the kind from the option over the file name', async () => {
    const file = await workbook('export.dat', (wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.addRow(['姓名', '手机']);
      sheet.addRow(['张伟', '13812345678']);
    });
    expect((await readAll(file, { kind: 'xlsx' })).rows).toHaveLength(1);
    expect((await readAll(file)).kind).toBe('xlsx'); // no known extension: the ZIP signature decides
  });

  it('reads the first visible sheet, not a hidden sheet before it', async () => {
    const file = await workbook('hidden-first.xlsx', (wb) => {
      wb.addWorksheet('字典', { state: 'hidden' }).addRow(['代码', '含义']);
      const shown = wb.addWorksheet('名单');
      shown.addRow(HEADER);
      shown.addRow(['新客户', '13900000000', '', '', '']);
      const other = wb.addWorksheet('旧名单');
      other.addRow(HEADER);
      other.addRow(['旧客户', '13800000000', '', '', '']);
    });
    const result = await readAll(file);
    expect(result.header.cells).toEqual(HEADER);
    expect(result.rows.map((r) => r.cells[0])).toEqual(['新客户']);
  });

  /** Runs `read` with exceljs's temporary files in a folder of its own; what is left there after. */
  async function leftBehind(read: () => Promise<void>): Promise<string[]> {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'tide-xlsx-scratch-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      await read();
      // exceljs deletes them without waiting for the deletion to finish: give it a moment.
      const deadline = Date.now() + 5_000;
      let left = await readdir(scratch);
      while (left.length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        left = await readdir(scratch);
      }
      return left;
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      await rm(scratch, { recursive: true, force: true });
    }
  }

  it('leaves no temporary file behind, whether a read stops early or takes one sheet of several', async () => {
    const file = await workbook('two-sheets.xlsx', (wb) => {
      for (const name of ['名单', '备注']) {
        const sheet = wb.addWorksheet(name);
        sheet.addRow(HEADER);
        for (let i = 0; i < 500; i++) sheet.addRow([`${name}${i}`, `1390000${String(i).padStart(4, '0')}`, '', '', '']);
      }
    });
    const left = await leftBehind(async () => {
      expect((await readAll(file)).rows).toHaveLength(500);
      const preview = await readRows(file);
      for await (const row of preview.rows) {
        expect(row.cells[0]).toBe('名单0');
        break; // a preview stops after the first rows
      }
    });
    expect(left).toEqual([]);
  });

  it('refuses a workbook cut short (a download that stopped), wherever it stops, and does not hang', async () => {
    const whole = await workbook('whole.xlsx', (wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.addRow(HEADER);
      for (let i = 0; i < 3000; i++) sheet.addRow([`客户${i}`, `1380000${String(i).padStart(4, '0')}`, '', `杭州市西湖区文三路${i}号`, '门店']);
    });
    const bytes = await readFile(whole);
    const left = await leftBehind(async () => {
      for (const share of [0.1, 0.5, 0.9, 0.99, (bytes.length - 1) / bytes.length]) {
        const cut = await fixture(`cut-${share}.xlsx`, bytes.subarray(0, Math.floor(bytes.length * share)));
        expect(await failure(cut), `cut at ${share}`).toMatchObject({ code: 'unreadable' });
      }
    });
    // Refused before any sheet is copied to a temporary file.
    expect(left).toEqual([]);
    expect((await readAll(whole)).rows).toHaveLength(3000);
  });
});
