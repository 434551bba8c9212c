import { describe, expect, it } from 'vitest';
import { foldText, hanOnly, hasHan, stripPunctuation, toSimplified } from './chinese-text.ts';

describe('foldText', () => {
  it('turns full-width letters and digits into half-width and lower-cases Latin', () => {
    expect(foldText('ＡＢＣ　１２３')).toBe('abc 123');
  });

  it('converts traditional characters to simplified', () => {
    expect(foldText('杭州雲帆網絡科技有限公司')).toBe('杭州云帆网络科技有限公司');
    expect(toSimplified('張偉')).toBe('张伟');
  });

  it('leaves simplified text alone', () => {
    expect(foldText(' 上海市浦东新区张江路 88 号 ')).toBe('上海市浦东新区张江路 88 号');
  });
});

describe('stripPunctuation', () => {
  it('removes brackets, spaces and punctuation of both widths', () => {
    expect(stripPunctuation('云帆（杭州）网络·科技, Co., Ltd.')).toBe('云帆杭州网络科技CoLtd');
  });
});

describe('hanOnly / hasHan', () => {
  it('keeps the Han characters of a mixed string', () => {
    expect(hanOnly('买买提·艾力 Maimaiti')).toBe('买买提艾力');
    expect(hasHan('Emily Chen')).toBe(false);
    expect(hasHan('陈 Emily')).toBe(true);
  });
});
