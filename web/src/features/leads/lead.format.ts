import type { AssignmentEntry, FormField, ScoreReason } from './lead.types.ts';

export type ScoreBand = 'hot' | 'warm' | 'cold' | 'none';

/** Hot from 70, warm from 40: the colour of a score tag. */
export function scoreBand(score: number | null): ScoreBand {
  if (score === null) return 'none';
  if (score >= 70) return 'hot';
  if (score >= 40) return 'warm';
  return 'cold';
}

export type FactorValue = string | number | boolean | null;

/**
 * What a model factor says, read from its data fields or, when only the label came through,
 * from the label the scorer writes (`field = value`, `a = x & b = y`, `field < 8`, `field ≥ 31`,
 * `field 8–30`, or the bare field of a scaled column).
 */
export type Factor =
  | { kind: 'equals'; field: string; value: FactorValue; field2?: string; value2?: FactorValue }
  | { kind: 'range'; field: string; from: number | null; to: number | null }
  | { kind: 'field'; field: string };

const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;

function labelValue(text: string): FactorValue {
  const v = text.trim();
  if (v === '(空)') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return v;
}

function parseEquals(part: string): { field: string; value: FactorValue } | null {
  const at = part.indexOf(' = ');
  if (at < 0) return null;
  const field = part.slice(0, at).trim();
  return FIELD.test(field) ? { field, value: labelValue(part.slice(at + 3)) } : null;
}

export function factorOf(reason: ScoreReason): Factor | null {
  if (reason.kind !== 'model') return null;
  if (reason.field && (reason.from !== undefined || reason.to !== undefined)) {
    // [from, to): shown inclusive, like the scorer's own label.
    return { kind: 'range', field: reason.field, from: reason.from ?? null, to: reason.to === null || reason.to === undefined ? null : reason.to - 1 };
  }
  if (reason.field && reason.value !== undefined) {
    return reason.field2 !== undefined
      ? { kind: 'equals', field: reason.field, value: reason.value, field2: reason.field2, value2: reason.value2 ?? null }
      : { kind: 'equals', field: reason.field, value: reason.value };
  }
  const label = reason.label.trim();
  if (label.includes(' & ')) {
    const [a, b] = label.split(' & ').map(parseEquals);
    if (a && b) return { kind: 'equals', field: a.field, value: a.value, field2: b.field, value2: b.value };
  }
  const equals = parseEquals(label);
  if (equals) {
    const n = typeof equals.value === 'string' && /^-?\d+(\.\d+)?$/.test(equals.value) ? Number(equals.value) : undefined;
    return { kind: 'equals', field: equals.field, value: n ?? equals.value };
  }
  let m = /^(\S+) < (-?\d+)$/.exec(label);
  if (m && FIELD.test(m[1]!)) return { kind: 'range', field: m[1]!, from: null, to: Number(m[2]) - 1 };
  m = /^(\S+) ≥ (-?\d+)$/.exec(label);
  if (m && FIELD.test(m[1]!)) return { kind: 'range', field: m[1]!, from: Number(m[2]), to: null };
  m = /^(\S+) (-?\d+)–(-?\d+)$/.exec(label);
  if (m && FIELD.test(m[1]!)) return { kind: 'range', field: m[1]!, from: Number(m[2]), to: Number(m[3]) };
  if (FIELD.test(label)) return { kind: 'field', field: label };
  return null;
}

/** The words a factor is written with; the page passes translations, tests pass plain ones. */
export type FactorWords = {
  field(field: string): string;
  value(field: string, value: string | number): string;
  yes: string;
  no: string;
  empty: string;
  /** e.g. `{{field}} {{from}}–{{to}}`, `{{field}} ≥ {{from}}`, `{{field}} ≤ {{to}}` */
  between(field: string, from: number, to: number): string;
  atLeast(field: string, from: number): string;
  atMost(field: string, to: number): string;
};

function valueText(words: FactorWords, field: string, value: FactorValue): string {
  if (value === null || value === '') return words.empty;
  if (value === true) return words.yes;
  if (value === false) return words.no;
  return words.value(field, value);
}

/** A score reason as a sentence part: a rule's name as the tenant wrote it, a model factor translated. */
export function reasonText(reason: ScoreReason, words: FactorWords): string {
  const factor = factorOf(reason);
  if (!factor) return reason.label;
  switch (factor.kind) {
    case 'equals': {
      const first = `${words.field(factor.field)}: ${valueText(words, factor.field, factor.value)}`;
      return factor.field2 === undefined ? first : `${first} & ${words.field(factor.field2)}: ${valueText(words, factor.field2, factor.value2 ?? null)}`;
    }
    case 'range': {
      const name = words.field(factor.field);
      if (factor.from !== null && factor.to !== null) return words.between(name, factor.from, factor.to);
      if (factor.from !== null) return words.atLeast(name, factor.from);
      if (factor.to !== null) return words.atMost(name, factor.to);
      return name;
    }
    case 'field':
      return words.field(factor.field);
  }
}

/** A weight with its sign: rule points as whole numbers, model log-odds with two decimals. */
export function weightText(reason: ScoreReason): string {
  const value = reason.kind === 'rule' ? String(Math.round(reason.weight)) : reason.weight.toFixed(2);
  return reason.weight > 0 ? `+${value}` : value;
}

/** Reasons strongest first: rules (points) before model factors (log-odds), each by size. */
export function sortedReasons(reasons: readonly ScoreReason[]): ScoreReason[] {
  return [...reasons].sort((a, b) => (a.kind === b.kind ? Math.abs(b.weight) - Math.abs(a.weight) : a.kind === 'rule' ? -1 : 1));
}

export type SkippedPerson = { userId: string; why: string };

/** What an assignment log entry's `reason` JSON says, kept to the well-formed parts. */
export type AssignmentWhy = {
  rule: string | null;
  outcome: string | null;
  considered: number | null;
  skipped: SkippedPerson[];
  load: number | null;
  cap: number | null;
  tied: number | null;
  /** Matching: the chosen person's predicted conversion and load factor, and how many were compared. */
  matching: { p: number; loadFactor: number; compared: number } | null;
  /** Rules tried before this one that had nobody available. */
  fellThrough: string[];
  note: string | null;
  bulk: number | null;
};

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export function assignmentWhy(entry: Pick<AssignmentEntry, 'reason'>): AssignmentWhy {
  const reason = obj(entry.reason);
  const skipped = Array.isArray(reason.skipped)
    ? reason.skipped.map(obj).flatMap((s) => (str(s.userId) && str(s.why) ? [{ userId: s.userId as string, why: s.why as string }] : []))
    : [];
  const matching = obj(reason.matching);
  const chosen = obj(matching.chosen);
  const p = num(chosen.p);
  const loadFactor = num(chosen.loadFactor);
  const runnersUp = Array.isArray(matching.runnersUp) ? matching.runnersUp.length : 0;
  const tried = Array.isArray(reason.fellThrough) ? reason.fellThrough : Array.isArray(reason.tried) ? reason.tried : [];
  return {
    rule: str(reason.rule),
    outcome: str(reason.outcome),
    considered: num(reason.considered),
    skipped,
    load: num(reason.load),
    cap: num(reason.cap),
    tied: num(reason.tied),
    matching: p !== null && loadFactor !== null ? { p, loadFactor, compared: runnersUp + 1 } : null,
    fellThrough: tried.map(obj).flatMap((r) => (str(r.rule) ? [r.rule as string] : [])),
    // A hand-out's note is a string, or (as the leads module writes it today) `{ note }`.
    note: str(reason.note) ?? str(obj(reason.note).note),
    bulk: num(reason.bulk),
  };
}

/** The address of a web form's public page, with the channel it is embedded under. */
export function publicFormUrl(origin: string, key: string, channel?: string | null): string {
  const base = `${origin}/f/${encodeURIComponent(key)}`;
  return channel?.trim() ? `${base}?channel=${encodeURIComponent(channel.trim())}` : base;
}

/** The HTML to paste into a web page or article editor. */
export function embedCode(origin: string, key: string, channel?: string | null): string {
  return `<iframe src="${publicFormUrl(origin, key, channel).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="100%" height="640" style="border:0;max-width:520px" loading="lazy"></iframe>`;
}

/** A rejected intake's payload as `key: value` lines, empty values left out. */
export function payloadLines(payload: Record<string, unknown>): string[] {
  return Object.entries(payload).flatMap(([key, value]) => {
    if (value === null || value === undefined || value === '') return [];
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text.trim() ? [`${key}: ${text}`] : [];
  });
}

/** A form needs a name or company and a mobile or e-mail to make a lead; the server says so too. */
export function fieldsProblem(fields: readonly FormField[]): 'name_or_company_required' | 'contact_required' | null {
  if (!fields.includes('name') && !fields.includes('company')) return 'name_or_company_required';
  if (!fields.includes('mobile') && !fields.includes('email')) return 'contact_required';
  return null;
}
