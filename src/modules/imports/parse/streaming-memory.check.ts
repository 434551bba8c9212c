/**
 * Not a unit test: shows that reading a large CSV keeps memory flat.
 *
 *   node --expose-gc --import tsx src/modules/imports/parse/streaming-memory.check.ts [MB] [utf-8|gbk]
 *
 * Writes a CSV of about MB megabytes (default 50) of realistic customer rows to a temporary file,
 * streaming, then reads it with `readRows` and prints rows/s and the peak heap and RSS seen while
 * reading, next to the figures before reading.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { readRows } from './read-rows.ts';

const targetMb = Number(process.argv[2] ?? 50);
const encoding = process.argv[3] === 'gbk' ? 'gbk' : 'utf-8';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟'];
const PLACES = ['浙江省杭州市西湖区文三路', '北京市朝阳区建国路', '上海市浦东新区世纪大道', '广东省深圳市南山区科技园路', '江苏省南京市鼓楼区中山北路'];
const SOURCES = ['淘宝', '京东', '展会', '电话', '官网'];

function row(i: number): string {
  const name = `${SURNAMES.charAt(i % SURNAMES.length)}${GIVEN[i % GIVEN.length]}`;
  const mobile = `13${String(100000000 + ((i * 7919) % 899999999)).padStart(9, '0')}`;
  const address = `${PLACES[i % PLACES.length]}${(i % 999) + 1}号`;
  const note = i % 17 === 0 ? '"老客户，要求""加急""发货\n周末不在"' : '';
  return `${i},${name},${mobile},${address},${SOURCES[i % SOURCES.length]},${note}\r\n`;
}

async function writeFixture(file: string): Promise<number> {
  const out = createWriteStream(file);
  const target = targetMb * 1024 * 1024;
  const encode = (s: string) => (encoding === 'gbk' ? iconv.encode(s, 'gbk') : Buffer.from(s));
  let written = 0;
  let i = 0;
  const header = encode('客户编号,客户名称,手机号码,详细地址,来源,备注\r\n');
  out.write(header);
  written += header.length;
  while (written < target) {
    let batch = '';
    for (let k = 0; k < 1000; k++) batch += row(i++);
    const bytes = encode(batch);
    written += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return i;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tide-stream-check-'));
  const file = path.join(dir, 'customers.csv');
  try {
    const written = await writeFixture(file);
    const { size } = await stat(file);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 20);

    const started = performance.now();
    const source = await readRows(file);
    let rows = 0;
    let issues = 0;
    let lastLine = 0;
    for await (const r of source.rows) {
      rows++;
      if (r.issues.length > 0) issues++;
      lastLine = r.line;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);

    console.log(`file: ${mb(size)} MB ${encoding}, ${written} rows written; read ${rows} rows (${issues} with issues), last line ${lastLine}`);
    console.log(`time: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} rows/s, ${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s`);
    console.log(`heap: ${mb(before.heapUsed)} MB before, peak ${mb(peakHeap)} MB while reading`);
    console.log(`rss:  ${mb(before.rss)} MB before, peak ${mb(peakRss)} MB while reading`);
    if (rows !== written) throw new Error(`expected ${written} rows, read ${rows}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
