import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/modules/imports/import-files.service.ts';
import { createPgDatabase } from '../helpers/databases.ts';
import { loginClient, residentMemory, startTideProcess, tideJson, type TideProcess } from '../helpers/tide-process.ts';

const MiB = 1024 * 1024;
const TARGET_BYTES = 200 * MiB;
const MEMORY_CEILING = 1024 * MiB;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚';

const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13 + 5) % GIVEN.length]}`;

/** A fresh connection (no pooled keep-alive socket): is the server still answering? */
const ready = (url: string) =>
  new Promise<number>((resolve, reject) => http.get(`${url}/readyz`, { agent: false }, (res) => resolve(res.resume().statusCode ?? 0)).on('error', reject));

/** A customer CSV of about `bytes`, written 10,000 rows at a time: never held in memory whole. */
async function writeCustomerCsv(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write('\uFEFF姓名,手机,邮箱,地址\n');
  let rows = 0;
  let written = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++, rows++) {
      lines.push(`${nameOf(rows)},13${String(100_000_000 + rows).slice(-9)},c${rows}@example.cn,浙江省杭州市西湖区文三路${rows % 999}号\n`);
    }
    const chunk = lines.join('');
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  out.end();
  await finished(out);
  return rows;
}

/** The multipart body as a stream of unknown length (chunked): the server cannot refuse it up front. */
function chunkedMultipart(file: string, fileName: string): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----tide${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const parts = (async function* () {
    yield head;
    const blob = await openAsBlob(file);
    for await (const piece of blob.stream()) yield piece;
    yield tail;
  })();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type ErrorBody = { error: { code: string; message: string; details?: { maxBytes?: number } } };

// One real server process on PostgreSQL: files at and past the size limit go over real HTTP.
describe('large import files over HTTP', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tide-import-large-'));
  const dataDir = path.join(dir, 'data');
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  let server: TideProcess;
  let client: Awaited<ReturnType<typeof loginClient>>;
  const admin = { login: 'admin@import-large.test', password: 'import-large-password-1' };

  beforeAll(async () => {
    database = await createPgDatabase();
    const env = { DATABASE_URL: database.url, TIDE_DATA_DIR: dataDir };
    await tideJson(['tenant', 'create', '--slug', 'large', '--name', '大文件测试', '--admin-email', admin.login, '--admin-password', admin.password], env);
    server = await startTideProcess(env);
    client = await loginClient(server.url, admin.login, admin.password);
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const storedChunks = async () => {
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      return (await sql.query<{ status: string; error: string | null; chunks: number }>(
        `select i.status, i.error, (select count(*)::int from import_chunks c where c.import_id = i.id) as chunks from imports i order by i.created_at`,
      )).rows;
    } finally {
      await sql.end();
    }
  };

  it('previews a 200 MB customer file streamed to the server, with its memory bounded', async () => {
    const file = path.join(dir, '会员导出.csv');
    const rows = await writeCustomerCsv(file, TARGET_BYTES);
    expect(statSync(file).size).toBeGreaterThanOrEqual(TARGET_BYTES);

    const form = new FormData();
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), '会员导出.csv');
    const res = await fetch(`${server.url}/api/v1/imports?channel=large-file`, { method: 'POST', headers: { cookie: client.cookie }, body: form });
    const body = (await res.json()) as { importId: string; encoding: string; headers: string[]; mapping: Record<string, string>; lineCount: number; sample: string[][] };
    rmSync(file);
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.encoding).toBe('utf-8');
    expect(body.headers).toEqual(['姓名', '手机', '邮箱', '地址']);
    expect(body.mapping).toMatchObject({ 姓名: 'name', 手机: 'mobile', 邮箱: 'email', 地址: 'address' });
    expect(body.sample[0]?.[0]).toBe(nameOf(0));
    // An estimate from the sample for the progress bar: within 10% of the true row count.
    expect(Math.abs(body.lineCount - rows) / rows).toBeLessThan(0.1);

    const memory = residentMemory(server.pid);
    expect(memory.peak).toBeLessThan(MEMORY_CEILING);
    expect(await ready(server.url)).toBe(200);
    expect(server.child.exitCode).toBeNull();
    const imported = await client.json<{ fileSize: number; status: string }>('GET', `/api/v1/imports/${body.importId}`);
    expect(imported.body.status).toBe('draft');
    expect(imported.body.fileSize).toBeGreaterThanOrEqual(TARGET_BYTES);
  });

  it('refuses a file over the limit with 413 naming the limit, up front or half-way, and keeps none of it', async () => {
    const file = path.join(dir, 'too-big.csv');
    writeFileSync(file, '姓名,手机\n张三,13800138000\n');
    truncateSync(file, MAX_IMPORT_BYTES + MiB); // sparse: 301 MiB in no time

    // With a Content-Length over the limit: refused before anything is stored. Only the start of the
    // body is sent, as a client would before the answer comes; sending all of it races the server's
    // close against the client's writes (EPIPE on a loaded machine).
    const upFront = await declaredOnly(`${server.url}/api/v1/imports`, { cookie: client.cookie, 'accept-language': 'en-US' }, MAX_IMPORT_BYTES + MiB);
    expect(upFront.status).toBe(413);
    const refused = JSON.parse(upFront.body) as ErrorBody;
    expect(refused.error).toMatchObject({ code: 'body_too_large', details: { maxBytes: MAX_IMPORT_BYTES } });
    expect(refused.error.message).toContain('300 MB');

    // Chunked, length unknown: refused when the limit is crossed, with its stored pieces removed.
    const { body, contentType } = chunkedMultipart(file, 'too-big.csv');
    const halfWay = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: { cookie: client.cookie, 'content-type': contentType }, body, duplex: 'half' } as RequestInit);
    expect(halfWay.status).toBe(413);
    const refusedZh = (await halfWay.json()) as ErrorBody;
    expect(refusedZh.error).toMatchObject({ code: 'body_too_large', details: { maxBytes: MAX_IMPORT_BYTES } });
    expect(refusedZh.error.message).toBe('文件或请求体过大，上限为 300 MB');
    rmSync(file);

    const stored = await storedChunks();
    expect(stored.at(-1)).toMatchObject({ status: 'failed', chunks: 0 });
    expect(stored.at(-1)?.error).toMatch(/larger than/);
    expect(residentMemory(server.pid).peak).toBeLessThan(MEMORY_CEILING);
    expect(await ready(server.url)).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});

/** A multipart upload that declares `length` bytes but sends only its first part; resolves with the answer. */
function declaredOnly(url: string, headers: Record<string, string>, length: number): Promise<{ status: number; body: string }> {
  const boundary = 'tide-declared-only';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="too-big.csv"\r\nContent-Type: text/csv\r\n\r\n姓名,手机\n`);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write(head);
  });
}
