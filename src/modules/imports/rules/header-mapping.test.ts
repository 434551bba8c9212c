import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, LEAD_FIELDS, ORDER_FIELDS, type FieldKey, type ImportType } from './fields.ts';
import { applyTemplate, checkMapping, fieldIndex, guessMapping, normalizeHeader, toTemplate, typeOfTemplate, type HeaderMapping } from './header-mapping.ts';
import { CUSTOMER_SYNONYMS, LEAD_SYNONYMS, ORDER_SYNONYMS } from './header-synonyms.ts';

const fields = (m: HeaderMapping) => m.columns.map((c) => c.field);

describe('normalizeHeader', () => {
  it('drops required marks, remarks in brackets, spacing and width differences', () => {
    expect(normalizeHeader('*手机号码（必填）')).toBe('手机号码');
    expect(normalizeHeader(' Customer_Name ')).toBe('customername');
    expect(normalizeHeader('金额(元)')).toBe('金额');
    expect(normalizeHeader('ＥＭＡＩＬ')).toBe('email');
    expect(normalizeHeader('(备注)')).toBe('(备注)'); // nothing outside the brackets: kept
  });
});

describe('header synonyms', () => {
  it.each<[ImportType, Record<string, { strong: readonly string[]; weak: readonly string[] }>]>([
    ['customers', CUSTOMER_SYNONYMS],
    ['orders', ORDER_SYNONYMS],
    ['leads', LEAD_SYNONYMS],
  ])('never name two %s fields with the same text', (_type, table) => {
    const owner = new Map<string, string>();
    for (const [field, { strong, weak }] of Object.entries(table)) {
      for (const s of [...strong, ...weak]) {
        const key = normalizeHeader(s);
        expect([undefined, field], `${s} is claimed by ${owner.get(key)} and ${field}`).toContain(owner.get(key));
        owner.set(key, field);
      }
    }
  });

  it('cover every field', () => {
    for (const f of CUSTOMER_FIELDS) expect(CUSTOMER_SYNONYMS[f].strong.length).toBeGreaterThan(0);
    for (const f of ORDER_FIELDS) expect(ORDER_SYNONYMS[f].strong.length).toBeGreaterThan(0);
    for (const f of LEAD_FIELDS) expect(LEAD_SYNONYMS[f].strong.length).toBeGreaterThan(0);
  });
});

describe('guessMapping', () => {
  it('maps a Chinese customer sheet', () => {
    const m = guessMapping(['客户名称', '手机号码', '身份证号', '统一社会信用代码', '公司名称', '省份', '城市', '区县', '详细地址', '邮箱', '行业', '来源', '客户类型', '客户编号', '备注'], 'customers');
    expect(fields(m)).toEqual(['name', 'mobile', 'nationalId', 'creditCode', 'companyName', 'province', 'city', 'district', 'address', 'email', 'industry', 'source', 'kind', 'externalId', 'note']);
    expect(m.columns.every((c) => c.confidence === 1)).toBe(true);
    expect(m.unmapped).toEqual([]);
  });

  it('maps tag columns, Chinese or English, without taking them for the name', () => {
    for (const header of ['标签', '客户标签', '会员标签', 'Tags', 'Labels', 'customer tags']) {
      expect(fields(guessMapping(['姓名', '手机', header], 'customers')), header).toEqual(['name', 'mobile', 'tags']);
    }
    expect(fields(guessMapping(['客户标签', '手机'], 'customers'))).toEqual(['tags', 'mobile']);
    // Leads and orders have no tags: the column stays unmapped.
    expect(fields(guessMapping(['姓名', '手机', '标签'], 'leads'))).toEqual(['name', 'mobile', null]);
    expect(guessMapping(['订单号', '标签'], 'orders').unmapped).toEqual(['标签']);
  });

  it('maps English headers, whatever their case and spacing', () => {
    const m = guessMapping(['Customer Name', 'Mobile', 'E-mail', 'Company', 'Address', 'Lead Source', 'National ID'], 'customers');
    expect(fields(m)).toEqual(['name', 'mobile', 'email', 'companyName', 'address', 'source', 'nationalId']);
  });

  it('gives a field to one column only: the more specific header wins, the other stays unmapped', () => {
    const m = guessMapping(['联系电话', '手机', '姓名', '名称'], 'customers');
    expect(fields(m)).toEqual([null, 'mobile', 'name', null]);
    expect(m.unmapped).toEqual(['联系电话', '名称']);
  });

  it('reads headers that contain a synonym, with less confidence', () => {
    const m = guessMapping(['客户手机号', '收货人详细地址', '电话1'], 'customers');
    expect(fields(m)).toEqual(['mobile', 'address', null]);
    expect(m.columns[0]?.confidence).toBeLessThan(1);
    expect(m.columns[0]?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('does not find a field inside an unrelated word', () => {
    const m = guessMapping(['市场部', 'hotel', 'username2'], 'customers');
    expect(fields(m)).toEqual([null, null, 'name']);
    expect(guessMapping(['市场部'], 'customers').unmapped).toEqual(['市场部']);
  });

  it('maps a Taobao order export', () => {
    const headers = ['订单编号', '买家会员名', '买家应付货款', '总金额', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址', '联系电话', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝总数量', '店铺名称'];
    const at = fieldIndex(guessMapping(headers, 'orders'));
    const header = (f: FieldKey) => (at[f] === undefined ? undefined : headers[at[f]]);
    expect(header('orderNo')).toBe('订单编号');
    expect(header('customerExternalId')).toBe('买家会员名');
    expect(header('amount')).toBe('买家实际支付金额');
    expect(header('customerName')).toBe('收货人姓名');
    expect(header('customerMobile')).toBe('联系手机');
    expect(header('orderedAt')).toBe('订单创建时间');
    expect(header('items')).toBe('宝贝标题');
    expect(header('quantity')).toBe('宝贝总数量');
    expect(header('channel')).toBe('店铺名称');
  });

  it('maps the same header differently for customers and orders', () => {
    expect(fields(guessMapping(['手机', '客户名称'], 'customers'))).toEqual(['mobile', 'name']);
    expect(fields(guessMapping(['手机', '客户名称'], 'orders'))).toEqual(['customerMobile', 'customerName']);
  });

  it('maps a Chinese lead sheet, telling the company from its size and the person from their title', () => {
    const m = guessMapping(['姓名', '手机', '公司', '职位', '公司规模', '省份', '邮箱', '行业', '来源', '备注'], 'leads');
    expect(fields(m)).toEqual(['name', 'mobile', 'companyName', 'title', 'companySize', 'province', 'email', 'industry', 'source', 'note']);
    expect(m.columns.every((c) => c.confidence === 1)).toBe(true);
  });

  it('maps an English lead sheet and lead-only headers with remarks', () => {
    expect(fields(guessMapping(['Contact Name', 'Job Title', 'Company', 'Headcount', 'Mobile', 'E-mail'], 'leads'))).toEqual(['name', 'title', 'companyName', 'companySize', 'mobile', 'email']);
    expect(fields(guessMapping(['联系人', '联系人职务', '企业名称', '员工人数（人）', '联系电话'], 'leads'))).toEqual(['name', 'title', 'companyName', 'companySize', 'mobile']);
  });

  it('offers lead-only fields to lead files only', () => {
    expect(fields(guessMapping(['姓名', '职位', '公司规模'], 'customers'))).toEqual(['name', null, 'companyName']);
    expect(fields(guessMapping(['客户名称', '身份证号', '客户编号'], 'leads'))).toEqual(['name', null, null]);
  });

  it('maps nothing for headers that mean nothing', () => {
    const m = guessMapping(['foo', 'bar', ''], 'customers');
    expect(fields(m)).toEqual([null, null, null]);
    expect(checkMapping(m, 'customers')).toEqual({ ok: false, code: 'no_recognised_column' });
  });
});

describe('templates', () => {
  it('round-trips a mapping through a plain object', () => {
    const m = guessMapping(['姓名', '手机', '无关列'], 'customers');
    const template = toTemplate(m);
    expect(template).toEqual({ 姓名: 'name', 手机: 'mobile', 无关列: 'ignore' });
    expect(JSON.parse(JSON.stringify(template))).toEqual(template);
    const applied = applyTemplate(['姓名', '手机', '无关列'], template);
    expect(fields(applied.mapping)).toEqual(fields(m));
    expect(applied).toMatchObject({ missing: [], added: [], mapping: { unmapped: ['无关列'] } });
  });

  it('keeps a user correction that a guess would not make', () => {
    const template = { 联系电话: 'mobile', 手机: 'ignore', 名称: 'companyName' } as const;
    const { mapping } = applyTemplate(['名称', '手机', '联系电话'], template);
    expect(fields(mapping)).toEqual(['companyName', null, 'mobile']);
  });

  it('matches headers by text, wherever the column moved, and reports what disappeared and what is new', () => {
    const template = { 客户名称: 'name', '手机号码': 'mobile', 身份证号: 'nationalId' } as const;
    const result = applyTemplate(['邮箱', '手机号码（必填）', '客户名称'], template);
    expect(fields(result.mapping)).toEqual(['email', 'mobile', 'name']);
    expect(result.missing).toEqual(['身份证号']);
    expect(result.added).toEqual(['邮箱']);
    expect(result.mapping.columns[0]?.confidence).toBe(1); // a strong guess for the new column
  });

  it('does not let a guess take a field the template gave to a column', () => {
    const { mapping } = applyTemplate(['电话', '手机'], { 电话: 'mobile' });
    expect(fields(mapping)).toEqual(['mobile', null]);
  });

  it('knows an order template from a customer one, and drops fields of the other type', () => {
    expect(typeOfTemplate({ 订单号: 'orderNo', 手机: 'customerMobile' })).toBe('orders');
    expect(typeOfTemplate({ 姓名: 'name' })).toBe('customers');
    expect(typeOfTemplate({ 姓名: 'name', 职位: 'title', 备注: 'ignore' })).toBe('leads');
    const { mapping } = applyTemplate(['订单号', '姓名'], { 订单号: 'orderNo', 姓名: 'name' }, 'orders');
    expect(fields(mapping)).toEqual(['orderNo', 'customerName']);
  });
});

describe('checkMapping', () => {
  const mapping = (...fs: (FieldKey | null)[]): HeaderMapping => ({
    columns: fs.map((field, index) => ({ index, header: `h${index}`, field, confidence: 1 })),
    unmapped: [],
  });

  it('accepts a customer file with a name or any identity column', () => {
    expect(checkMapping(mapping('mobile', null), 'customers')).toEqual({ ok: true });
    expect(checkMapping(mapping('companyName'), 'customers')).toEqual({ ok: true });
  });

  it('refuses a customer file with only descriptive columns', () => {
    expect(checkMapping(mapping('province', 'note'), 'customers')).toMatchObject({ ok: false, code: 'missing_required_column' });
  });

  it('needs the order number and a way to find the customer in an order file', () => {
    expect(checkMapping(mapping('orderNo', 'customerMobile', 'amount'), 'orders')).toEqual({ ok: true });
    expect(checkMapping(mapping('customerMobile', 'amount'), 'orders')).toEqual({ ok: false, code: 'missing_required_column', fields: ['orderNo'] });
    expect(checkMapping(mapping('orderNo', 'amount'), 'orders')).toMatchObject({ ok: false, fields: ['customerMobile', 'customerExternalId', 'customerName'] });
  });

  it('needs a way to reach the person in a lead file', () => {
    expect(checkMapping(mapping('name', 'mobile', 'title'), 'leads')).toEqual({ ok: true });
    expect(checkMapping(mapping('email'), 'leads')).toEqual({ ok: true });
    expect(checkMapping(mapping('name', 'companyName', 'title'), 'leads')).toEqual({ ok: false, code: 'missing_required_column', fields: ['mobile', 'email'] });
  });

  it('refuses a field mapped twice (a user edit)', () => {
    expect(checkMapping(mapping('mobile', 'mobile', 'name'), 'customers')).toEqual({ ok: false, code: 'duplicate_field', fields: ['mobile'] });
  });
});
