import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { fewNameMatches, prefixUpperBound } from './customer-search.ts';

describe('prefixUpperBound', () => {
  it('steps up the last character, so a range holds exactly the strings with the prefix', () => {
    expect(prefixUpperBound('ab')).toBe('ac');
    expect(prefixUpperBound('张伟')).toBe('张传');
    expect(prefixUpperBound('张三')).toBe('张上');
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect(prefixUpperBound('\u{10FFFF}')).toBeNull();
    expect(prefixUpperBound('a\uD7FF')).toBe('a\uE000');
    expect(prefixUpperBound('云\u{20000}')).toBe('云\u{20001}');
  });
});

describe.each(DB_KINDS)('customer search paths on %s', (kind) => {
  let h: TestApp;
  let tenantA: string;
  let tenantB: string;
  let admin: string;
  const names = async (q: string) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}&limit=50`, headers: { cookie: admin } })).json().items.map((c: { name: string }) => c.name).sort();

  beforeAll(async () => {
    h = await startTestApp(kind);
    const a = await buildTenant(h.t);
    const b = await buildTenant(h.t);
    [tenantA, tenantB] = [a.id, b.id];
    admin = await h.login(a.adminLogin, a.password);
    const adminB = await h.login(b.adminLogin, b.password);
    const create = async (cookie: string, body: object) => {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/customers', payload: body, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(201);
    };
    // 张上 is where the range of 张三 ends (三 U+4E09, 上 U+4E0A): it must not be found by 张三.
    for (const name of ['张三', '张三丰', '张上', 'Zhang Wei']) await create(admin, { kind: 'person', name });
    await create(admin, { kind: 'company', name: '杭州云帆科技有限公司' });
    await create(adminB, { kind: 'company', name: '上海云帆科技有限公司' });
    await create(adminB, { kind: 'person', name: '张三峰' });
  });
  afterAll(() => h?.close());

  it('finds by prefix, pinyin, initials and contains, never past the prefix and never in another tenant', async () => {
    expect(await names('张三')).toEqual(['张三', '张三丰']);
    expect(await names('张')).toEqual(['张三', '张三丰', '张上']);
    expect(await names('zs')).toEqual(['张三', '张三丰', '张上']);
    expect(await names('zsf')).toEqual(['张三丰']);
    expect(await names('zhangw')).toEqual(['Zhang Wei']);
    expect(await names('云帆科技')).toEqual(['杭州云帆科技有限公司']);
    expect(await names('100%')).toEqual([]);
  });

  it('collects the matches when few, and leaves a common search to the newest-first walk', async () => {
    const ids = await h.t.db.tenantTx(tenantA, (tx) => fewNameMatches(tx, '张三'));
    expect(ids).toHaveLength(2);
    expect(await h.t.db.tenantTx(tenantA, (tx) => fewNameMatches(tx, '张三', 1))).toBeNull();
    expect(await h.t.db.tenantTx(tenantA, (tx) => fewNameMatches(tx, '13812345678'))).toBeUndefined();
    expect(await h.t.db.tenantTx(tenantA, (tx) => fewNameMatches(tx, '不存在的名字'))).toEqual([]);
  });

  it('sorts by name in pinyin order, page after page, both ways', async () => {
    const pages = async (sort: string) => {
      const seen: string[] = [];
      let cursor = '';
      do {
        const res = await h.app.inject({ method: 'GET', url: `/api/v1/customers?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: { cookie: admin } });
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items.map((c: { name: string }) => c.name));
        cursor = res.json().nextCursor ?? '';
      } while (cursor);
      return seen;
    };
    // Code point order would be Zhang Wei, 张三, 张三丰, 张上, 杭州… (杭 U+676D after 张 U+5F20).
    const byPinyin = ['杭州云帆科技有限公司', '张三', '张三丰', '张上', 'Zhang Wei'];
    expect(await pages('name')).toEqual(byPinyin);
    expect(await pages('-name')).toEqual([...byPinyin].reverse());
  });

  it("the contains function answers the caller's tenant only, and nothing without one", async () => {
    const viaFunction = (tenant: string) =>
      h.t.db.tenantTx(tenant, (tx) => queryRows<{ name: string }>(tx, sql`select c.name from tide_customer_ids_name_like('%云帆%', 10) f join customers c on c.id = f`));
    expect((await viaFunction(tenantA)).map((r) => r.name)).toEqual(['杭州云帆科技有限公司']);
    expect((await viaFunction(tenantB)).map((r) => r.name)).toEqual(['上海云帆科技有限公司']);
    const outside = await h.t.db.systemTx((tx) => queryRows<{ id: string }>(tx, sql`select f as id from tide_customer_ids_name_like('%云帆%', 10) f`));
    expect(outside).toEqual([]);
  });
});
