import { describe, expect, it } from 'vitest';
import { cellProblem, cleanName, cleanText } from './clean-text.ts';

describe('cleanText', () => {
  it('normalises width and whitespace', () => {
    expect(cleanText('  １３８ \u3000')).toBe('138');
    expect(cleanText('a\n  b\tc')).toBe('a b c');
    expect(cleanText(undefined)).toBe('');
  });

  it('reads placeholders as empty', () => {
    for (const p of ['-', '--', '—', '/', '无', '暂无', 'NULL', 'n/a', '#N/A', '未知', '？', '...']) expect(cleanText(p)).toBe('');
    expect(cleanText('0')).toBe('0'); // a real value (an amount of 0)
    expect(cleanText('无锡')).toBe('无锡');
  });
});

describe('cleanName', () => {
  it('removes spaces between Chinese characters only', () => {
    expect(cleanName('张 三')).toBe('张三');
    expect(cleanName(' 欧阳　娜娜 ')).toBe('欧阳娜娜');
    expect(cleanName('Zhang  San')).toBe('Zhang San');
    expect(cleanName('ＡＢＣ 科技')).toBe('ABC 科技');
  });
});

describe('cellProblem', () => {
  it('finds control characters and replacement characters', () => {
    expect(cellProblem(['张三', '138'])).toBeNull();
    expect(cellProblem(['多行\n文本\t制表'])).toBeNull();
    expect(cellProblem(['a\u0001b'])).toBe('binary_junk');
    expect(cellProblem(['张\uFFFD'])).toBe('bad_encoding');
  });
});
