import { describe, expect, it } from 'vitest';
import { firstShownSheet } from './first-shown-sheet.ts';

const rels = [
  { Id: 'rId1', Target: 'worksheets/sheet3.xml' },
  { Id: 'rId2', Target: 'chartsheets/sheet1.xml' },
  { Id: 'rId3', Target: 'worksheets/sheet1.xml' },
  { Id: 'rId4', Target: '/xl/worksheets/sheet2.xml' },
];

describe('firstShownSheet', () => {
  it('takes the first tab, whatever its part is called', () => {
    expect(firstShownSheet([{ name: '客户', rId: 'rId1' }, { name: 'Sheet1', rId: 'rId3' }], rels)).toBe('客户');
  });

  it('passes over hidden sheets and chart sheets', () => {
    const sheets = [
      { name: '字典', rId: 'rId3', state: 'hidden' },
      { name: '图表', rId: 'rId2' },
      { name: '隐藏', rId: 'rId1', state: 'veryHidden' },
      { name: '名单', rId: 'rId4', state: 'visible' },
    ];
    expect(firstShownSheet(sheets, rels)).toBe('名单');
  });

  it('does not know when the workbook part or its relationships are missing', () => {
    expect(firstShownSheet(undefined, rels)).toBeNull();
    expect(firstShownSheet([{ name: 'A', rId: 'rId1' }], undefined)).toBeNull();
    expect(firstShownSheet([{ name: 'A', rId: 'rId9' }], rels)).toBeNull();
  });
});
