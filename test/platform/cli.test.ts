import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabase } from '../helpers/databases.ts';

const run = promisify(execFile);
const TIDE = path.resolve('bin/tide.mjs');

async function tide(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [TIDE, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each command is a new process opening the embedded database: slow on a busy 2-core machine.
describe('tide command line', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tide-cli-'));
  const env = { TIDE_DATA_DIR: dataDir, DATABASE_URL: '' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('explains every command with --help', async () => {
    const top = await tide(['--help'], env);
    for (const command of ['start', 'migrate', 'tenant', 'user', 'token', 'demo']) expect(top.stdout).toContain(command);
    const userCreate = await tide(['user', 'create', '--help'], env);
    expect(userCreate.stdout).toMatch(/--role <role>.*choices: "admin", "manager", "sales", "service"/s);
    expect(userCreate.stdout).toContain('--json');
  });

  it('creates a tenant, a user, a token and demo data, with --json output', async () => {
    const tenant = await tide(['tenant', 'create', '--slug', 'acme', '--name', '顶点科技', '--admin-email', 'boss@acme.test', '--json'], env);
    expect(tenant.code, tenant.stderr).toBe(0);
    const created = JSON.parse(tenant.stdout);
    expect(created.tenant.slug).toBe('acme');
    expect(created.admin.password).toMatch(/^[\w-]{8,}$/);

    const user = JSON.parse((await tide(['user', 'create', '--tenant', 'acme', '--name', '张三', '--mobile', '138 0013 8000', '--role', 'sales', '--password', 'password-1', '--json'], env)).stdout);
    expect(user.user).toMatchObject({ name: '张三', mobile: '+8613800138000', roleKey: 'sales' });

    const token = JSON.parse((await tide(['token', 'create', '--tenant', 'acme', '--user', '13800138000', '--json'], env)).stdout);
    expect(token.token).toMatch(/^tide_[0-9a-f]{32}_/);

    const demo = JSON.parse((await tide(['demo', '--tenant', 'acme', '--customers', '40', '--json'], env)).stdout);
    expect(demo).toMatchObject({ customers: 40 });
    expect(demo.leads).toBeGreaterThan(100);
    expect(demo.opportunities).toBeGreaterThan(0);
    expect(demo.users).toBeGreaterThan(5);
  });

  it('imports a file with a summary (and --json), idempotently', async () => {
    const file = path.join(dataDir, '外呼名单.csv');
    writeFileSync(file, '\uFEFF客户名称,联系电话,城市\n周八,13500005555,苏州市\n吴九,1350000,苏州市\n周八,135 0000 5555,苏州市\n');
    const first = await tide(['import', file, '--tenant', 'acme', '--channel', '外呼', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'done', read: 3, created: 2, merged: 1, rejected: 0, encoding: 'utf-8' });
    const again = await tide(['import', file, '--tenant', 'acme', '--channel', '外呼'], env);
    expect(again.stdout).toMatch(/read 3, created 0, updated 3, merged 0, rejected 0/);
    const missing = await tide(['import', path.join(dataDir, 'nope.csv'), '--tenant', 'acme'], env);
    expect(missing.code).toBe(1);
  });

  it('fails with a clear message and exit code 1', async () => {
    const duplicate = await tide(['tenant', 'create', '--slug', 'acme', '--name', 'Again', '--admin-email', 'x@x.test', '--json'], env);
    expect(duplicate.code).toBe(1);
    expect(JSON.parse(duplicate.stdout).error).toMatch(/already in use.*slug/);
    const unknownTenant = await tide(['demo', '--tenant', 'nope'], env);
    expect(unknownTenant.code).toBe(1);
    expect(unknownTenant.stderr).toContain('No tenant with slug "nope"');
    const badRole = await tide(['user', 'create', '--tenant', 'acme', '--name', 'x', '--role', 'boss'], env);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/Allowed choices are admin, manager, sales, service/);
  });

  it('runs the same commands against PostgreSQL with DATABASE_URL', async () => {
    const pg = await createPgDatabase();
    try {
      const migrate = await tide(['migrate', '--json'], { ...env, DATABASE_URL: pg.url });
      expect(migrate.code, migrate.stderr).toBe(0);
      const tenant = await tide(['tenant', 'create', '--slug', 'pg-co', '--name', 'PG Co', '--admin-email', 'a@pg.test', '--json'], { ...env, DATABASE_URL: pg.url });
      expect(JSON.parse(tenant.stdout).tenant.slug).toBe('pg-co');
    } finally {
      await pg.drop();
    }
  });
});
