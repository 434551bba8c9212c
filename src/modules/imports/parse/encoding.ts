import { Transform, type TransformCallback } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Encodings a table file may come in. GBK and GB2312 files are read as GB18030, which contains
 * both; Big5 is for files from Taiwan and Hong Kong; UTF-16 is what Excel writes as "Unicode text".
 */
export type TextEncoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export type BinaryFormat = 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'gzip' | 'rar' | '7z' | 'unknown';

export type EncodingGuess =
  | {
      kind: 'text';
      encoding: TextEncoding;
      /** The sample starts with a byte-order mark (the decoder drops it). */
      bom: boolean;
      /** False when the sample held too little non-ASCII text to be sure (the guess is then GB18030). */
      confident: boolean;
    }
  | { kind: 'binary'; reason: 'format' | 'nul_bytes' | 'control_characters'; format: BinaryFormat };

/** How many bytes of a file `detectEncoding` should see. */
export const SAMPLE_BYTES = 64 * 1024;

const MAGIC: { format: BinaryFormat; bytes: number[] }[] = [
  { format: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { format: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  { format: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { format: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { format: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  { format: 'rar', bytes: [0x52, 0x61, 0x72, 0x21] },
  { format: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
];

/** Share of control characters (other than tab, CR, LF, FF, ESC) above which a sample is binary. */
const MAX_CONTROL_SHARE = 0.02;

/** A known binary format from the first bytes, or null. */
export function sniffBinaryFormat(sample: Uint8Array): BinaryFormat | null {
  for (const { format, bytes } of MAGIC) {
    if (sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b)) return format;
  }
  return null;
}

/**
 * Tells the encoding of a file from its first bytes (pass `SAMPLE_BYTES` of them; `complete` when
 * that is the whole file). A strict UTF-8 check comes first, because a statistical detector guesses
 * badly on the short Chinese samples typical of headers; chardet only arbitrates among the
 * legacy encodings (GB18030 unless it is sure of Big5).
 */
export function detectEncoding(sample: Uint8Array, complete = false): EncodingGuess {
  const format = sniffBinaryFormat(sample);
  if (format) return { kind: 'binary', reason: 'format', format };

  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bom: true, confident: true };
  if (startsWith(sample, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bom: true, confident: true };
  if (startsWith(sample, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bom: true, confident: true };
  if (startsWith(sample, [0x84, 0x31, 0x95, 0x33])) return { kind: 'text', encoding: 'gb18030', bom: true, confident: true };
  const utf16 = guessUtf16WithoutBom(sample);
  if (utf16) return { kind: 'text', encoding: utf16, bom: false, confident: true };

  if (sample.includes(0)) return { kind: 'binary', reason: 'nul_bytes', format: 'unknown' };
  if (controlShare(sample) > MAX_CONTROL_SHARE) return { kind: 'binary', reason: 'control_characters', format: 'unknown' };

  if (isUtf8(sample, complete)) return { kind: 'text', encoding: 'utf-8', bom: false, confident: true };

  const matches = chardet.analyse(sample);
  const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
  const big5 = confidence('Big5');
  if (big5 >= 50 && big5 > confidence('GB18030')) return { kind: 'text', encoding: 'big5', bom: false, confident: true };
  return { kind: 'text', encoding: 'gb18030', bom: false, confident: confidence('GB18030') >= 50 };
}

function startsWith(sample: Uint8Array, bytes: number[]): boolean {
  return sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b);
}

/** ASCII text in UTF-16 has a NUL in every other byte. */
function guessUtf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function controlShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  let control = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  return control / sample.length;
}

/**
 * Strict UTF-8 validity. A sample cut from a longer file may end inside a character: up to three
 * trailing bytes of an incomplete sequence are forgiven unless the sample is the whole file.
 */
export function isUtf8(sample: Uint8Array, complete = false): boolean {
  let end = sample.length;
  if (!complete) end -= incompleteTail(sample);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Bytes at the end that start a multi-byte sequence whose continuation is missing. */
function incompleteTail(sample: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, sample.length); back++) {
    const b = sample[sample.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
    return 0;
  }
  return 0;
}

/**
 * A Transform from raw bytes to text (string chunks, object mode on the readable side) in the given
 * encoding, dropping a leading byte-order mark. Invalid bytes become U+FFFD, which the row reader
 * reports as a bad-encoding row.
 */
export function createDecoder(encoding: TextEncoding): Transform {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let first = true;
  const emit = (stream: Transform, text: string) => {
    let out = text;
    if (first && out.length > 0) {
      first = false;
      if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    }
    if (out.length > 0) stream.push(out);
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      emit(this, decoder.write(chunk));
      callback();
    },
    flush(callback: TransformCallback) {
      emit(this, decoder.end() ?? '');
      callback();
    },
  });
}
