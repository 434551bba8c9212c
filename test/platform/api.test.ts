import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../helpers/app.ts';
import { DB_KINDS } from '../helpers/databases.ts';

describe.each(DB_KINDS)('API surface on %s', (kind) => {
  let h: TestApp;
  let cookie: string;
  beforeAll(async () => {
    h = await startTestApp(kind);
    const tenant = await buildTenant(h.t);
    cookie = await h.login(tenant.adminLogin, tenant.password);
  });
  afterAll(() => h?.close());

  it('publishes an OpenAPI 3 document generated from the route schemas, and a docs page', async () => {
    const doc = (await h.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/me', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/teams', '/api/v1/roles', '/api/v1/audit-log', '/api/v1/customers', '/api/v1/auth/login']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const create = doc.paths['/api/v1/users'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'password', 'roleKey']));
    expect(create.responses).toHaveProperty('201');
    const docs = await h.app.inject({ url: '/api/v1/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers health and readiness', async () => {
    expect((await h.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('counts requests and latencies per route in Prometheus format', async () => {
    await h.app.inject({ url: '/api/v1/me', headers: { cookie } });
    const text = (await h.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/tide_http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} \d+/);
    expect(text).toMatch(/tide_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/v1\/me"\}/);
  });

  it('answers unknown routes with the one error format, and echoes a request id', async () => {
    const res = await h.app.inject({ url: '/api/v1/no-such-thing', headers: { cookie, 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: '记录不存在' } });
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('answers a record that does not exist with 404 and no stack trace', async () => {
    const res = await h.app.inject({ url: '/api/v1/users/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/at .*\.ts/);
  });
});
