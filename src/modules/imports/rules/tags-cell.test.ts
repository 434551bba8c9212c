import { describe, expect, it } from 'vitest';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_ROW, readTagsCell } from './tags-cell.ts';

const tags = (raw: string) => readTagsCell(raw).tags;

describe('readTagsCell', () => {
  it('splits on the separators people type, full-width or not', () => {
    expect(tags('VIP,老客户；华东 | 展会')).toEqual(['VIP', '老客户', '华东', '展会']);
    expect(tags('A，B;C｜D/E／F、G\\H')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(tags('高价值\n复购\r\n华南\t线上')).toEqual(['高价值', '复购', '华南', '线上']);
  });

  it('splits on spaces next to Chinese, but keeps English tags with spaces whole', () => {
    expect(tags('VIP 老客户  华东')).toEqual(['VIP', '老客户', '华东']);
    expect(tags('A类 客户')).toEqual(['A类', '客户']);
    expect(tags('key account, Top 100')).toEqual(['key account', 'Top 100']);
    expect(tags('key   account')).toEqual(['key account']);
    expect(tags('重点 key account')).toEqual(['重点', 'key account']);
  });

  it('trims, drops empties and placeholders, and keeps the first of repeats regardless of case', () => {
    expect(tags(' ,, VIP ,;; vip；ＶＩＰ, 老客户 ,老客户 ')).toEqual(['VIP', '老客户']);
    expect(tags('无')).toEqual([]);
    expect(tags('N/A')).toEqual([]);
    expect(tags('VIP, 无, -')).toEqual(['VIP']);
    expect(readTagsCell('')).toEqual({ tags: [], tooLong: [], overCap: [] });
    expect(readTagsCell(undefined)).toEqual({ tags: [], tooLong: [], overCap: [] });
  });

  it(`drops tags over ${MAX_TAG_LENGTH} characters and beyond ${MAX_TAGS_PER_ROW} a row, reporting them`, () => {
    const longest = '长'.repeat(MAX_TAG_LENGTH);
    const tooLong = '长'.repeat(MAX_TAG_LENGTH + 1);
    expect(readTagsCell(`${longest},${tooLong},VIP`)).toEqual({ tags: [longest, 'VIP'], tooLong: [tooLong], overCap: [] });
    const many = Array.from({ length: MAX_TAGS_PER_ROW + 2 }, (_, i) => `t${i}`);
    const cell = readTagsCell(many.join(','));
    expect(cell.tags).toEqual(many.slice(0, MAX_TAGS_PER_ROW));
    expect(cell.overCap).toEqual(many.slice(MAX_TAGS_PER_ROW));
  });
});
