import { describe, expect, it } from 'vitest';
import { fieldsOf, isFieldOf } from './fields.ts';

describe('fields', () => {
  it('lists the fields of each import type without overlap', () => {
    const customers = fieldsOf('customers');
    const orders = fieldsOf('orders');
    expect(customers).toContain('creditCode');
    expect(orders).toContain('orderNo');
    expect(customers.filter((f) => orders.includes(f))).toEqual([]);
  });

  it('gives leads the customer fields a lead has, and its own title and company size', () => {
    const leads = fieldsOf('leads');
    expect(leads).toEqual(expect.arrayContaining(['name', 'mobile', 'companyName', 'source', 'note', 'title', 'companySize']));
    expect(leads.filter((f) => !fieldsOf('customers').includes(f))).toEqual(['title', 'companySize']);
    expect(leads.filter((f) => fieldsOf('orders').includes(f))).toEqual([]);
  });

  it('tells whether a stored field name belongs to a type', () => {
    expect(isFieldOf('orders', 'amount')).toBe(true);
    expect(isFieldOf('customers', 'amount')).toBe(false);
    expect(isFieldOf('customers', 'constructor')).toBe(false);
    expect(isFieldOf('leads', 'title')).toBe(true);
    expect(isFieldOf('customers', 'title')).toBe(false);
    expect(isFieldOf('leads', 'nationalId')).toBe(false);
    expect(isFieldOf('customers', 'tags')).toBe(true);
    expect(isFieldOf('leads', 'tags')).toBe(false);
  });
});
