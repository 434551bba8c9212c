import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createApiToken } from '../modules/auth/index.ts';
import { parseLogin } from '../modules/auth/login.service.ts';
import { fillDemoTenant } from '../modules/demo/index.ts';
import { runImport, startImport, uploadImport } from '../modules/imports/index.ts';
import { createUser, listUsers } from '../modules/org/index.ts';
import { provisionTenant, tenantIdBySlug } from '../modules/tenants/index.ts';
import { AppError } from '../server/errors.ts';
import { errorMessage, fieldMessage } from '../server/messages.ts';
import { startTide } from '../server/start.ts';

type Options = Record<string, string | boolean | undefined>;
const { SingleBar, Presets } = cliProgress;

function out(options: Options, value: Record<string, unknown>, lines: string[]) {
  process.stdout.write(options.json ? JSON.stringify(value) + '\n' : lines.join('\n') + '\n');
}

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function requireTenant(db: Database, slug: string): Promise<string> {
  const id = await tenantIdBySlug(db, slug);
  if (!id) throw new CliError(`No tenant with slug "${slug}"`);
  return id;
}

class CliError extends Error {}

const generatedPassword = () => randomBytes(9).toString('base64url');

async function start() {
  const running = await startTide(loadConfig());
  running.app.log.info(`Tide is listening on ${running.url}`);
  const shutdown = (signal: string) => {
    running.app.log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

async function importFile(o: Options) {
  const file = String(o.file);
  const summary = await withDb(async (db) => {
    const tenantId = await requireTenant(db, String(o.tenant));
    const actor = { tenantId, userId: null };
    const preview = await uploadImport(db, actor, {
      type: o.type as 'customers' | 'orders' | 'leads',
      channel: String(o.channel),
      fileName: path.basename(file),
      body: createReadStream(file),
      template: o.template as string | undefined,
    });
    await db.tenantTx(tenantId, (tx) => startImport(tx, actor, preview.importId, {}));
    const bar = !o.json && process.stderr.isTTY ? new SingleBar({ format: 'importing |{bar}| {value}/{total} lines | created {created} updated {updated} merged {merged} rejected {rejected}', hideCursor: true }, Presets.shades_classic) : undefined;
    bar?.start(Math.max(1, preview.lineCount ?? 1), 0, { created: 0, updated: 0, merged: 0, rejected: 0 });
    const done = await runImport(db, tenantId, preview.importId, (p) => bar?.update(p.doneLine, p.counts));
    bar?.update(done.doneLine, done.counts);
    bar?.stop();
    return { importId: done.id, status: done.status, encoding: preview.encoding, mapping: preview.mapping, ...done.counts };
  });
  out(o, summary, [
    `Import ${summary.importId}: ${summary.status}`,
    `read ${summary.read}, created ${summary.created}, updated ${summary.updated}, merged ${summary.merged}, rejected ${summary.rejected}`,
  ]);
}

const commands: Record<string, (o: Options) => Promise<void>> = {
  import: importFile,
  start,
  migrate: async (o) => {
    await withDb(async () => undefined);
    out(o, { ok: true }, ['Migrations applied.']);
  },
  'tenant create': async (o) => {
    const password = (o.adminPassword as string | undefined) ?? generatedPassword();
    const result = await withDb((db) =>
      provisionTenant(db, {
        slug: String(o.slug),
        name: String(o.name),
        admin: { name: String(o.adminName), email: (o.adminEmail as string) ?? null, mobile: (o.adminMobile as string) ?? null, password },
      }),
    );
    out(o, { tenant: result.tenant, admin: { ...result.admin, password: o.adminPassword ? undefined : password } }, [
      `Tenant ${result.tenant.slug} created (${result.tenant.id}).`,
      `Administrator: ${result.admin.email ?? result.admin.mobile}`,
      ...(o.adminPassword ? [] : [`Password: ${password}`]),
    ]);
  },
  'user create': async (o) => {
    const password = (o.password as string | undefined) ?? generatedPassword();
    const user = await withDb(async (db) => {
      const tenantId = await requireTenant(db, String(o.tenant));
      return db.tenantTx(tenantId, (tx) =>
        createUser(tx, { tenantId, userId: null }, {
          name: String(o.name),
          email: (o.email as string) ?? null,
          mobile: (o.mobile as string) ?? null,
          roleKey: o.role as 'admin' | 'manager' | 'sales' | 'service',
          teamId: (o.team as string) ?? null,
          password,
        }),
      );
    });
    out(o, { user, password: o.password ? undefined : password }, [
      `User ${user.name} created (${user.id}), role ${user.roleKey}.`,
      ...(o.password ? [] : [`Password: ${password}`]),
    ]);
  },
  'token create': async (o) => {
    const token = await withDb(async (db) => {
      const tenantId = await requireTenant(db, String(o.tenant));
      return db.tenantTx(tenantId, async (tx) => {
        const login = parseLogin(String(o.user));
        const found = await listUsers(tx, { q: login.email ?? login.mobile ?? String(o.user), limit: 50 });
        const user = found.items.find((u) => u.email?.toLowerCase() === login.email || u.mobile === login.mobile || u.id === o.user);
        if (!user) throw new CliError(`No user "${o.user}" in tenant ${o.tenant}`);
        return createApiToken(tx, { tenantId, userId: user.id }, String(o.name));
      });
    });
    out(o, { id: token.id, name: token.name, token: token.token }, [token.token]);
  },
  demo: async (o) => {
    const summary = await withDb(async (db) =>
      fillDemoTenant(db, await requireTenant(db, String(o.tenant)), { customers: Number(o.customers), leads: Number(o.leads), seed: Number(o.seed) }),
    );
    out(o, summary, [
      `Demo data added: ${summary.teams} teams, ${summary.users} users, ${summary.customers} customers, ${summary.leads} leads, ${summary.opportunities} opportunities.`,
      `Demo users' password: ${summary.password}`,
    ]);
  },
};

export async function runCli(name: string, options: Options): Promise<void> {
  try {
    await commands[name]!(options);
  } catch (error) {
    const message =
      error instanceof AppError
        ? `${errorMessage('en-US', error.code, error.params)}${error.fields ? ' (' + Object.entries(error.fields).map(([k, v]) => `${k}: ${fieldMessage('en-US', v)}`).join(', ') + ')' : ''}`
        : (error as Error).message;
    if (options.json) process.stdout.write(JSON.stringify({ error: message }) + '\n');
    else process.stderr.write(`tide: ${message}\n`);
    process.exitCode = 1;
  }
}
