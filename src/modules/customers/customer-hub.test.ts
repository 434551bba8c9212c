import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';

describe.each(DB_KINDS)('customer base on %s', (kind) => {
  let h: TestApp;
  let admin: string;
  let service: string;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = admin) =>
    h.app.inject({ method, url, payload, headers: { cookie } });
  const names = async (query: string) => (await call('GET', `/api/v1/customers?${query}`)).json().items.map((c: { name: string }) => c.name).sort();

  const byName = async (name: string) =>
    (await call('GET', `/api/v1/customers?q=${encodeURIComponent(name)}`)).json().items.find((c: { name: string }) => c.name === name);

  beforeAll(async () => {
    h = await startTestApp(kind);
    const tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    await call('POST', '/api/v1/users', { name: '客服', email: 'svc@x.test', password: 'password-1', roleKey: 'service' });
    service = await h.login('svc@x.test', 'password-1');
    const seed = [
      { kind: 'person', name: '张三', mobile: '13812345678', province: '浙江省', city: '杭州市', source: 'erp' },
      { kind: 'person', name: '张三丰', mobile: '139 0000 1111', nationalId: '11010519491231002X' },
      { kind: 'person', name: 'Emily Chen', mobile: '+44 7911 123456', email: 'emily@example.com' },
      { kind: 'company', name: '华为技术有限公司', creditCode: '914403001922038216', mobile: '0755-28780808', industry: 'telecom' },
      { kind: 'person', name: '=HYPERLINK("http://evil","x")', mobile: '13700001234' },
    ];
    for (const body of seed) {
      const res = await call('POST', '/api/v1/customers', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => h?.close());

  it('finds customers by name, pinyin, initials, phone digits and credit code', async () => {
    expect(await names('q=张三')).toEqual(['张三', '张三丰']);
    expect(await names('q=zs')).toEqual(['张三', '张三丰']);
    expect(await names('q=zhangsan')).toEqual(['张三', '张三丰']);
    expect(await names('q=zhangsanf')).toEqual(['张三丰']);
    expect(await names('q=zsf')).toEqual(['张三丰']);
    expect(await names('q=138-1234-5678')).toEqual(['张三']);
    expect(await names('q=5678')).toEqual(['张三']);
    expect(await names('q=914403001922038216')).toEqual(['华为技术有限公司']);
    expect(await names('q=emily')).toEqual(['Emily Chen']);
    expect(await names('q=华为')).toEqual(['华为技术有限公司']);
  });

  it('cleans on the way in: E.164, flags, completeness', async () => {
    const list = (await call('GET', '/api/v1/customers?limit=50')).json().items;
    const zhang = list.find((c: { name: string }) => c.name === '张三');
    expect(zhang).toMatchObject({ mobile: '+8613812345678', mobileStatus: 'valid', flags: [] });
    const huawei = list.find((c: { name: string }) => c.name === '华为技术有限公司');
    expect(huawei.flags).toEqual(['mobile_not_mobile']);
    expect(huawei.completeness).toBeGreaterThan(70);
    const bad = await call('POST', '/api/v1/customers', { kind: 'person', name: '错号', mobile: '1381234567', nationalId: '110105194912310021' });
    expect(bad.statusCode).toBe(201);
    expect(bad.json()).toMatchObject({ mobile: null, mobileStatus: 'invalid', flags: ['mobile_invalid', 'national_id_invalid'] });
    expect(await names('flag=mobile_invalid')).toEqual(['错号']);
    expect((await call('GET', '/api/v1/customers?sort=completeness&limit=1')).json().items[0].name).toBe('错号');
  });

  it('keeps one customer per mobile, ID number and credit code, answering 409 with the existing id', async () => {
    const existing = (await call('GET', '/api/v1/customers?q=13812345678')).json().items[0];
    const dup = await call('POST', '/api/v1/customers', { kind: 'person', name: '张三 (again)', mobile: '+86 138 1234 5678' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', fields: { mobile: expect.any(String) }, details: { existingId: existing.id, identity: 'mobile' } });
    const company = await call('POST', '/api/v1/customers', { kind: 'company', name: '华为', creditCode: '914403001922038216' });
    expect(company.json().error.fields).toHaveProperty('creditCode');
    const other = await byName('张三丰');
    const steal = await call('PATCH', `/api/v1/customers/${other.id}`, { mobile: '13812345678' });
    expect(steal.statusCode).toBe(409);
  });

  it('concurrent creates of the same mobile make one customer', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call('POST', '/api/v1/customers', { kind: 'person', name: `并发${i}`, mobile: '13512340000' })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
  });

  it('frees the mobile of a dead number and of a deleted customer', async () => {
    const zhang = await byName('张三丰');
    const dead = await call('POST', `/api/v1/customers/${zhang.id}/mobile-dead`);
    expect(dead.json().mobileStatus).toBe('dead');
    expect((await call('POST', '/api/v1/customers', { kind: 'person', name: '新号主', mobile: '13900001111' })).statusCode).toBe(201);
  });

  it('tags customers and filters by tag', async () => {
    const zhang = await byName('张三');
    const res = await call('PUT', `/api/v1/customers/${zhang.id}/tags`, { tags: ['VIP', '华东', 'VIP'] });
    expect(res.json().tags).toEqual(['VIP', '华东']);
    expect(await names('tag=VIP')).toEqual(['张三']);
  });

  it('shows the customer page with identities and sources, masked for the service role', async () => {
    const zhang = await byName('张三');
    const detail = (await call('GET', `/api/v1/customers/${zhang.id}/detail`)).json();
    expect(detail.identities).toEqual([expect.objectContaining({ kind: 'mobile', value: '+8613812345678' })]);
    expect(detail.sources[0].channel).toBe('api');
    const masked = (await call('GET', `/api/v1/customers/${zhang.id}/detail`, undefined, service)).json();
    expect(masked.customer.mobile).toBe('138****5678');
    expect(masked.identities[0].value).toBe('138****5678');
  });

  it('exports CSV and XLSX with formulas escaped, masked by role, and audited', async () => {
    const csv = await call('GET', '/api/v1/customers/export?format=csv&sort=name');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFFID,类型,名称,手机')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv.body).toContain('13812345678');
    expect(csv.body).toContain("'+447911123456");
    const forbidden = await call('GET', '/api/v1/customers/export', undefined, service);
    expect(forbidden.statusCode).toBe(403);
    await call('PATCH', '/api/v1/roles/service', { permissions: ['customers.read', 'customers.export'] });
    const masked = await call('GET', '/api/v1/customers/export?format=xlsx&q=13812345678', undefined, service);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(masked.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(3).value).toBe('张三');
    expect(sheet.getRow(2).getCell(4).value).toBe('138****5678');
    const audit = (await call('GET', '/api/v1/audit-log?action=customer.export')).json().items;
    expect(audit).toHaveLength(2);
    expect(audit[0].after).toMatchObject({ format: 'xlsx', count: 1 });
  });

  it('parses an address into province, city, district and street on every write', async () => {
    const res = await call('POST', '/api/v1/customers', { kind: 'person', name: '地址测试', mobile: '13611112222', address: '杭州市西湖区文三路 90 号' });
    expect(res.json()).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区' });
  });

  it('adds contacts (people at a company) and shows them on the company page', async () => {
    const company = await byName('华为技术有限公司');
    const added = await call('POST', `/api/v1/customers/${company.id}/contacts`, { name: '采购 王经理', mobile: '13822223333', title: '采购经理' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().mobile).toBe('+8613822223333');
    const detail = (await call('GET', `/api/v1/customers/${company.id}/detail`, undefined, service)).json();
    expect(detail.contacts).toEqual([expect.objectContaining({ name: '采购 王经理', mobile: '138****3333', title: '采购经理' })]);
    const person = await byName('张三');
    expect((await call('POST', `/api/v1/customers/${person.id}/contacts`, { name: 'x' })).statusCode).toBe(400);
  });
});
