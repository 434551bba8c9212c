import { Transform, type TransformCallback } from 'node:stream';

/**
 * Stands in front of the CSV parser, on decoded text, and does two things:
 *
 * 1. Line endings become `\n` (CRLF and lone CR too), so that line numbers are plain counts of
 *    `\n` and the parser needs one record delimiter even in files with mixed endings.
 * 2. A stray opening quote cannot swallow the rest of the file. A quote that opens a field and
 *    stays open for more than `maxQuotedLines` lines or `maxQuotedChars` characters is taken as
 *    a typo: it is replaced by `STRAY_QUOTE` (which the row reader turns back into `"` and reports
 *    as malformed quoting on that row) and reading goes on after it. So memory stays bounded by
 *    those limits and one bad cell costs one row, not the file.
 *
 * It follows the parser's quoting rules (RFC 4180 with relaxed quotes): a quote opens a quoted
 * field only as the first character of a field; inside, `""` is a literal quote and any other
 * quote closes the field.
 */
export const STRAY_QUOTE = '\uE000';

export type CsvGuardOptions = { delimiter: string; maxQuotedLines?: number; maxQuotedChars?: number };

export function createCsvGuard({ delimiter, maxQuotedLines = 1000, maxQuotedChars = 1_000_000 }: CsvGuardOptions): Transform {
  let carryCr = false;
  /** Text from an opening quote that has not closed yet: held back until it does. */
  let held = '';
  /** Where scanning of `held` resumes. */
  let scanFrom = 0;
  /** The last character passed on, to tell whether a quote at the start of a chunk starts a field. */
  let previous = '\n';

  /** Scans `text` after the held text; returns what can be passed on and holds back the rest. */
  const scan = (text: string, final: boolean): string => {
    let s = held + text;
    let pos = held.length > 0 ? scanFrom : 0;
    let open = held.length > 0 ? 0 : -1; // index of the opening quote while inside a quoted field
    for (;;) {
      for (;;) {
        const q = s.indexOf('"', pos);
        if (open < 0) {
          if (q < 0) break;
          const before = q === 0 ? previous : s.charAt(q - 1);
          if (before === delimiter || before === '\n') open = q;
          pos = q + 1;
        } else if (q < 0) {
          pos = s.length;
          break;
        } else if (q === s.length - 1 && !final) {
          pos = q; // `""` or a closing quote? The next chunk tells.
          break;
        } else if (s.charAt(q + 1) === '"') {
          pos = q + 2;
        } else {
          open = -1;
          pos = q + 1;
        }
      }
      const runaway = open >= 0 && (final || s.length - open > maxQuotedChars || countNewlines(s, open) > maxQuotedLines);
      if (!runaway) break;
      // Neutralise the stray quote and read on from just after it, outside any quoted field.
      s = s.slice(0, open) + STRAY_QUOTE + s.slice(open + 1);
      pos = open + 1;
      open = -1;
    }
    let out: string;
    if (open >= 0) {
      out = s.slice(0, open);
      held = s.slice(open);
      scanFrom = pos - open;
    } else {
      out = s;
      held = '';
      scanFrom = 0;
    }
    if (out.length > 0) previous = out.charAt(out.length - 1);
    return out;
  };

  return new Transform({
    readableObjectMode: true,
    writableObjectMode: true,
    transform(chunk: string, _encoding: BufferEncoding, callback: TransformCallback) {
      let text = carryCr ? `\r${chunk}` : chunk;
      carryCr = text.endsWith('\r');
      if (carryCr) text = text.slice(0, -1);
      const out = scan(text.replace(/\r\n?/g, '\n'), false);
      if (out.length > 0) this.push(out);
      callback();
    },
    flush(callback: TransformCallback) {
      const out = scan(carryCr ? '\n' : '', true);
      if (out.length > 0) this.push(out);
      callback();
    },
  });
}

function countNewlines(s: string, from = 0): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
