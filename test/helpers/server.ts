import { rmSync } from "node:fs";
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../src/db/client.ts';
import { fillDemoTenant } from '../../src/modules/demo/index.ts';
import { provisionTenant } from '../../src/modules/tenants/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { copyPgliteTemplate } from './databases.ts';
import { testConfig } from './app.ts';

export type TestServer = {
  url: string;
  admin: { login: string; password: string; tenantSlug: string };
  app: FastifyInstance;
  close(): Promise<void>;
};

/** The whole app (built web app included) on a random port, on an embedded database with a demo tenant. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = copyPgliteTemplate();
  const db = await openDatabase({ dataDir });
  const admin = { login: 'admin@demo.test', password: 'admin-password-1', tenantSlug: 'demo' };
  const { tenant } = await provisionTenant(db, {
    slug: admin.tenantSlug,
    name: '示例公司',
    admin: { name: '管理员', email: admin.login, password: admin.password },
  });
  await fillDemoTenant(db, tenant.id, { seed: 7, customers: 60, leads: 0 });
  const app = await buildApp({ config: testConfig({ dataDir }), db, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    admin,
    app,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

