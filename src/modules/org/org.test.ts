import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('organisation admin on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie = admin, headers: Record<string, string> = {}) =>
    h.app.inject({ method, url, payload: payload as object, headers: { cookie, ...headers } });
  const userCount = async () => (await call('GET', '/api/v1/users?limit=200')).json().items.length as number;

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
  });
  afterAll(() => h?.close());

  it('creates, lists, pages, searches and edits users', async () => {
    for (const [i, name] of ['王芳', '李娜', '张伟', 'Emily Chen'].entries()) {
      const res = await call('POST', '/api/v1/users', { name, email: `u${i}@x.test`, password: 'password-1', roleKey: 'sales' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = (await call('GET', '/api/v1/users?limit=2&sort=name')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await call('GET', `/api/v1/users?limit=2&sort=name&cursor=${first.nextCursor}`)).json();
    const third = (await call('GET', `/api/v1/users?limit=2&sort=name&cursor=${second.nextCursor}`)).json();
    const names = [...first.items, ...second.items, ...third.items].map((u: { name: string }) => u.name);
    expect(new Set(names).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    const found = (await call('GET', '/api/v1/users?q=emily')).json().items;
    expect(found.map((u: { name: string }) => u.name)).toEqual(['Emily Chen']);
    const patched = await call('PATCH', `/api/v1/users/${found[0].id}`, { roleKey: 'manager', mobile: '13700137000' });
    expect(patched.json()).toMatchObject({ roleKey: 'manager', mobile: '+8613700137000' });
  });

  it('names the field for unknown fields, wrong types, bad ids and bad mobiles, and writes nothing', async () => {
    const before = await userCount();
    const unknown = await call('POST', '/api/v1/users', { name: 'x', email: 'x@x.test', password: 'password-1', roleKey: 'sales', salary: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ salary: '不认识的字段' });
    const wrongType = await call('POST', '/api/v1/users', { name: 42, email: 'x@x.test', password: 'password-1', roleKey: 'sales' }, admin, { 'accept-language': 'en-US' });
    expect(wrongType.statusCode).toBe(400);
    expect(Object.keys(wrongType.json().error.fields)).toEqual(['name']);
    expect(wrongType.json().error.message).toMatch(/invalid/i);
    const badRole = await call('POST', '/api/v1/users', { name: 'x', email: 'x@x.test', password: 'password-1', roleKey: 'boss' });
    expect(Object.keys(badRole.json().error.fields)).toEqual(['roleKey']);
    const badMobile = await call('POST', '/api/v1/users', { name: 'x', mobile: '12345', password: 'password-1', roleKey: 'sales' });
    expect(badMobile.statusCode).toBe(400);
    expect(badMobile.json().error.fields).toEqual({ mobile: '手机号码无效' });
    const missing = await call('POST', '/api/v1/users', { name: 'x', password: 'password-1', roleKey: 'sales' });
    expect(missing.statusCode).toBe(400);
    const badId = await call('GET', '/api/v1/users/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(Object.keys(badId.json().error.fields)).toEqual(['params.id']);
    const badQuery = await call('GET', '/api/v1/users?limit=100000');
    expect(Object.keys(badQuery.json().error.fields)).toEqual(['query.limit']);
    expect(await userCount()).toBe(before);
  });

  it('answers malformed JSON, oversized bodies and wrong content types with 4xx', async () => {
    const before = await userCount();
    const malformed = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"name": "x",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const huge = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
    const text = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin, 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(text.statusCode).toBe(415);
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate e-mail with 409 naming the field', async () => {
    const res = await call('POST', '/api/v1/users', { name: 'Dup', email: 'U0@X.test', password: 'password-1', roleKey: 'sales' });
    expect(res.statusCode).toBe(409);
    expect(Object.keys(res.json().error.fields)).toEqual(['email']);
  });

  it('keeps at least one active admin', async () => {
    const me = (await call('GET', '/api/v1/me')).json();
    const res = await call('PATCH', `/api/v1/users/${me.user.id}`, { roleKey: 'sales' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_admin');
  });

  it('builds a team tree, refuses cycles and deleting a team with members', async () => {
    const east = (await call('POST', '/api/v1/teams', { name: '华东大区' })).json();
    const shanghai = (await call('POST', '/api/v1/teams', { name: '上海组', parentId: east.id })).json();
    const cycle = await call('PATCH', `/api/v1/teams/${east.id}`, { parentId: shanghai.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields).toHaveProperty('parentId');
    const member = (await call('POST', '/api/v1/users', { name: '组员', email: 'member@x.test', password: 'password-1', roleKey: 'sales', teamId: shanghai.id })).json();
    expect((await call('DELETE', `/api/v1/teams/${shanghai.id}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/teams/${east.id}`)).statusCode).toBe(409);
    const teams = (await call('GET', '/api/v1/teams')).json().items;
    expect(teams.find((t: { id: string }) => t.id === shanghai.id)).toMatchObject({ parentId: east.id, memberCount: 1 });
    await call('PATCH', `/api/v1/users/${member.id}`, { teamId: null });
    expect((await call('DELETE', `/api/v1/teams/${shanghai.id}`)).statusCode).toBe(204);
    const unknownParent = await call('POST', '/api/v1/teams', { name: 'x', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownParent.json().error.fields).toEqual({ parentId: '引用的记录不存在' });
  });

  it('lets an admin change role scopes and permissions, audited with before and after', async () => {
    const res = await call('PATCH', '/api/v1/roles/service', { dataScope: 'team', permissions: ['customers.read', 'customers.write'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ key: 'service', dataScope: 'team', permissions: ['customers.read', 'customers.write'] });
    const audit = (await call('GET', '/api/v1/audit-log?action=role.update')).json().items[0];
    expect(audit.before).toMatchObject({ dataScope: 'all' });
    expect(audit.after).toMatchObject({ dataScope: 'team' });
    expect(audit.actorName).toBe('Admin');
    const lockout = await call('PATCH', '/api/v1/roles/admin', { permissions: ['audit.read'] });
    expect(lockout.statusCode).toBe(400);
  });

  it('keeps organisation admin to admins', async () => {
    await call('POST', '/api/v1/users', { name: 'Seller', email: 'seller@x.test', password: 'password-1', roleKey: 'sales' });
    const seller = await h.login('seller@x.test', 'password-1');
    expect((await call('GET', '/api/v1/users', undefined, seller)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/teams', { name: 'x' }, seller)).statusCode).toBe(403);
    expect((await call('PATCH', '/api/v1/roles/sales', { dataScope: 'all' }, seller)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/audit-log', undefined, seller)).statusCode).toBe(403);
  });

  it('records updates in the audit log with before and after', async () => {
    const items = (await call('GET', '/api/v1/audit-log?entity=user&limit=200')).json().items;
    expect(items.length).toBeGreaterThan(0);
    const withMobile = items.find((r: { action: string; after: { mobile?: string } | null }) => r.action === 'user.role_change' && r.after?.mobile === '+8613700137000');
    expect(withMobile.before.mobile).toBeNull();
    expect(JSON.stringify(items)).not.toMatch(/password_hash|passwordHash|scrypt/);
  });
});
