import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCsvGuard, STRAY_QUOTE, type CsvGuardOptions } from './csv-guard.ts';

async function guard(chunks: string[], options: Partial<CsvGuardOptions> = {}): Promise<string> {
  let out = '';
  for await (const chunk of Readable.from(chunks, { objectMode: true }).pipe(createCsvGuard({ delimiter: ',', ...options }))) out += chunk as string;
  return out;
}

/** Every way of cutting `text` into two chunks gives the same output as one chunk. */
async function expectChunkingIrrelevant(text: string, options: Partial<CsvGuardOptions> = {}) {
  const whole = await guard([text], options);
  for (let i = 1; i < text.length; i++) expect(await guard([text.slice(0, i), text.slice(i)], options)).toBe(whole);
  return whole;
}

describe('createCsvGuard', () => {
  it('turns CRLF and lone CR into LF, also across chunks', async () => {
    expect(await guard(['a,b\r\n1,2\r3,4\n'])).toBe('a,b\n1,2\n3,4\n');
    expect(await guard(['a,b\r', '\n1,2\r', ''])).toBe('a,b\n1,2\n');
    expect(await expectChunkingIrrelevant('a,"x\r\ny"\r\n1,2\r\n')).toBe('a,"x\ny"\n1,2\n');
  });

  it('passes well-formed quoting through untouched', async () => {
    const text = 'name,note\n"Zhang, San","He said ""hi""\nand left"\n李四,5" screen\n"",x\n';
    expect(await expectChunkingIrrelevant(text)).toBe(text);
  });

  it('leaves a quote that closes within the limits alone, even if it spans lines', async () => {
    const text = `a,"${'line\n'.repeat(5)}end",b\nc,d\n`;
    expect(await guard([text], { maxQuotedLines: 10 })).toBe(text);
  });

  it('neutralises a quote still open at the end of the file', async () => {
    expect(await expectChunkingIrrelevant('a,b\n1,"unclosed\n2,3\n')).toBe(`a,b\n1,${STRAY_QUOTE}unclosed\n2,3\n`);
  });

  it('neutralises a runaway quote after the line limit and reads on normally', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},q${i}`).join('\n');
    const text = `a,b\n1,"stray\n${rows}\n5,"quoted, fine"\n`;
    const out = await guard([text.slice(0, 20), text.slice(20, 90), text.slice(90)], { maxQuotedLines: 3 });
    expect(out).toBe(text.replace('"stray', `${STRAY_QUOTE}stray`));
  });

  it('lets a stray quote pair with the next quote, as the parser does', async () => {
    const text = 'a,b\n1,"stray\n2,"q"\n';
    expect(await guard([text], { maxQuotedLines: 3 })).toBe(text);
  });

  it('bounds what it holds back by the character limit', async () => {
    const big = 'x'.repeat(5000);
    const out = await guard(['h1,h2\n1,"', big, big, '\n2,3\n'], { maxQuotedChars: 4000 });
    expect(out).toBe(`h1,h2\n1,${STRAY_QUOTE}${big}${big}\n2,3\n`);
  });

  it('knows a quote opens a field only after a delimiter or at the start of a line', async () => {
    const tab = 'a\t"x\ty"\n';
    expect(await guard([tab], { delimiter: '\t' })).toBe(tab);
    // With a comma delimiter, the quote after a tab is an ordinary character.
    expect(await guard(['a\t"x\n'], { delimiter: ',' })).toBe('a\t"x\n');
  });
});
