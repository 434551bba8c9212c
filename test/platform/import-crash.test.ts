import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase } from '../helpers/databases.ts';
import { loginClient, startTideProcess, tideJson, type TideProcess } from '../helpers/tide-process.ts';

// Twelve batches of 1,000: enough to be killed between batches on a busy two-core machine.
const ROWS = 12_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';

/** Row i: a Chinese name and a unique mainland mobile (139 + 8 digits). */
const mobileOf = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;
const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13 + 5) % GIVEN.length]}`;

type ImportState = { status: string; doneLine: number; counts: { read: number; created: number; updated: number; merged: number; rejected: number }; error: string | null };

async function pollImport(client: Awaited<ReturnType<typeof loginClient>>, id: string, until: (s: ImportState) => boolean, timeoutMs: number): Promise<ImportState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await client.json<ImportState>('GET', `/api/v1/imports/${id}`);
    expect(status).toBe(200);
    if (until(body)) return body;
    if (body.status === 'failed' || Date.now() > deadline) throw new Error(`import did not get there: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// One real server process on PostgreSQL, killed with SIGKILL in the middle of an import.
describe('an import survives SIGKILL of the server', { timeout: 900_000 }, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tide-import-crash-'));
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  let env: Record<string, string>;
  let server: TideProcess | undefined;
  const admin = { login: 'admin@import-crash.test', password: 'import-crash-password-1' };

  beforeAll(async () => {
    database = await createPgDatabase();
    env = { DATABASE_URL: database.url, TIDE_DATA_DIR: dataDir };
    // A tenant of our own before the first start: no demo tenant, an empty customer base.
    await tideJson(['tenant', 'create', '--slug', 'crash', '--name', '断电测试', '--admin-email', admin.login, '--admin-password', admin.password], env);
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes after a restart and finishes with every row applied exactly once', async () => {
    server = await startTideProcess(env);
    let client = await loginClient(server.url, admin.login, admin.password);

    const csv = ['姓名,手机,城市', ...Array.from({ length: ROWS }, (_, i) => `${nameOf(i)},${mobileOf(i)},杭州市`)].join('\n') + '\n';
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), '会员名单.csv');
    const uploaded = await fetch(`${server.url}/api/v1/imports?channel=crash-test`, { method: 'POST', headers: { cookie: client.cookie }, body: form });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const preview = (await uploaded.json()) as { importId: string; mapping: Record<string, string> };
    expect(preview.mapping).toMatchObject({ 姓名: 'name', 手机: 'mobile' });
    expect((await client.json('POST', `/api/v1/imports/${preview.importId}/start`, {})).status).toBe(202);

    // Some whole batches committed, not all: kill the process without a chance to clean up.
    const midway = await pollImport(client, preview.importId, (s) => s.doneLine > 1, 300_000);
    expect(midway.status).toBe('running');
    expect(midway.counts.read).toBeLessThan(ROWS);
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    const killed = server;

    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      // What the dead process left: still "running", progress only at whole batch boundaries.
      const [left] = (await sql.query<{ status: string; done_line: number; read: number }>(`select status, done_line, (counts->>'read')::int as read from imports where id = $1`, [preview.importId])).rows;
      expect(left!.status).toBe('running');
      expect(left!.read % 1000 === 0 || left!.read === ROWS).toBe(true);
      expect(left!.read).toBeLessThan(ROWS);

      server = await startTideProcess(env);
      expect(server.pid).not.toBe(killed.pid);
      client = await loginClient(server.url, admin.login, admin.password);
      const done = await pollImport(client, preview.importId, (s) => s.status === 'done', 600_000);
      expect(done.error).toBeNull();
      expect(done.counts).toEqual({ read: ROWS, created: ROWS, updated: 0, merged: 0, rejected: 0 });
      expect(done.doneLine).toBe(ROWS + 1);

      // The customer base, counted in the database: one customer per row, each mobile once.
      const { rows } = await sql.query<{ mobile: string; n: number }>(
        `select c.mobile, count(*)::int as n from customers c join tenants t on t.id = c.tenant_id
         where t.slug = 'crash' and c.deleted_at is null and c.merged_into is null group by c.mobile`,
      );
      const expected = new Set(Array.from({ length: ROWS }, (_, i) => `+86${mobileOf(i)}`));
      expect(rows.length).toBe(ROWS);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      expect(rows.filter((r) => !expected.has(r.mobile))).toEqual([]);
      const [total] = (await sql.query<{ n: number }>(`select count(*)::int as n from customers c join tenants t on t.id = c.tenant_id where t.slug = 'crash'`)).rows;
      expect(total!.n).toBe(ROWS);
      // The same through the API, as a user sees it: a mobile from before and after the kill, found once.
      for (const i of [0, ROWS - 1]) {
        const found = await client.json<{ items: { name: string }[] }>('GET', `/api/v1/customers?q=${mobileOf(i)}`);
        expect(found.body.items.map((c) => c.name)).toEqual([nameOf(i)]);
      }
    } finally {
      await sql.end();
    }

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});
