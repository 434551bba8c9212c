import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text.ts';

describe('cellText', () => {
  it('writes numbers without exponent and dates as wall-clock text', () => {
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 3, 0)))).toBe('2024-03-05 14:03:00');
    expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
  });

  it('flattens rich text, hyperlinks, formulas and errors', () => {
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cellText({ text: 'a@example.com', hyperlink: 'mailto:a@example.com' })).toBe('a@example.com');
    expect(cellText({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(cellText({ formula: 'A1*2' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });

  it('gives empty text for empty cells', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('TRUE');
  });
});
