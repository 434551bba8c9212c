import { describe, expect, it } from 'vitest';
import { columnSample, duplicateTargets, hasKeyColumn, IGNORE, initialChoices, mappingOf } from './import-mapping.ts';

const headers = ['姓名', '手机号', '省份', '城市', '地址', '备用'];

describe('import mapping', () => {
  it('starts from the server guess, ignoring targets of the other import type', () => {
    const guessed = { 姓名: 'name', 手机号: 'mobile', 地址: 'address', 备用: 'orderNo' };
    expect(initialChoices(headers, guessed, 'customers')).toEqual(['name', 'mobile', IGNORE, IGNORE, 'address', IGNORE]);
  });

  it('offers lead files their own targets, title and company size among them', () => {
    const guessed = { 姓名: 'name', 手机: 'mobile', 职位: 'title', 公司规模: 'companySize', 身份证: 'nationalId' };
    const leadHeaders = ['姓名', '手机', '职位', '公司规模', '身份证'];
    expect(initialChoices(leadHeaders, guessed, 'leads')).toEqual(['name', 'mobile', 'title', 'companySize', IGNORE]);
    expect(initialChoices(leadHeaders, guessed, 'customers')).toEqual(['name', 'mobile', IGNORE, IGNORE, 'nationalId']);
  });

  it('offers tags as a target of customer files only', () => {
    const guessed = { 姓名: 'name', 手机: 'mobile', 标签: 'tags' };
    expect(initialChoices(['姓名', '手机', '标签'], guessed, 'customers')).toEqual(['name', 'mobile', 'tags']);
    expect(initialChoices(['姓名', '手机', '标签'], guessed, 'leads')).toEqual(['name', 'mobile', IGNORE]);
  });

  it('sends mapped headers only', () => {
    expect(mappingOf(headers, ['name', 'mobile', 'province', IGNORE, 'address', IGNORE])).toEqual({
      姓名: 'name',
      手机号: 'mobile',
      省份: 'province',
      地址: 'address',
    });
  });

  it('reports a target chosen twice', () => {
    expect([...duplicateTargets(['name', 'mobile', 'name', IGNORE, IGNORE])]).toEqual(['name']);
    expect(duplicateTargets([IGNORE, IGNORE]).size).toBe(0);
  });

  it('needs a column that identifies a row', () => {
    expect(hasKeyColumn(['province', 'mobile'], 'customers')).toBe(true);
    expect(hasKeyColumn(['province', 'externalId'], 'customers')).toBe(true);
    expect(hasKeyColumn(['province', 'city'], 'customers')).toBe(false);
    expect(hasKeyColumn(['amount', 'customerName'], 'orders')).toBe(false);
    expect(hasKeyColumn(['orderNo'], 'orders')).toBe(false);
    expect(hasKeyColumn(['orderNo', 'customerMobile'], 'orders')).toBe(true);
    expect(hasKeyColumn(['name', 'companyName', 'title'], 'leads')).toBe(false);
    expect(hasKeyColumn(['name', 'email'], 'leads')).toBe(true);
    expect(hasKeyColumn(['mobile'], 'leads')).toBe(true);
  });

  it('samples the non-empty values of a column', () => {
    const sample = [
      ['张三', '13800138000'],
      ['李四', ''],
      ['王五'],
      ['赵六', '13900139000'],
    ];
    expect(columnSample(sample, 1)).toEqual(['13800138000', '13900139000']);
    expect(columnSample(sample, 0, 2)).toEqual(['张三', '李四']);
  });
});
