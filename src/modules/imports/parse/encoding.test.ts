import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding, isUtf8, sniffBinaryFormat } from './encoding.ts';

const HEADER = '姓名,手机号码,详细地址\n';
const ROW = '张三,13812345678,浙江省杭州市西湖区文三路478号\n';

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function decodeAll(bytes: Uint8Array[], encoding: Parameters<typeof createDecoder>[0]): Promise<string> {
  let text = '';
  for await (const chunk of Readable.from(bytes.map((b) => Buffer.from(b))).pipe(createDecoder(encoding))) text += chunk as string;
  return text;
}

describe('detectEncoding', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(detectEncoding(Buffer.from(`\ufeff${HEADER}${ROW}`))).toEqual({ kind: 'text', encoding: 'utf-8', bom: true, confident: true });
    expect(detectEncoding(Buffer.from(HEADER + ROW))).toEqual({ kind: 'text', encoding: 'utf-8', bom: false, confident: true });
  });

  it('reads GBK as GB18030, even for a sample as short as a header', () => {
    expect(detectEncoding(iconv.encode(HEADER + ROW, 'gbk'))).toMatchObject({ kind: 'text', encoding: 'gb18030', bom: false });
    // chardet alone cannot tell on two characters; not being UTF-8 is what decides.
    expect(detectEncoding(iconv.encode('姓名', 'gbk'))).toMatchObject({ kind: 'text', encoding: 'gb18030' });
  });

  it('recognises Big5 when chardet is sure of it', () => {
    const text = '姓名,電話,地址\n陳大文,0912345678,臺北市中正區重慶南路一段122號\n林美玲,0987654321,高雄市前鎮區中山二路\n';
    expect(detectEncoding(iconv.encode(text, 'big5'))).toMatchObject({ kind: 'text', encoding: 'big5' });
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(Buffer.from('name,mobile\nZhang San,13812345678\n'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM and without one', () => {
    expect(detectEncoding(iconv.encode(HEADER, 'utf-16le', { addBOM: true }))).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(iconv.encode('name,mobile\nZhang,138\n', 'utf-16le'))).toMatchObject({ encoding: 'utf-16le', bom: false });
  });

  it('forgives a UTF-8 character cut at the end of a sample, but not at the end of a whole file', () => {
    const bytes = Buffer.from(HEADER + ROW);
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('杭')) + 1);
    expect(isUtf8(cut)).toBe(true);
    expect(isUtf8(cut, true)).toBe(false);
    expect(detectEncoding(cut)).toMatchObject({ encoding: 'utf-8' });
  });

  it('reports binary data: NUL bytes, control characters, known formats', () => {
    expect(detectEncoding(noise(4096))).toEqual({ kind: 'binary', reason: 'nul_bytes', format: 'unknown' });
    const controls = Buffer.from(HEADER.repeat(3) + '\x01\x02\x03\x04\x05\x06\x07\x08'.repeat(4));
    expect(detectEncoding(controls)).toMatchObject({ kind: 'binary', reason: 'control_characters' });
    expect(detectEncoding(Buffer.from('%PDF-1.7\n...'))).toMatchObject({ kind: 'binary', reason: 'format', format: 'pdf' });
    expect(sniffBinaryFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('zip');
    expect(sniffBinaryFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
    expect(sniffBinaryFormat(Buffer.from(HEADER))).toBeNull();
  });
});

describe('createDecoder', () => {
  it('decodes GBK split in the middle of a character and drops nothing', async () => {
    const bytes = iconv.encode(HEADER + ROW, 'gbk');
    const text = await decodeAll([bytes.subarray(0, 5), bytes.subarray(5, 6), bytes.subarray(6)], 'gb18030');
    expect(text).toBe(HEADER + ROW);
  });

  it('strips the BOM, including one split across chunks', async () => {
    const bytes = Buffer.from(`\ufeff${HEADER}`);
    expect(await decodeAll([bytes.subarray(0, 2), bytes.subarray(2)], 'utf-8')).toBe(HEADER);
    expect(await decodeAll([iconv.encode(HEADER, 'utf-16le', { addBOM: true })], 'utf-16le')).toBe(HEADER);
  });

  it('turns invalid bytes into U+FFFD instead of failing', async () => {
    const text = await decodeAll([Buffer.concat([Buffer.from('张三,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')])], 'utf-8');
    expect(text).toContain('\uFFFD');
    expect(text.startsWith('张三,')).toBe(true);
  });
});
