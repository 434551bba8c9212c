/**
 * A point in time as written in Chinese exports, to an ISO-8601 UTC string. Times without a zone
 * are China time (UTC+8, no daylight saving). Understood:
 *
 * - `2024-03-05T14:03:00+08:00`, `2024-03-05T06:03:00Z`, `2024-03-05 14:03:00.123`
 * - `2024/3/5 14:03`, `2024-03-05`, `2024.3.5 14:03:05`, `2024/3/5 下午2:03`
 * - `2024年3月5日`, `2024年3月5日 14:03`, `2024年3月5日14时3分`
 * - `20240305`, `20240305140300`
 * - Unix time in seconds (10 digits) or milliseconds (13 digits)
 * - an Excel serial day number (`45356.585`), as left in a CSV by a spreadsheet
 *
 * Impossible dates (2024-02-30, 25:00) are refused; so are years before 1970.
 */
export type TimeResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'invalid' };

const CHINA_OFFSET_MINUTES = 8 * 60;
/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s*T?\s*(上午|下午|晚上|中午|AM|PM)?\s*(\d{1,2})\s*[:时點点]\s*(\d{1,2})\s*(?:分\s*)?(?:[:]?\s*(\d{1,2})\s*秒?)?(?:\.(\d{1,9}))?\s*(AM|PM)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

export function parseOrderTime(raw: string): TimeResult {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'empty' };

  const iso = ISO.exec(text);
  if (iso) {
    const zone = iso[8] ?? 'Z';
    const offset = zone.toUpperCase() === 'Z' ? 0 : zoneMinutes(zone);
    return build(iso.slice(1, 8), offset);
  }

  const dt = DATE_TIME.exec(text);
  if (dt) {
    const [, y, mo, d, meridiemBefore, h, mi, s, frac, meridiemAfter] = dt;
    let hour = h === undefined ? 0 : Number(h);
    const meridiem = (meridiemBefore ?? meridiemAfter ?? '').toUpperCase();
    if (meridiem && (hour < 1 || hour > 12)) {
      if (!(hour === 0 && (meridiem === '上午' || meridiem === 'AM'))) return { ok: false, reason: 'invalid' };
    }
    if ((meridiem === '下午' || meridiem === '晚上' || meridiem === 'PM') && hour < 12) hour += 12;
    if ((meridiem === '上午' || meridiem === 'AM') && hour === 12) hour = 0;
    if (meridiem === '中午' && hour < 11) hour += 12;
    return build([y, mo, d, String(hour), mi ?? '0', s ?? '0', frac], CHINA_OFFSET_MINUTES);
  }

  const compact = COMPACT.exec(text);
  if (compact) return build([compact[1], compact[2], compact[3], compact[4] ?? '0', compact[5] ?? '0', compact[6] ?? '0', undefined], CHINA_OFFSET_MINUTES);

  if (/^\d{10}$/.test(text)) return fromEpoch(Number(text) * 1000);
  if (/^\d{13}$/.test(text)) return fromEpoch(Number(text));
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    // Serial days in wall-clock China time.
    const wallMs = EXCEL_EPOCH_MS + Math.round(Number(text) * 86_400_000);
    return fromEpoch(wallMs - CHINA_OFFSET_MINUTES * 60_000);
  }
  return { ok: false, reason: 'invalid' };
}

function zoneMinutes(zone: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Wall-clock parts at a UTC offset → ISO UTC, checking every part is a real calendar value. */
function build(parts: (string | undefined)[], offsetMinutes: number): TimeResult {
  const [y, mo, d, h, mi, s, frac] = parts;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return { ok: false, reason: 'invalid' };
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return { ok: false, reason: 'invalid' };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'invalid' };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.min(ms, 999)) - offsetMinutes * 60_000;
  return fromEpoch(utc);
}

function fromEpoch(ms: number): TimeResult {
  if (!Number.isFinite(ms) || ms < 0) return { ok: false, reason: 'invalid' };
  return { ok: true, value: new Date(ms).toISOString() };
}
