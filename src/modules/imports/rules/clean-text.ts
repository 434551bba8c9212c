/**
 * Cell text as a value: NFKC (full-width letters, digits and spaces to half-width), trimmed,
 * runs of whitespace (including line breaks) collapsed to one space, and the placeholders people
 * type into empty cells (-, /, 无, 暂无, null, N/A, #N/A, 未知 …) read as empty.
 */
export function cleanText(raw: string | undefined): string {
  if (!raw) return '';
  // The common cases (plain ASCII, no doubled or odd spacing) skip the costlier steps.
  let text = NOT_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  if (SPACE.test(text)) text = text.replace(/\s+/g, ' ').trim();
  return text.length <= 9 && PLACEHOLDER.test(text) ? '' : text;
}

const NOT_ASCII = /[^\x00-\x7f]/;
const SPACE = /\s/;

const PLACEHOLDER = /^(?:-+|—+|\/+|\\+|\.+|\?+|？+|无|暂无|没有|空|不详|未知|未填|未填写|待定|null|nil|none|n\/a|na|#n\/a|undefined)$/i;

/** Control characters other than tab and line breaks: a cell holding them is binary junk. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type CellProblem = 'binary_junk' | 'bad_encoding';

/** Whether a row's cells hold bytes that are not text: control characters or U+FFFD. */
export function cellProblem(cells: readonly string[]): CellProblem | null {
  for (const cell of cells) {
    if (CONTROL.test(cell)) return 'binary_junk';
    if (cell.includes('\uFFFD')) return 'bad_encoding';
  }
  return null;
}

/** A person's or company's name: clean text without spaces between Chinese characters (张 三 → 张三). */
export function cleanName(raw: string | undefined): string {
  return cleanText(raw).replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
}
