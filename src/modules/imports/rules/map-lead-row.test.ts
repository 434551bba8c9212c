import { describe, expect, it } from 'vitest';
import { guessMapping } from './header-mapping.ts';
import { mapLeadRow } from './map-lead-row.ts';

const now = new Date('2024-06-01T00:00:00Z');
const HEADERS = ['姓名', '手机', '公司', '职位', '公司规模', '省份', '来源', '备注'];
const mapping = guessMapping(HEADERS, 'leads');

describe('mapLeadRow', () => {
  it('reads a lead row into its fields, cleaning text and the phone cell', () => {
    const result = mapLeadRow([' 王　芳 ', '手机:138 1234 5678 / 0571-88886666', '杭州云栖科技有限公司', '采购经理', '50-199人', '浙江省', '展会', '暂无'], mapping, { now });
    expect(result).toEqual({
      ok: true,
      flags: [],
      record: {
        name: '王芳',
        mobile: '+8613812345678',
        email: null,
        creditCode: null,
        companyName: '杭州云栖科技有限公司',
        title: '采购经理',
        companySize: '50-199人',
        province: '浙江省',
        city: null,
        district: null,
        address: null,
        industry: null,
        source: '展会',
        note: null,
      },
    });
  });

  it('leaves an empty or unreadable number to the intake to judge', () => {
    const empty = mapLeadRow(['李雷', '', '', '', '', '', '', ''], mapping, { now });
    expect(empty.ok && empty.record.mobile).toBeNull();
    const wrong = mapLeadRow(['韩梅梅', '12345', '', '', '', '', '', ''], mapping, { now });
    expect(wrong.ok && wrong.record.mobile).toBe('12345');
  });

  it('rejects a broken row with the reader’s reasons', () => {
    expect(mapLeadRow(['李雷', '13812345678'], mapping, { now })).toEqual({ ok: false, reasons: [{ field: null, code: 'column_count' }] });
    expect(mapLeadRow(['李\u0001雷', '', '', '', '', '', '', ''], mapping, { now })).toEqual({ ok: false, reasons: [{ field: null, code: 'binary_junk' }] });
    expect(mapLeadRow(['李雷', '13812345678', '', '', '', '', '', ''], mapping, { now, issues: ['malformed_quotes'] })).toEqual({ ok: false, reasons: [{ field: null, code: 'malformed_quotes' }] });
  });
});
