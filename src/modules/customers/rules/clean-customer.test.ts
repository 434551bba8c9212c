import { describe, expect, it } from 'vitest';
import { cleanCustomer } from './clean-customer.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('cleanCustomer', () => {
  it('normalises a person and names their identities', () => {
    const r = cleanCustomer({ kind: 'person', name: '张三', mobile: '138 1234 5678', nationalId: '11010519491231002x', email: ' ZS@Example.com ' }, now);
    expect(r.mobile).toBe('+8613812345678');
    expect(r.email).toBe('zs@example.com');
    expect(r.identities).toEqual([
      { kind: 'mobile', value: '+8613812345678' },
      { kind: 'national_id', value: '11010519491231002X' },
    ]);
    expect(r.flags).toEqual([]);
    expect(r.nameInitials).toBe('zs');
  });

  it('flags empty, impossible and invalid values and keeps them out of identity', () => {
    const r = cleanCustomer({ kind: 'person', name: '李四', mobile: '1381234567', nationalId: '110105194912310021', email: 'not-mail' }, now);
    expect(r.flags).toEqual(['mobile_invalid', 'email_invalid', 'national_id_invalid']);
    expect(r.identities).toEqual([]);
    expect(r.rejected).toEqual({ mobile: '1381234567', email: 'not-mail', nationalId: '110105194912310021' });
    expect(cleanCustomer({ kind: 'person', name: '王五' }, now).flags).toEqual(['mobile_missing']);
  });

  it('makes a company unique by its credit code, not by its phone', () => {
    const r = cleanCustomer({ kind: 'company', name: '华为技术有限公司', creditCode: '914403001922038216', mobile: '0755-28780808' }, now);
    expect(r.identities).toEqual([{ kind: 'credit_code', value: '914403001922038216' }]);
    expect(r.flags).toEqual(['mobile_not_mobile']);
    expect(cleanCustomer({ kind: 'company', name: 'x', creditCode: '914403001922038217' }, now).flags).toContain('credit_code_invalid');
  });
});
