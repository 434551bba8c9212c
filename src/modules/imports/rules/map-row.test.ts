import { describe, expect, it } from 'vitest';
import { nationalIdCheckChar, usccCheckChar } from '../../customers/index.ts';
import { guessMapping } from './header-mapping.ts';
import { kindFromText, looksLikeCompany, mapCustomerRow, mapOrderRow, type CleanCustomer, type CleanOrder, type MapResult } from './map-row.ts';

const now = new Date('2024-06-01T00:00:00Z');
const nationalId = (first17: string) => first17 + nationalIdCheckChar(first17);
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const ID = nationalId('33010619900307211'); // born 1990-03-07, Hangzhou Xihu
const CODE = uscc('91330106MA2AXXXX0'.replace(/X/g, '1'));

const CUSTOMER_HEADERS = ['客户名称', '手机号码', '身份证号', '统一社会信用代码', '公司名称', '详细地址', '邮箱', '来源', '客户类型'];
const customerMapping = guessMapping(CUSTOMER_HEADERS, 'customers');

/** A row of the customer sheet above, from the fields that matter to a test. */
function customerRow(values: Partial<Record<'name' | 'mobile' | 'id' | 'code' | 'company' | 'address' | 'email' | 'source' | 'kind', string>>): string[] {
  const { name = '', mobile = '', id = '', code = '', company = '', address = '', email = '', source = '', kind = '' } = values;
  return [name, mobile, id, code, company, address, email, source, kind];
}

function accepted<T>(result: MapResult<T>): { record: T; flags: string[] } {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.reasons)}`);
  return { record: result.record, flags: result.flags.map((f) => f.code) };
}

const mapCustomer = (values: Parameters<typeof customerRow>[0]) => mapCustomerRow(customerRow(values), customerMapping, { now });

describe('mapCustomerRow', () => {
  it('cleans a good person row', () => {
    const { record, flags } = accepted(
      mapCustomer({ name: ' 张　伟 ', mobile: '138 1234 5678', id: ID.toLowerCase(), address: '浙江省杭州市西湖区文三路478号', email: 'Zhang.Wei@Example.COM', source: '淘宝' }),
    );
    expect(flags).toEqual([]);
    expect(record).toMatchObject<Partial<CleanCustomer>>({
      kind: 'person',
      name: '张伟',
      mobile: '+8613812345678',
      mobileStatus: 'valid',
      nationalId: ID,
      email: 'zhang.wei@example.com',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      street: '文三路',
      provinceCode: '330000',
      cityCode: '330100',
      districtCode: '330106',
      address: '浙江省杭州市西湖区文三路478号',
      source: '淘宝',
      rejectedValues: {},
    });
  });

  it('flags an empty mobile and accepts the row', () => {
    const { record, flags } = accepted(mapCustomer({ name: '王芳' }));
    expect(record.mobile).toBeNull();
    expect(flags).toEqual(['mobile_missing']);
  });

  it('keeps a wrong number aside, never as the mobile', () => {
    const { record, flags } = accepted(mapCustomer({ name: '王芳', mobile: '1381234567' }));
    expect(record).toMatchObject({ mobile: null, mobileStatus: 'invalid', rejectedValues: { mobile: '1381234567' } });
    expect(flags).toEqual(['mobile_invalid']);
  });

  it('flags a landline and extra numbers', () => {
    expect(accepted(mapCustomer({ name: '王芳', mobile: '0571-88888888' })).flags).toEqual(['mobile_not_mobile']);
    const multi = accepted(mapCustomer({ name: '王芳', mobile: '13812345678/13987654321' }));
    expect(multi.record).toMatchObject({ mobile: '+8613812345678', otherPhones: ['+8613987654321'] });
    expect(multi.flags).toEqual(['mobile_multiple']);
  });

  it('flags invalid ID numbers, credit codes and emails, keeping the values aside', () => {
    const badId = `${ID.slice(0, 17)}${ID.endsWith('0') ? '1' : '0'}`;
    const { record, flags } = accepted(mapCustomer({ name: '李娜', mobile: '13812345678', id: badId, email: 'lina@qq' }));
    expect(record).toMatchObject({ nationalId: null, email: null, rejectedValues: { nationalId: badId, email: 'lina@qq' } });
    expect(flags).toEqual(['email_invalid', 'national_id_invalid']);
    const company = accepted(mapCustomer({ name: '杭州云栖科技有限公司', code: '91330106MA2AXXXXXX' }));
    expect(company.record).toMatchObject({ kind: 'company', creditCode: null, rejectedValues: { creditCode: '91330106MA2AXXXXXX' } });
    expect(company.flags).toContain('credit_code_invalid');
  });

  it('makes a company of a row with a credit code or a company-like name', () => {
    expect(accepted(mapCustomer({ name: '杭州云栖科技有限公司', mobile: '13812345678' })).record.kind).toBe('company');
    expect(accepted(mapCustomer({ name: '老王', code: CODE })).record).toMatchObject({ kind: 'company', creditCode: CODE });
    expect(accepted(mapCustomer({ company: '杭州云栖科技有限公司', mobile: '0571-88888888' })).record).toMatchObject({ kind: 'company', name: '杭州云栖科技有限公司' });
  });

  it('keeps the person of a company row as its contact', () => {
    const { record } = accepted(mapCustomer({ name: '王经理', company: '杭州云栖科技有限公司', code: CODE, mobile: '13812345678' }));
    expect(record).toMatchObject({ kind: 'company', name: '杭州云栖科技有限公司', contactName: '王经理', companyName: '杭州云栖科技有限公司' });
  });

  it('keeps a person a person when only the employer is a company', () => {
    const { record } = accepted(mapCustomer({ name: '王芳', company: '杭州云栖科技有限公司', mobile: '13812345678' }));
    expect(record).toMatchObject({ kind: 'person', name: '王芳', companyName: '杭州云栖科技有限公司', contactName: null });
  });

  it('follows an explicit kind, flagging one it cannot read or that contradicts the data', () => {
    expect(accepted(mapCustomer({ name: '王芳', kind: '企业' })).record.kind).toBe('company');
    const unknown = accepted(mapCustomer({ name: '王芳', mobile: '13812345678', kind: '潜在' }));
    expect(unknown.record).toMatchObject({ kind: 'person', rejectedValues: { kind: '潜在' } });
    expect(unknown.flags).toEqual(['kind_unrecognised']);
    expect(accepted(mapCustomer({ name: '王芳', mobile: '13812345678', code: CODE, kind: '个人' })).flags).toEqual(['kind_conflict']);
  });

  it('accepts a row with an identity but no name, and flags it', () => {
    const { record, flags } = accepted(mapCustomer({ mobile: '13812345678' }));
    expect(record.name).toBeNull();
    expect(flags).toEqual(['name_missing']);
  });

  it('rejects a row with neither a name nor a usable identity', () => {
    expect(mapCustomer({ mobile: '123', address: '杭州市西湖区' })).toEqual({ ok: false, reasons: [{ field: 'name', code: 'no_identity' }] });
    expect(mapCustomer({ name: '无', source: '展会' })).toMatchObject({ ok: false });
  });

  it('rejects broken rows: wrong column count, issues from the reader, binary junk', () => {
    expect(mapCustomerRow(['张伟', '13812345678'], customerMapping, { now })).toEqual({ ok: false, reasons: [{ field: null, code: 'column_count' }] });
    expect(mapCustomerRow(customerRow({ name: '张伟' }), customerMapping, { now, issues: ['malformed_quotes'] })).toEqual({
      ok: false,
      reasons: [{ field: null, code: 'malformed_quotes' }],
    });
    expect(mapCustomerRow(customerRow({ name: '\u0001\u0002PK' }), customerMapping, { now })).toEqual({ ok: false, reasons: [{ field: null, code: 'binary_junk' }] });
    expect(mapCustomerRow(customerRow({ name: '张\uFFFD' }), customerMapping, { now })).toEqual({ ok: false, reasons: [{ field: null, code: 'bad_encoding' }] });
  });

  it('fills province, city and district columns from the address, with official names', () => {
    const mapping = guessMapping(['姓名', '手机', '省份', '城市', '区县', '地址'], 'customers');
    const short = accepted(mapCustomerRow(['张伟', '13812345678', '浙江', '杭州', '西湖', '文三路478号'], mapping, { now }));
    expect(short.record).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路', districtCode: '330106', address: '文三路478号' });
    const onlyAddress = accepted(mapCustomerRow(['张伟', '13812345678', '', '', '', '上海浦东新区世纪大道100号'], mapping, { now }));
    expect(onlyAddress.record).toMatchObject({ province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道' });
    const repeated = accepted(mapCustomerRow(['张伟', '13812345678', '浙江省', '杭州市', '', '浙江省杭州市余杭区文一西路969号'], mapping, { now }));
    expect(repeated.record).toMatchObject({ district: '余杭区', street: '文一西路' });
    expect(repeated.flags).toEqual([]);
  });

  it('lets the region columns win over an address that contradicts them, and flags it', () => {
    const mapping = guessMapping(['姓名', '手机', '省份', '城市', '地址'], 'customers');
    const { record, flags } = accepted(mapCustomerRow(['张伟', '13812345678', '江苏', '南京', '浙江省杭州市西湖区文三路478号'], mapping, { now }));
    expect(record).toMatchObject({ province: '江苏省', city: '南京市', street: '文三路' });
    expect(flags).toEqual(['region_mismatch']);
  });

  it('flags an address it cannot place', () => {
    expect(accepted(mapCustomer({ name: '张伟', mobile: '13812345678', address: '某某小区3幢' })).flags).toEqual(['address_unparsed']);
  });

  it('reads the tags column into a list, and has none without one', () => {
    const mapping = guessMapping(['姓名', '手机', '标签'], 'customers');
    const { record, flags } = accepted(mapCustomerRow(['张伟', '13812345678', 'VIP,老客户；华东 | 展会, vip'], mapping, { now }));
    expect(record.tags).toEqual(['VIP', '老客户', '华东', '展会']);
    expect(flags).toEqual([]);
    expect(accepted(mapCustomer({ name: '王芳', mobile: '13812345678' })).record.tags).toEqual([]);
  });

  it('keeps a row whose tags are too long or too many, dropping those and flagging the row', () => {
    const mapping = guessMapping(['姓名', '手机', '客户标签'], 'customers');
    const cell = ['VIP', '长'.repeat(31), ...Array.from({ length: 25 }, (_, i) => `t${i}`)].join(',');
    const { record, flags } = accepted(mapCustomerRow(['张伟', '13812345678', cell], mapping, { now }));
    expect(record.tags).toHaveLength(20);
    expect(record.tags[0]).toBe('VIP');
    expect(record.tags).not.toContain('长'.repeat(31));
    expect(flags).toEqual(['tag_too_long', 'tags_too_many']);
  });

  it('does not count tags as a way to identify a customer', () => {
    const mapping = guessMapping(['姓名', '手机', '标签'], 'customers');
    const result = mapCustomerRow(['', '', 'VIP'], mapping, { now });
    expect(result.ok).toBe(false);
  });
});

const ORDER_HEADERS = ['订单号', '下单时间', '实付金额', '商品名称', '数量', '收货人', '收货人手机', '店铺'];
const orderMapping = guessMapping(ORDER_HEADERS, 'orders');
const mapOrder = (cells: string[]) => mapOrderRow(cells, orderMapping, { now });

describe('mapOrderRow', () => {
  it('cleans a good order row', () => {
    const { record, flags } = accepted(mapOrder(['TB20240305001', '2024/3/5 14:03', '¥1,234.50', '保温杯', '2', '张伟', '138-1234-5678', '天猫旗舰店']));
    expect(flags).toEqual([]);
    expect(record).toEqual<CleanOrder>({
      orderNo: 'TB20240305001',
      orderedAt: '2024-03-05T06:03:00.000Z',
      amount: '1234.50',
      items: [{ name: '保温杯', quantity: 2 }],
      quantity: 2,
      customerName: '张伟',
      customerMobile: '+8613812345678',
      customerExternalId: null,
      channel: '天猫旗舰店',
      rejectedValues: {},
    });
  });

  it('reads several items with their quantities', () => {
    const { record } = accepted(mapOrder(['A1', '2024年3月5日', '1234.5元', '保温杯 x2；茶叶*1', '', '张伟', '13812345678', '']));
    expect(record.items).toEqual([
      { name: '保温杯', quantity: 2 },
      { name: '茶叶', quantity: 1 },
    ]);
    expect(record.amount).toBe('1234.50');
  });

  it('requires an order number', () => {
    expect(mapOrder(['', '2024-03-05', '10', '', '', '张伟', '', ''])).toEqual({ ok: false, reasons: [{ field: 'orderNo', code: 'order_no_missing' }] });
  });

  it('refuses negative and unreadable amounts and unreadable times, all reasons at once', () => {
    expect(mapOrder(['A1', '2024-03-05', '-12.00', '', '', '张伟', '', ''])).toEqual({ ok: false, reasons: [{ field: 'amount', code: 'amount_negative' }] });
    expect(mapOrder(['A1', '昨天', '免费', '', '', '张伟', '', ''])).toEqual({
      ok: false,
      reasons: [
        { field: 'amount', code: 'amount_invalid' },
        { field: 'orderedAt', code: 'time_invalid' },
      ],
    });
  });

  it('accepts a missing amount or time with a flag, and flags a time in the future', () => {
    expect(accepted(mapOrder(['A1', '', '', '', '', '张伟', '', ''])).flags).toEqual(['amount_missing', 'time_missing']);
    expect(accepted(mapOrder(['A1', '2025-01-01', '10', '', '', '张伟', '', ''])).flags).toEqual(['time_future']);
  });

  it('needs something to find the customer by', () => {
    expect(mapOrder(['A1', '2024-03-05', '10', '', '', '', '12345', ''])).toEqual({ ok: false, reasons: [{ field: 'customerMobile', code: 'customer_missing' }] });
    const byMobile = accepted(mapOrder(['A1', '2024-03-05', '10', '', '', '', '13812345678', '']));
    expect(byMobile.record.customerMobile).toBe('+8613812345678');
    const badMobile = accepted(mapOrder(['A1', '2024-03-05', '10', '', '', '张伟', '12345', '']));
    expect(badMobile.record.rejectedValues).toEqual({ customerMobile: '12345' });
    expect(badMobile.flags).toEqual(['customer_mobile_invalid']);
  });

  it('flags a quantity it cannot read', () => {
    const { record, flags } = accepted(mapOrder(['A1', '2024-03-05', '10', '杯子', '两个', '张伟', '', '']));
    expect(record).toMatchObject({ quantity: null, items: [{ name: '杯子' }], rejectedValues: { quantity: '两个' } });
    expect(flags).toEqual(['quantity_invalid']);
  });
});

describe('kind helpers', () => {
  it('read kinds in Chinese and English', () => {
    expect(kindFromText('企业客户')).toBe('company');
    expect(kindFromText('B2B')).toBe('company');
    expect(kindFromText(' 个人 ')).toBe('person');
    expect(kindFromText('Individual')).toBe('person');
    expect(kindFromText('VIP')).toBeNull();
  });

  it('tell company names from person names', () => {
    for (const n of ['杭州云栖科技有限公司', '阿里巴巴集团', '西湖区老王五金店', '张三个体户', 'Acme Co., Ltd.', 'Tide Inc.']) expect(looksLikeCompany(n), n).toBe(true);
    for (const n of ['张伟', '欧阳娜娜', 'Zhang Wei', '李店长']) expect(looksLikeCompany(n), n).toBe(false);
  });
});
