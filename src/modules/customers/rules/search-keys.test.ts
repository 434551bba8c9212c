import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from './search-keys.ts';

describe('nameSearchKeys', () => {
  it('gives pinyin and initials of Chinese names, surnames read as surnames', () => {
    expect(nameSearchKeys('张三')).toEqual({ pinyin: 'zhangsan', initials: 'zs' });
    expect(nameSearchKeys('单雄信')).toEqual({ pinyin: 'shanxiongxin', initials: 'sxx' });
    expect(nameSearchKeys('杭州云帆网络科技有限公司').initials).toBe('hzyfwlkjyxgs');
  });
  it('keeps Latin names searchable', () => {
    expect(nameSearchKeys('Emily Chen')).toEqual({ pinyin: 'emilychen', initials: 'ec' });
    expect(nameSearchKeys('ＡＢＣ贸易').pinyin).toBe('abcmaoyi');
  });
});
