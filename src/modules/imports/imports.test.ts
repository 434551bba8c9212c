import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { customerTables } from '../customers/index.ts';
import { leadTables } from '../leads/index.ts';
import { runImport } from './imports.service.ts';
import { importChanges } from './imports.tables.ts';

function multipart(fileName: string, content: Buffer) {
  const boundary = '----tide' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const CUSTOMERS_CSV = [
  '姓名,手机号,省份,城市,地址,邮箱',
  '张三,13812345678,浙江省,杭州市,杭州市西湖区文三路 90 号,zs@example.com',
  '李四,139 0013 9000,,,上海市浦东新区世纪大道 100 号,',
  ',,,,,',
  '王五,12345,北京市,北京市,,',
  '张三,+86 138-1234-5678,浙江省,杭州市,,zhangsan@example.com',
  ',,,,只有地址没有人,',
].join('\n');

describe.each(DB_KINDS)('imports on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie: admin } });
  async function upload(fileName: string, content: Buffer, query = 'type=customers&channel=tmall') {
    const { payload, contentType } = multipart(fileName, content);
    return h.app.inject({ method: 'POST', url: `/api/v1/imports?${query}`, payload, headers: { cookie: admin, 'content-type': contentType } });
  }
  async function importFile(fileName: string, content: Buffer, query?: string, mapping?: Record<string, string>) {
    const preview = await upload(fileName, content, query);
    expect(preview.statusCode, preview.body).toBe(201);
    const started = await call('POST', `/api/v1/imports/${preview.json().importId}/start`, mapping ? { mapping } : {});
    expect(started.statusCode, started.body).toBe(202);
    await runImport(h.t.db, tenant.id, preview.json().importId);
    return { preview: preview.json(), result: (await call('GET', `/api/v1/imports/${preview.json().importId}`)).json() };
  }
  const customerCount = async () => (await call('GET', '/api/v1/customers?limit=200')).json().items.length as number;

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
  });
  afterAll(() => h?.close());

  it('imports a UTF-8 CSV with Chinese headers: guesses the mapping, cleans, dedupes, rejects with reasons', async () => {
    const { preview, result } = await importFile('客户.csv', Buffer.from('\uFEFF' + CUSTOMERS_CSV));
    expect(preview.encoding).toBe('utf-8');
    expect(preview.mapping).toMatchObject({ 姓名: 'name', 手机号: 'mobile', 省份: 'province', 城市: 'city', 地址: 'address', 邮箱: 'email' });
    expect(result.status).toBe('done');
    expect(result.counts).toEqual({ read: 5, created: 3, updated: 0, merged: 1, rejected: 1 });
    const zhang = (await call('GET', '/api/v1/customers?q=13812345678')).json().items;
    expect(zhang).toHaveLength(1);
    expect(zhang[0]).toMatchObject({ name: '张三', email: 'zhangsan@example.com', city: '杭州市', source: 'tmall' });
    const li = (await call('GET', `/api/v1/customers?q=${encodeURIComponent('李四')}`)).json().items[0];
    expect(li).toMatchObject({ mobile: '+8613900139000', province: '上海市', district: '浦东新区' });
    const wang = (await call('GET', `/api/v1/customers?q=${encodeURIComponent('王五')}`)).json().items[0];
    expect(wang.flags).toContain('mobile_invalid');
    const rejects = await call('GET', `/api/v1/imports/${result.id}/rejects.csv`);
    expect(rejects.body).toMatch(/^\uFEFFline,reasons,row/);
    expect(rejects.body).toMatch(/\n7,/);
  });

  it('matches rows without a known identity by name and address: a sure one updates the customer, a doubtful one waits for review', async () => {
    const base = ['公司名称,城市,地址', '星河云帆科技有限公司,杭州市,浙江省杭州市西湖区文一西路 588 号'].join('\n');
    expect((await importFile('base.csv', Buffer.from(base))).result.counts).toMatchObject({ created: 1 });
    // The legal form spelled differently, the same address: the same firm, which gains the phone number.
    const again = ['公司名称,城市,地址,联系电话', '星河云帆科技（有限）公司,杭州市,杭州市西湖区文一西路588号,0571-88886666'].join('\n');
    expect((await importFile('again.csv', Buffer.from(again))).result.counts).toMatchObject({ read: 1, created: 0, updated: 1 });
    const found = (await call('GET', `/api/v1/customers?q=${encodeURIComponent('星河云帆')}`)).json().items;
    expect(found).toHaveLength(1);
    expect(found[0].mobile).toBe('+8657188886666');

    // The same name on a near street, no phone to tell: a new customer, and the pair in the review queue.
    await importFile('person.csv', Buffer.from(['姓名,手机号,地址', '王小明,13900001111,浙江省杭州市西湖区文一西路'].join('\n')));
    expect((await importFile('doubt.csv', Buffer.from(['姓名,地址', '王小明,杭州市西湖区文一路'].join('\n')))).result.counts).toMatchObject({ created: 1 });
    const reviews = (await call('GET', '/api/v1/match-reviews')).json().items as { a: { name: string }; b: { name: string }; score: number }[];
    const pair = reviews.find((r) => r.a.name === '王小明' && r.b.name === '王小明');
    expect(pair?.score).toBeGreaterThanOrEqual(0.7);
    expect(pair?.score).toBeLessThan(0.9);
  });

  it('re-importing the same file creates nobody twice, and a GBK file decodes', async () => {
    const before = await customerCount();
    const again = await importFile('客户.csv', Buffer.from('\uFEFF' + CUSTOMERS_CSV));
    expect(again.result.counts.created).toBe(0);
    expect(await customerCount()).toBe(before);
    const gbk = await importFile('经销商.csv', iconv.encode('客户名称,联系电话,城市\n赵六,13700001111,南京市\n', 'gbk'), 'type=customers&channel=dealer');
    expect(gbk.preview.encoding).toMatch(/gb/);
    expect((await call('GET', '/api/v1/customers?q=13700001111')).json().items[0].name).toBe('赵六');
  });

  it('imports XLSX, applies a saved template, and reverts an import as a whole', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['Customer', 'Tel', 'Company code']);
    sheet.addRow(['Huawei', '', '914403001922038216']);
    sheet.addRow(['孙七', '13600002222', '']);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const preview = (await upload('erp.xlsx', buffer, 'type=customers&channel=erp')).json();
    const mapping = { Customer: 'name', Tel: 'mobile', 'Company code': 'creditCode' };
    await call('POST', `/api/v1/imports/${preview.importId}/start`, { mapping, saveTemplateAs: 'ERP 导出' });
    await runImport(h.t.db, tenant.id, preview.importId);
    const templates = (await call('GET', '/api/v1/import-templates')).json().items;
    expect(templates).toEqual([expect.objectContaining({ name: 'ERP 导出', mapping })]);
    const huawei = (await call('GET', '/api/v1/customers?q=914403001922038216')).json().items[0];
    expect(huawei).toMatchObject({ kind: 'company', name: 'Huawei' });

    const second = await upload('erp2.xlsx', buffer, `type=customers&channel=erp&template=${encodeURIComponent('ERP 导出')}`);
    expect(second.json().mapping, second.body).toEqual(mapping);

    const reverted = await call('POST', `/api/v1/imports/${preview.importId}/revert`);
    expect(reverted.json().status).toBe('reverted');
    expect((await call('GET', '/api/v1/customers?q=914403001922038216')).json().items).toHaveLength(0);
    expect((await call('GET', '/api/v1/customers?q=13600002222')).json().items).toHaveLength(0);
  });

  it('resumes an interrupted import after its last whole batch, without duplicates, even with two runners', async () => {
    const lines = ['姓名,手机'];
    for (let i = 0; i < 2500; i++) lines.push(`客户${i},1550000${String(i).padStart(4, '0')}`);
    const preview = (await upload('big.csv', Buffer.from(lines.join('\n')))).json();
    await call('POST', `/api/v1/imports/${preview.importId}/start`, {});
    const crash = new Error('killed');
    const failure = await runImport(h.t.db, tenant.id, preview.importId, () => {
      throw crash;
    }).catch((error: unknown) => error);
    // The crash itself, not another error on the way (whose stack then says where).
    expect(failure, (failure as Error | undefined)?.stack).toBe(crash);
    // A killed process leaves the import running with its first batch committed.
    const { imports } = await import('./imports.tables.ts');
    const { eq } = await import('drizzle-orm');
    await h.t.db.tenantTx(tenant.id, (tx) => tx.update(imports).set({ status: 'running', error: null }).where(eq(imports.id, preview.importId)));
    const halfway = (await call('GET', `/api/v1/imports/${preview.importId}`)).json();
    expect(halfway.doneLine).toBe(1001);
    await Promise.all([runImport(h.t.db, tenant.id, preview.importId), runImport(h.t.db, tenant.id, preview.importId)]);
    const done = (await call('GET', `/api/v1/imports/${preview.importId}`)).json();
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({ read: 2500, created: 2500 });
    const found = (await call('GET', '/api/v1/customers?q=15500002499')).json().items;
    expect(found).toHaveLength(1);
  });

  it('two overlapping imports at once create each customer once', async () => {
    const a = ['姓名,手机', ...Array.from({ length: 300 }, (_, i) => `甲${i},1560000${String(i).padStart(4, '0')}`)].join('\n');
    const b = ['姓名,手机', ...Array.from({ length: 300 }, (_, i) => `乙${i},1560000${String(i + 150).padStart(4, '0')}`)].join('\n');
    const pa = (await upload('a.csv', Buffer.from(a))).json();
    const pb = (await upload('b.csv', Buffer.from(b))).json();
    await call('POST', `/api/v1/imports/${pa.importId}/start`, {});
    await call('POST', `/api/v1/imports/${pb.importId}/start`, {});
    await Promise.all([runImport(h.t.db, tenant.id, pa.importId), runImport(h.t.db, tenant.id, pb.importId)]);
    const ra = (await call('GET', `/api/v1/imports/${pa.importId}`)).json();
    const rb = (await call('GET', `/api/v1/imports/${pb.importId}`)).json();
    expect(ra.counts.created + rb.counts.created).toBe(450);
    expect((await call('GET', '/api/v1/customers?q=15600000200')).json().items).toHaveLength(1);
  });

  it('imports orders, linking customers by mobile, idempotently', async () => {
    const csv = ['订单号,下单时间,实付金额,客户姓名,客户手机,商品', 'TM001,2024/3/5 14:03,"¥1,234.50",张三,13812345678,茶叶', 'TM002,2024-03-06,99,新客户,13300003333,茶杯', 'TM003,2024-03-07,-5,坏单,13300003334,x'].join('\n');
    const first = await importFile('orders.csv', Buffer.from(csv), 'type=orders&channel=tmall');
    expect(first.result.counts).toMatchObject({ read: 3, created: 2, rejected: 1 });
    const zhang = (await call('GET', '/api/v1/customers?q=13812345678')).json().items[0];
    const detail = (await call('GET', `/api/v1/customers/${zhang.id}/detail`)).json();
    expect(detail.orders).toEqual([expect.objectContaining({ orderNo: 'TM001', amount: '1234.50', channel: 'tmall' })]);
    const again = await importFile('orders.csv', Buffer.from(csv), 'type=orders&channel=tmall');
    expect(again.result.counts.created).toBe(0);
    expect((await call('GET', `/api/v1/orders?customerId=${zhang.id}`)).json().items).toHaveLength(1);
  });

  it('keeps the person named beside a company as its contact, once', async () => {
    const csv = '公司名称,联系人,统一社会信用代码\n小米科技有限责任公司,雷经理,91110108551385082Q\n';
    await importFile('dealers.csv', Buffer.from(csv), 'type=customers&channel=dealer');
    await importFile('dealers.csv', Buffer.from(csv), 'type=customers&channel=dealer');
    const company = (await call('GET', '/api/v1/customers?q=91110108551385082Q')).json().items[0];
    expect(company).toMatchObject({ kind: 'company', name: '小米科技有限责任公司' });
    const detail = (await call('GET', `/api/v1/customers/${company.id}/detail`)).json();
    expect(detail.contacts.map((c: { name: string }) => c.name)).toEqual(['雷经理']);
  });

  it('imports leads: rejects a row without a number, links a known customer, answers a repeated number as merged, and reverts', async () => {
    await importFile('老客户.csv', Buffer.from('姓名,手机\n周八,13911112222\n'), 'type=customers&channel=erp');
    const customer = (await call('GET', '/api/v1/customers?q=13911112222')).json().items[0];
    const csv = [
      '姓名,手机,公司,职位,公司规模,省份,来源',
      '陈一,13511110001,杭州云栖科技有限公司,采购经理,50-199人,浙江省,官网',
      '吴二,,无号码贸易有限公司,经理,20,江苏省,',
      '周八,13911112222,周记贸易,老板,10,上海市,',
      '郑三,13511110003,深圳甲乙科技有限公司,技术总监,300,广东省,',
      '郑三同事,135 1111 0003,深圳甲乙科技有限公司,助理,300,广东省,',
    ].join('\n');
    const { preview, result } = await importFile('展会线索.csv', Buffer.from(csv), 'type=leads&channel=expo');
    expect(preview.mapping).toEqual({ 姓名: 'name', 手机: 'mobile', 公司: 'companyName', 职位: 'title', 公司规模: 'companySize', 省份: 'province', 来源: 'source' });
    expect(result).toMatchObject({ type: 'leads', status: 'done', counts: { read: 5, created: 3, updated: 0, merged: 1, rejected: 1 } });

    const { leads } = leadTables;
    const imported = await h.t.db.tenantTx(tenant.id, (tx) => tx.select().from(leads).where(and(eq(leads.importId, result.id), isNull(leads.deletedAt))));
    expect(imported).toHaveLength(3);
    const byMobile = new Map(imported.map((l) => [l.mobile, l]));
    expect(byMobile.get('+8613511110001')).toMatchObject({ name: '陈一', company: '杭州云栖科技有限公司', title: '采购经理', companySize: '50-199', province: '浙江省', source: 'import', channel: '官网', customerId: null });
    expect(byMobile.get('+8613911112222')).toMatchObject({ name: '周八', channel: 'expo', customerId: customer.id, linkedExisting: true });
    expect(byMobile.get('+8613511110003')).toMatchObject({ name: '郑三', title: '技术总监' });
    const changes = await h.t.db.tenantTx(tenant.id, (tx) => tx.select().from(importChanges).where(eq(importChanges.importId, result.id)));
    expect(changes.map((c) => [c.entity, c.action]).sort()).toEqual([['lead', 'created'], ['lead', 'created'], ['lead', 'created']]);
    expect(new Set(changes.map((c) => c.entityId))).toEqual(new Set(imported.map((l) => l.id)));

    const rejects = await call('GET', `/api/v1/imports/${result.id}/rejects.csv`);
    expect(rejects.body.split(/\r?\n/).filter((l) => /^\d/.test(l))).toEqual(['3,mobile: mobile_empty,"吴二,,无号码贸易有限公司,经理,20,江苏省,"']);

    // A lead someone has already worked stays when the import is reverted.
    const worked = byMobile.get('+8613511110003')!;
    await h.t.db.tenantTx(tenant.id, (tx) => tx.update(leads).set({ status: 'disqualified', disqualifiedAt: new Date() }).where(eq(leads.id, worked.id)));
    const reverted = await call('POST', `/api/v1/imports/${result.id}/revert`);
    expect(reverted.statusCode, reverted.body).toBe(200);
    expect(reverted.json().status).toBe('reverted');
    const left = await h.t.db.tenantTx(tenant.id, (tx) => tx.select({ id: leads.id }).from(leads).where(and(eq(leads.importId, result.id), isNull(leads.deletedAt))));
    expect(left.map((l) => l.id)).toEqual([worked.id]);
    expect((await call('GET', '/api/v1/customers?q=13911112222')).json().items).toHaveLength(1);
  });

  it('imports tags: findable by tag, added to the tags a customer has, and taken back by a revert', async () => {
    const tagsOf = async (mobile: string) => ((await call('GET', `/api/v1/customers?q=${mobile}`)).json().items[0]?.tags as string[] | undefined)?.slice().sort();
    const byTag = async (tag: string) => ((await call('GET', `/api/v1/customers?tag=${encodeURIComponent(tag)}&limit=200`)).json().items as { name: string }[]).map((c) => c.name).sort();
    const first = await importFile('标签.csv', Buffer.from('姓名,手机,标签\n钱九,13722220001,"VIP,老客户；华东 | 展会"\n孙十,13722220002,VIP 华南\n'), 'type=customers&channel=crm');
    expect(first.preview.mapping).toMatchObject({ 标签: 'tags' });
    expect(first.result.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(await byTag('VIP')).toEqual(['孙十', '钱九']);
    expect(await byTag('华东')).toEqual(['钱九']);
    expect(await tagsOf('13722220001')).toEqual(['VIP', '展会', '华东', '老客户'].sort());

    // Someone tags the customer by hand; a later file adds one new tag and repeats an old one.
    const qian = (await call('GET', '/api/v1/customers?q=13722220001')).json().items[0];
    const set = await h.app.inject({ method: 'PUT', url: `/api/v1/customers/${qian.id}/tags`, payload: { tags: [...qian.tags, '手工'] }, headers: { cookie: admin } });
    expect(set.statusCode, set.body).toBe(200);
    const beforeSecond = await tagsOf('13722220001');
    const second = await importFile('标签2.csv', Buffer.from('客户标签,手机\n"VIP，复购",13722220001\n'), 'type=customers&channel=crm');
    expect(second.preview.mapping).toEqual({ 客户标签: 'tags', 手机: 'mobile' });
    expect(second.result.counts).toMatchObject({ created: 0, updated: 1 });
    expect(await tagsOf('13722220001')).toEqual([...beforeSecond!, '复购'].sort());
    expect(await byTag('复购')).toEqual(['钱九']);

    // Reverting the second file removes only the tag it added; the first takes its customers away with their tags.
    expect((await call('POST', `/api/v1/imports/${second.result.id}/revert`)).json().status).toBe('reverted');
    expect(await tagsOf('13722220001')).toEqual(beforeSecond);
    expect(await byTag('复购')).toEqual([]);
    expect((await call('POST', `/api/v1/imports/${first.result.id}/revert`)).json().status).toBe('reverted');
    expect(await byTag('VIP')).toEqual([]);
    const left = await h.t.db.tenantTx(tenant.id, (tx) => tx.select().from(customerTables.customerTags).where(eq(customerTables.customerTags.customerId, qian.id)));
    expect(left).toEqual([]);
  });

  it('answers files that cannot be imported with a clear 400 naming the reason', async () => {
    const cases: [string, Buffer, string][] = [
      ['empty.csv', Buffer.alloc(0), 'zero_bytes'],
      ['header.csv', Buffer.from('姓名,手机\n'), 'header_only'],
      ['random.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'binary'],
      ['nothing.csv', Buffer.from('foo,bar\n1,2\n'), 'no_recognised_column'],
    ];
    for (const [name, content, code] of cases) {
      const res = await upload(name, content);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.fields.file, name).toBeTruthy();
      expect(res.json().error.details?.reason ?? res.json().error.fields.file, name).toContain(code);
    }
  });
});
