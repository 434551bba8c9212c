import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Config } from '../../src/config.ts';
import type { DbKind } from '../../src/db/client.ts';
import { provisionTenant } from '../../src/modules/tenants/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  dataDir: '',
  logLevel: 'silent',
  sessionSecret: 'test-secret-test-secret-test-secret',
  bodyLimit: 1024 * 1024,
  registryFile: undefined,
  ...overrides,
});

export type TestTenant = { id: string; slug: string; adminLogin: string; password: string };

let counter = 0;
/** A tenant with a unique slug and an admin whose password is `password`. */
export async function buildTenant(t: TestDatabase, overrides: { slug?: string; name?: string } = {}): Promise<TestTenant> {
  const slug = overrides.slug ?? `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  const adminLogin = `admin@${slug}.test`;
  const password = 'admin-password-1';
  const { tenant } = await provisionTenant(t.db, {
    slug,
    name: overrides.name ?? `Tenant ${slug}`,
    admin: { name: 'Admin', email: adminLogin, password },
  });
  return { id: tenant.id, slug, adminLogin, password };
}

export type TestApp = {
  kind: DbKind;
  app: FastifyInstance;
  t: TestDatabase;
  /** Logs in and returns a cookie header value. */
  login(login: string, password: string, tenant?: string): Promise<string>;
  close(): Promise<void>;
};

export async function startTestApp(kind: DbKind, config: Partial<Config> = {}): Promise<TestApp> {
  const t = await openTestDatabase(kind);
  const app = await buildApp({ config: testConfig(config), db: t.db, logger: false, webDist: '/nonexistent' });
  await app.ready();
  return {
    kind,
    app,
    t,
    async login(login, password, tenant) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password, tenant } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      return cookieOf(res);
    },
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

export function cookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'tide_session');
  if (!cookie) throw new Error('no session cookie');
  return `tide_session=${cookie.value}`;
}
