// Seeded generator of a realistic customer CSV for the import benchmark: Chinese (and some
// Latin) persons and companies, ~10% rows that repeat an earlier customer (same mobile or
// credit code, name or address written differently), ~3% dirty rows (impossible mobiles, rows
// with no name and no identity, invalid credit codes). Column-count errors are left to the unit
// tests, so that the raw COPY yardstick can load the same file. Brands and given names are mostly
// composed (`names: 'wide'`), as varied as real ones, not the demo's few dozen of each.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { generateDemoData } from '../../src/modules/demo/index.ts';
import { createRandom } from '../../src/modules/demo/random.ts';

export type GeneratedFile = { rows: number; duplicates: number; dirty: number };

const HEADER = '姓名,手机号,邮箱,统一社会信用代码,省份,城市,区县,地址,来源\n';

function csvCell(v: string | null | undefined): string {
  const s = v ?? '';
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes `rows` data rows; customers numbered from `offset` so two files can share or avoid customers. */
export async function generateCustomerCsv(file: string, rows: number, options: { seed: number; offset?: number; dupRate?: number; dirtyRate?: number }): Promise<GeneratedFile> {
  const random = createRandom(options.seed);
  const out = createWriteStream(file);
  out.write(HEADER);
  const dupRate = options.dupRate ?? 0.1;
  const dirtyRate = options.dirtyRate ?? 0.03;
  const chunk = 20_000;
  let written = 0;
  let duplicates = 0;
  let dirty = 0;
  let serial = options.offset ?? 0;
  const recent: string[][] = [];
  while (written < rows) {
    const n = Math.min(chunk, rows - written);
    const data = generateDemoData({ seed: options.seed * 1000 + written, customers: n, teams: 1, users: 1, now: new Date('2026-01-01T00:00:00Z'), names: 'wide' });
    for (const c of data.customers) {
      if (written >= rows) break;
      serial++;
      // Mobiles are made unique across the whole file from a running number (the generator's
      // own uniqueness holds per call only).
      const mobile = c.kind === 'person' || random.next() < 0.5 ? `1${3 + (serial % 7)}${String(serial).padStart(9, '0')}` : '';
      let cells = [c.name, mobile, c.email ?? '', c.creditCode ?? '', c.province, c.city, c.district, c.address ?? '', c.source];
      const roll = random.next();
      if (roll < dupRate && recent.length > 0) {
        const earlier = recent[Math.floor(random.next() * recent.length)]!;
        cells = [...earlier];
        // Same customer, written differently: spaced mobile, traditional or trimmed name, no address.
        if (cells[1]) cells[1] = `${cells[1].slice(0, 3)} ${cells[1].slice(3, 7)} ${cells[1].slice(7)}`;
        if (random.next() < 0.5) cells[7] = '';
        duplicates++;
      } else if (roll < dupRate + dirtyRate) {
        const kind = Math.floor(random.next() * 3);
        if (kind === 0) cells[1] = '1234567';
        else if (kind === 1) cells = ['', '', '', '', cells[4]!, cells[5]!, '', '', cells[8]!];
        else cells[3] = '91330100MA27XXXXX0';
        dirty++;
      } else if (cells[1] || cells[3]) {
        recent.push(cells);
        if (recent.length > 5000) recent.splice(0, 1000);
      }
      if (!out.write(cells.map(csvCell).join(',') + '\n')) await new Promise((r) => out.once('drain', r));
      written++;
    }
  }
  out.end();
  await finished(out);
  return { rows: written, duplicates, dirty };
}
