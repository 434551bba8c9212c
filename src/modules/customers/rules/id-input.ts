/**
 * Normalises a typed or pasted identity number before validation: converts fullwidth
 * ASCII (`０-９`, `Ａ-Ｚ`, `ａ-ｚ`, as produced by Chinese IMEs) to halfwidth, trims
 * surrounding whitespace (including the ideographic space U+3000) and uppercases.
 * Inner whitespace is kept, so `9111 0108 …` still fails on length rather than passing.
 */
export function normalizeIdInput(input: string): string {
  return toHalfwidth(input).trim().toUpperCase();
}

const FULLWIDTH_OFFSET = 0xfee0;

function isFullwidthAlnum(code: number): boolean {
  return (
    (code >= 0xff10 && code <= 0xff19) || // ０-９
    (code >= 0xff21 && code <= 0xff3a) || // Ａ-Ｚ
    (code >= 0xff41 && code <= 0xff5a) // ａ-ｚ
  );
}

function toHalfwidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    out += isFullwidthAlnum(code) ? String.fromCharCode(code - FULLWIDTH_OFFSET) : ch;
  }
  return out;
}
