import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, cookieOf, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('authentication on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let adminCookie: string;
  const inject = (opts: InjectOptions) => h.app.inject(opts);

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    adminCookie = await h.login(tenant.adminLogin, tenant.password);
  });
  afterAll(() => h?.close());

  async function createUser(body: Record<string, unknown>) {
    const res = await inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: adminCookie }, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  it('answers /me for a session, with tenant and permissions', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user.email).toBe(tenant.adminLogin);
    expect(me.tenant.slug).toBe(tenant.slug);
    expect(me.permissions).toContain('org.manage');
    expect(me.dataScope).toBe('all');
  });

  it('refuses without credentials, in the caller’s language', async () => {
    const zh = await inject({ method: 'GET', url: '/api/v1/me' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'unauthenticated', message: '请先登录' } });
    const en = await inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('Please log in first');
  });

  it('logs in by mobile in any spelling, and by tenant slug when given', async () => {
    await createUser({ name: '张三', mobile: '139 0013 9000', password: 'sales-password', roleKey: 'sales' });
    const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '+86 139-0013-9000', password: 'sales-password', tenant: tenant.slug } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.mobile).toBe('+8613900139000');
    const cookie = res.cookies.find((c) => c.name === 'tide_session')!;
    expect(cookie.httpOnly).toBe(true);
    const wrongTenant = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '13900139000', password: 'sales-password', tenant: 'no-such-tenant' } });
    expect(wrongTenant.statusCode).toBe(401);
  });

  it('throttles an account after five failures, with a 429 naming the wait', async () => {
    await createUser({ name: 'Throttled', email: 'throttled@x.test', password: 'right-password', roleKey: 'sales' });
    for (let i = 0; i < 5; i++) {
      const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'throttled@x.test', password: `wrong-${i}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const locked = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'throttled@x.test', password: 'right-password' }, headers: { 'accept-language': 'en' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/15 minutes/);
    // Another account from the same address is not locked by it.
    expect((await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: tenant.adminLogin, password: tenant.password } })).statusCode).toBe(200);
  });

  it('logs out: the session cookie stops working', async () => {
    const cookie = await h.login(tenant.adminLogin, tenant.password);
    expect((await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('rejects a forged or tampered cookie', async () => {
    const tampered = adminCookie.slice(0, -3) + (adminCookie.endsWith('abc') ? 'xyz' : 'abc');
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: tampered } })).statusCode).toBe(401);
  });

  it('issues API tokens that work as Bearer and stop working when revoked', async () => {
    const created = await inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie: adminCookie }, payload: { name: 'erp sync' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tide_[0-9a-f]{32}_/);
    const me = await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    const list = await inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: adminCookie } });
    expect(list.json().items.find((t: { id: string }) => t.id === id).lastUsedAt).not.toBeNull();
    expect((await inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: { cookie: adminCookie } })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('deactivating a user ends their sessions and tokens and blocks login', async () => {
    const user = await createUser({ name: 'Leaver', email: 'leaver@x.test', password: 'leaver-password', roleKey: 'sales' });
    const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'leaver@x.test', password: 'leaver-password' } });
    const cookie = cookieOf(res);
    const token = (await inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie }, payload: { name: 't' } })).json().token;
    expect((await inject({ method: 'DELETE', url: `/api/v1/users/${user.id}`, headers: { cookie: adminCookie } })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const again = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'leaver@x.test', password: 'leaver-password' } });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('user_inactive');
  });

  it('changes the own password only with the current one, keeping this session', async () => {
    await createUser({ name: 'Changer', email: 'changer@x.test', password: 'old-password', roleKey: 'service' });
    const cookie = await h.login('changer@x.test', 'old-password');
    const other = await h.login('changer@x.test', 'old-password');
    const wrong = await inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { password: 'new-password', currentPassword: 'nope' } });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields)).toEqual(['currentPassword']);
    const ok = await inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { password: 'new-password', currentPassword: 'old-password', locale: 'en-US' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user.locale).toBe('en-US');
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: other } })).statusCode).toBe(401);
    await h.login('changer@x.test', 'new-password');
  });

  it('records logins, failed logins and logouts in the audit log', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/audit-log?limit=200', headers: { cookie: adminCookie } });
    const actions = new Set(res.json().items.map((r: { action: string }) => r.action));
    for (const a of ['auth.login', 'auth.login_failed', 'auth.logout', 'user.create', 'user.deactivate', 'api_token.create', 'api_token.revoke', 'user.password_change']) {
      expect(actions, a).toContain(a);
    }
  });
});
