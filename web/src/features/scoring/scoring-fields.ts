import type { Clause, ClauseValue, Condition, Operator, ScoreReason, ScoringTarget } from './scoring.types.ts';

export type FieldKind = 'text' | 'number' | 'boolean';

/** The facts a rule may test, per target (as the server's LEAD_FACT_FIELDS / OPPORTUNITY_FACT_FIELDS). */
export const FIELDS: Record<ScoringTarget, ReadonlyArray<{ field: string; kind: FieldKind }>> = {
  lead: [
    { field: 'source', kind: 'text' },
    { field: 'channel', kind: 'text' },
    { field: 'industry', kind: 'text' },
    { field: 'province', kind: 'text' },
    { field: 'region', kind: 'text' },
    { field: 'companySize', kind: 'text' },
    { field: 'ageBand', kind: 'text' },
    { field: 'hasCompany', kind: 'boolean' },
    { field: 'hasCreditCode', kind: 'boolean' },
    { field: 'hasMobile', kind: 'boolean' },
    { field: 'hasEmail', kind: 'boolean' },
    { field: 'completeness', kind: 'number' },
    { field: 'daysSinceCreated', kind: 'number' },
    { field: 'daysSinceActivity', kind: 'number' },
    { field: 'activityCount', kind: 'number' },
  ],
  opportunity: [
    { field: 'pipeline', kind: 'text' },
    { field: 'stage', kind: 'text' },
    { field: 'stageProbability', kind: 'number' },
    { field: 'amount', kind: 'number' },
    { field: 'productCount', kind: 'number' },
    { field: 'source', kind: 'text' },
    { field: 'industry', kind: 'text' },
    { field: 'region', kind: 'text' },
    { field: 'customerKind', kind: 'text' },
    { field: 'daysOpen', kind: 'number' },
    { field: 'daysInStage', kind: 'number' },
    { field: 'daysSinceActivity', kind: 'number' },
    { field: 'daysToClose', kind: 'number' },
  ],
};

export const kindOf = (target: ScoringTarget, field: string): FieldKind => FIELDS[target].find((f) => f.field === field)?.kind ?? 'text';

/** Operators that make sense for a kind of fact. */
export function operatorsFor(kind: FieldKind): Operator[] {
  switch (kind) {
    case 'text':
      return ['eq', 'neq', 'in', 'notIn', 'contains', 'present', 'absent'];
    case 'number':
      return ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'present', 'absent'];
    case 'boolean':
      return ['eq'];
  }
}

export const needsValue = (op: Operator) => op !== 'present' && op !== 'absent';
export const needsList = (op: Operator) => op === 'in' || op === 'notIn';

/** One row of the rule editor: a flat list of clauses joined by all (and) or any (or). */
export type EditorClause = { field: string; op: Operator; value?: ClauseValue };
export type EditorCondition = { join: 'all' | 'any'; clauses: EditorClause[] };

const isGroup = (c: Clause | Condition): c is Condition => 'all' in c || 'any' in c;

/** The editor's view of a condition, or null when it nests groups (then it is shown, not edited). */
export function toEditor(condition: Condition): EditorCondition | null {
  const join = 'all' in condition ? 'all' : 'any';
  const parts = 'all' in condition ? condition.all : condition.any;
  if (parts.some(isGroup)) return null;
  return { join, clauses: (parts as Clause[]).map((c) => ({ field: c.field, op: c.op, value: c.value })) };
}

/** The condition to send; a value is coerced to what its field and operator expect. */
export function fromEditor(target: ScoringTarget, editor: EditorCondition): Condition {
  const clauses: Clause[] = editor.clauses.map(({ field, op, value }) => {
    if (!needsValue(op)) return { field, op };
    const kind = kindOf(target, field);
    if (needsList(op)) {
      const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value as string | number];
      return { field, op, value: list.map((v) => (kind === 'number' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : String(v))) };
    }
    if (kind === 'boolean') return { field, op, value: value === true || value === 'true' };
    if (kind === 'number' && value !== undefined && value !== '' && !Number.isNaN(Number(value))) return { field, op, value: Number(value) };
    return { field, op, value: value as ClauseValue };
  });
  return editor.join === 'all' ? { all: clauses } : { any: clauses };
}

export type ConditionWords = { field(field: string): string; op(op: Operator): string; yes: string; no: string; and: string; or: string; always: string };

function valueText(value: ClauseValue | undefined, words: ConditionWords): string {
  if (value === undefined) return '';
  if (value === true) return words.yes;
  if (value === false) return words.no;
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** A condition as one line of text, e.g. `来源 等于 referral 且 资料完整度 ≥ 80`. */
export function conditionText(condition: Condition | Clause, words: ConditionWords): string {
  if (!isGroup(condition)) {
    const value = needsValue(condition.op) ? ` ${valueText(condition.value, words)}` : '';
    return `${words.field(condition.field)} ${words.op(condition.op)}${value}`;
  }
  const parts = 'all' in condition ? condition.all : condition.any;
  if (parts.length === 0) return 'all' in condition ? words.always : '—';
  const joined = parts.map((p) => (isGroup(p) ? `(${conditionText(p, words)})` : conditionText(p, words))).join(` ${'all' in condition ? words.and : words.or} `);
  return joined;
}

export type FactorWords = { field(field: string): string; yes: string; no: string; empty: string };

/** A reason as text: a rule by its name, a model factor by its field and value or range. */
export function reasonText(reason: ScoreReason, words: FactorWords): string {
  if (reason.kind === 'rule' || !reason.field) return reason.label;
  const show = (v: string | number | boolean | null | undefined) => (v === null || v === undefined || v === '' ? words.empty : v === true ? words.yes : v === false ? words.no : String(v));
  if (reason.from !== undefined || reason.to !== undefined) {
    const from = reason.from;
    const to = reason.to ?? null;
    const name = words.field(reason.field);
    if (from === undefined) return `${name} < ${to}`;
    if (to === null) return `${name} ≥ ${from}`;
    return `${name} ${from}–${to - 1}`;
  }
  // A scaled numeric factor without a record (the model's overall weights): per unit of the fact.
  if (reason.value === undefined) return words.field(reason.field);
  const first = `${words.field(reason.field)}: ${show(reason.value)}`;
  return reason.field2 ? `${first} & ${words.field(reason.field2)}: ${show(reason.value2)}` : first;
}

/** `+20`, `-15`, `+0.83`: rule points whole, model log-odds with two decimals. */
export function weightText(reason: ScoreReason): string {
  const text = reason.kind === 'rule' ? String(Math.round(reason.weight)) : reason.weight.toFixed(2);
  return reason.weight > 0 ? `+${text}` : text;
}

export const moveItem = <T,>(items: readonly T[], index: number, delta: -1 | 1): T[] => {
  const next = [...items];
  const to = index + delta;
  if (to < 0 || to >= next.length) return next;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
};
