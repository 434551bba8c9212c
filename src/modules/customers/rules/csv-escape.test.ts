import { describe, expect, it } from 'vitest';
import { csvField, csvLine, escapeFormula } from './csv-escape.ts';

describe('CSV export escaping', () => {
  it('neutralises every formula trigger', () => {
    for (const bad of ['=1+1', '+86138', '-2', '@SUM(A1)', '\tcmd', '\rx']) expect(escapeFormula(bad)).toBe(`'${bad}`);
    expect(escapeFormula('张三')).toBe('张三');
    expect(escapeFormula('a=b')).toBe('a=b');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvLine(['张三', null, 3])).toBe('张三,,3\r\n');
  });
});
