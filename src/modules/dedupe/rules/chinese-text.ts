import { Converter } from 'opencc-js/t2cn';

const traditionalToSimplified = Converter({ from: 't', to: 'cn' });

/** Any Han character (CJK unified ideographs, extensions and compatibility forms). */
export const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Traditional to simplified characters (雲帆網絡 → 云帆网络); simplified text is returned unchanged. */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

/**
 * The common first step of every comparison: Unicode NFKC (full-width letters, digits and
 * punctuation become half-width, 　 becomes a space), traditional → simplified, lower-case
 * Latin, trimmed.
 */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC');
  // Skip the converter for pure ASCII: most Latin names and all e-mail addresses.
  const simplified = /[^\x00-\x7f]/.test(nfkc) ? toSimplified(nfkc) : nfkc;
  return simplified.toLowerCase().trim();
}

/** Removes everything that is not a letter or a digit (spaces, punctuation, brackets, symbols). */
export function stripPunctuation(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function hanOnly(text: string): string {
  return (text.match(HAN_GLOBAL) ?? []).join('');
}
