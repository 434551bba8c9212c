/**
 * The text of a spreadsheet cell value as exceljs gives it: numbers without exponent where
 * possible, dates as `YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss` (Excel dates carry no time zone: they
 * are read as wall-clock time), rich text joined, formulas by their cached result, errors as
 * their code (`#N/A`).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** JavaScript writes numbers below 1e21 without exponent; long ID numbers have lost digits in Excel already. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString(); // exceljs puts the wall-clock time in UTC
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
