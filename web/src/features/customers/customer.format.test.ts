import { describe, expect, it } from 'vitest';
import { customerChanges, differingFields, formatAmount, itemsText, reasonsOf, scorePercent } from './customer.format.ts';
import type { Customer } from './customer.types.ts';

const buildCustomer = (overrides: Partial<Customer> = {}): Customer => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'person',
  name: '张三',
  mobile: '+8613800138000',
  mobileStatus: 'valid',
  email: null,
  nationalId: null,
  creditCode: null,
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  street: null,
  address: '文三路 1 号',
  industry: null,
  source: '天猫店铺',
  ownerUserId: null,
  flags: [],
  completeness: 80,
  tags: ['VIP', '老客户'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('differingFields', () => {
  it('finds fields that disagree, one side empty included', () => {
    const a = buildCustomer();
    const b = buildCustomer({ name: '張三', email: 'zs@example.com', tags: ['老客户', 'VIP'] });
    expect([...differingFields(a, b)].sort()).toEqual(['email', 'name']);
  });

  it('treats case, width and blank padding as equal', () => {
    const a = buildCustomer({ email: 'ZS@Example.com ', address: 'Ａ座 1 号' });
    const b = buildCustomer({ email: 'zs@example.com', address: 'A座 1 号' });
    expect(differingFields(a, b).size).toBe(0);
  });
});

describe('reasonsOf', () => {
  it('keeps well-formed reasons and tolerates odd JSON', () => {
    expect(reasonsOf([{ code: 'same_mobile', weight: 3 }, { code: 'name_similar', weight: 1, detail: '0.93' }, { weight: 1 }, 'x', null])).toEqual([
      { code: 'same_mobile', weight: 3, detail: null },
      { code: 'name_similar', weight: 1, detail: '0.93' },
    ]);
    expect(reasonsOf({ code: 'same_mobile' })).toEqual([]);
    // -Infinity arrives as null in JSON
    expect(reasonsOf([{ code: 'different_kind', weight: null }])).toEqual([{ code: 'different_kind', weight: 0, detail: null }]);
  });
});

describe('formatting', () => {
  it('shows a score as a percentage', () => {
    expect(scorePercent(0.934)).toBe('93%');
    expect(scorePercent(null)).toBe('—');
  });

  it('lists order items with quantities', () => {
    expect(itemsText([{ name: '瓷砖', quantity: 20 }, { name: '水泥', quantity: 1 }])).toBe('瓷砖 ×20、水泥');
    expect(itemsText('整单')).toBe('整单');
    expect(itemsText(null)).toBe('');
  });

  it('formats an amount in yuan, and leaves a non-number as it is', () => {
    expect(formatAmount('1234.5', 'en-US')).toBe('CN¥1,234.50');
    expect(formatAmount('n/a', 'zh-CN')).toBe('n/a');
  });
});

describe('customerChanges', () => {
  it('sends only what changed, blanks as null, and never a masked number unchanged', () => {
    const before = buildCustomer({ mobile: '138****8000' });
    expect(customerChanges(before, { name: '张三', mobile: '138****8000', email: ' zs@example.com ', address: '', kind: 'person' })).toEqual({
      email: 'zs@example.com',
      address: null,
    });
  });
});
