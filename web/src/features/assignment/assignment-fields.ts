import type { FieldKind } from '../scoring/scoring-fields.ts';
import { FIELDS, needsList, needsValue } from '../scoring/scoring-fields.ts';
import type { Clause, Condition } from '../scoring/scoring.types.ts';
import type { EditorCondition } from '../scoring/scoring-fields.ts';
import type { Method } from './assignment.types.ts';

/** What an assignment rule may test: the lead facts scoring reads, plus the lead's score. */
export const ASSIGNMENT_FIELDS: ReadonlyArray<{ field: string; kind: FieldKind }> = [...FIELDS.lead, { field: 'score', kind: 'number' }];

export const assignmentKindOf = (field: string): FieldKind => ASSIGNMENT_FIELDS.find((f) => f.field === field)?.kind ?? 'text';

/** The condition to send; each value coerced to what its field and operator expect. */
export function toCondition(editor: EditorCondition): Condition {
  const clauses: Clause[] = editor.clauses.map(({ field, op, value }) => {
    if (!needsValue(op)) return { field, op };
    const kind = assignmentKindOf(field);
    const num = (v: unknown) => (kind === 'number' && v !== '' && v !== null && !Number.isNaN(Number(v)) ? Number(v) : String(v));
    if (needsList(op)) {
      const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value as string | number];
      return { field, op, value: list.map(num) };
    }
    if (kind === 'boolean') return { field, op, value: value === true || value === 'true' };
    return { field, op, value: value === undefined ? '' : num(value) };
  });
  return editor.join === 'all' ? { all: clauses } : { any: clauses };
}

/** Who a method hands leads to: people (or a team's members), or a team queue. */
export const candidateKind = (method: Method): 'people' | 'one' | 'team' => (method === 'queue' ? 'team' : method === 'fixed' ? 'one' : 'people');

/** Percent with one decimal: 0.2345 → '23.5 %'. */
export const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
