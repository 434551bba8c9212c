import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './sniff-delimiter.ts';

describe('sniffDelimiter', () => {
  it('finds comma, tab, semicolon and pipe', () => {
    expect(sniffDelimiter('姓名,手机,地址\n张三,138,杭州\n')).toBe(',');
    expect(sniffDelimiter('姓名\t手机\t地址\n张三\t138\t杭州\n')).toBe('\t');
    expect(sniffDelimiter('name;mobile;city\nZhang;138;Hangzhou\n')).toBe(';');
    expect(sniffDelimiter('name|mobile\nZhang|138\n')).toBe('|');
  });

  it('is not fooled by commas inside quoted cells or in the data of a tab file', () => {
    expect(sniffDelimiter('name,address\n"Zhang","1, Road; 2"\n"Li","3, Road"\n')).toBe(',');
    expect(sniffDelimiter('姓名\t地址\t备注\n张三\t杭州,西湖区\t无\n李四\t北京\t有,两个,逗号\n')).toBe('\t');
  });

  it('looks past a title line above the header', () => {
    expect(sniffDelimiter('客户列表\n姓名\t手机\t地址\n张三\t138\t杭州\n李四\t139\t北京\n')).toBe('\t');
  });

  it('falls back to a comma for a single column', () => {
    expect(sniffDelimiter('手机\n13812345678\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });
});
