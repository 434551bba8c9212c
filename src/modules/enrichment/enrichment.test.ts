import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { localRegistryProvider } from './local-registry.provider.ts';

const REGISTRY = path.resolve(import.meta.dirname, '../../../test/fixtures/registry.csv');

describe('local registry provider', () => {
  it('finds a company by credit code, or by a differently written name', async () => {
    const provider = await localRegistryProvider(REGISTRY);
    expect((await provider.lookup({ creditCode: '914403001922038216' }))?.legalName).toBe('华为技术有限公司');
    expect((await provider.lookup({ name: '小米科技（北京）有限公司' }))?.creditCode).toBe('91110108551385082Q');
    expect(await provider.lookup({ name: '不存在的公司' })).toBeNull();
  });
});

describe.each(DB_KINDS)('enrichment on %s', (kind) => {
  let h: TestApp;
  let admin: string;
  beforeAll(async () => {
    h = await startTestApp(kind, { registryFile: REGISTRY });
    const tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
  });
  afterAll(() => h?.close());

  it('fills missing company fields without overwriting, and audits it', async () => {
    const created = (await h.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: admin }, payload: { kind: 'company', name: '腾讯计算机系统有限公司', industry: '游戏' } })).json();
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/customers/${created.id}/enrich`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ matched: true, provider: 'local-registry', filled: ['creditCode', 'address'] });
    expect(body.customer).toMatchObject({ creditCode: '91440300708461136T', industry: '游戏' });
    const audit = (await h.app.inject({ url: '/api/v1/audit-log?action=customer.enrich', headers: { cookie: admin } })).json().items;
    expect(audit[0].after.filled).toEqual(['creditCode', 'address']);
    const person = (await h.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: admin }, payload: { kind: 'person', name: '张三' } })).json();
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/customers/${person.id}/enrich`, headers: { cookie: admin } })).statusCode).toBe(400);
  });
});
