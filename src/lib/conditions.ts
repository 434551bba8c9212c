import { z } from 'zod';

/**
 * The small condition language shared by scoring rules, assignment rules and (later) pool rules:
 * `{ all: [...] }` or `{ any: [...] }` of clauses `{ field, op, value }`, nestable.
 * Facts are flat records of strings, numbers and booleans; a missing fact never matches a comparison.
 */
export type FactValue = string | number | boolean | null | undefined;
export type Facts = Readonly<Record<string, FactValue>>;

export const OPERATORS = ['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'present', 'absent'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Clause = { field: string; op: Operator; value?: string | number | boolean | Array<string | number> };
export type Condition = { all: Array<Clause | Condition> } | { any: Array<Clause | Condition> };

const isGroup = (c: Clause | Condition): c is Condition => 'all' in c || 'any' in c;

function compare(fact: FactValue, op: Operator, value: Clause['value']): boolean {
  if (op === 'present') return fact !== null && fact !== undefined && fact !== '' && fact !== false;
  if (op === 'absent') return fact === null || fact === undefined || fact === '' || fact === false;
  if (fact === null || fact === undefined) return op === 'neq' || op === 'notIn';
  switch (op) {
    case 'eq':
      return fact === value;
    case 'neq':
      return fact !== value;
    case 'in':
      return Array.isArray(value) && value.includes(fact as string | number);
    case 'notIn':
      return Array.isArray(value) && !value.includes(fact as string | number);
    case 'gt':
      return typeof fact === 'number' && typeof value === 'number' && fact > value;
    case 'gte':
      return typeof fact === 'number' && typeof value === 'number' && fact >= value;
    case 'lt':
      return typeof fact === 'number' && typeof value === 'number' && fact < value;
    case 'lte':
      return typeof fact === 'number' && typeof value === 'number' && fact <= value;
    case 'contains':
      return typeof fact === 'string' && typeof value === 'string' && fact.includes(value);
  }
}

/** True when the facts satisfy the condition; an empty `all` is always true, an empty `any` never. */
export function matches(condition: Condition | Clause, facts: Facts): boolean {
  if (!isGroup(condition)) return compare(facts[condition.field], condition.op, condition.value);
  if ('all' in condition) return condition.all.every((c) => matches(c, facts));
  return condition.any.some((c) => matches(c, facts));
}

/** The fields a condition reads, e.g. to show a rule's inputs or to check them against a target. */
export function conditionFields(condition: Condition | Clause): string[] {
  if (!isGroup(condition)) return [condition.field];
  const parts = 'all' in condition ? condition.all : condition.any;
  return [...new Set(parts.flatMap(conditionFields))];
}

const NEEDS_NUMBER: ReadonlySet<Operator> = new Set(['gt', 'gte', 'lt', 'lte']);
const NEEDS_LIST: ReadonlySet<Operator> = new Set(['in', 'notIn']);

/** Zod schema for a condition over the given fields: unknown fields and ill-typed values are refused. */
export function conditionSchema(fields: readonly [string, ...string[]]): z.ZodType<Condition> {
  const clause = z
    .strictObject({
      field: z.enum(fields),
      op: z.enum(OPERATORS),
      value: z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(200)]).optional(),
    })
    .superRefine((c, ctx) => {
      if (NEEDS_NUMBER.has(c.op) && typeof c.value !== 'number') ctx.addIssue({ code: 'custom', path: ['value'], message: 'number expected' });
      if (NEEDS_LIST.has(c.op) && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'list expected' });
      if ((c.op === 'eq' || c.op === 'neq') && (c.value === undefined || Array.isArray(c.value))) ctx.addIssue({ code: 'custom', path: ['value'], message: 'value expected' });
      if (c.op === 'contains' && typeof c.value !== 'string') ctx.addIssue({ code: 'custom', path: ['value'], message: 'text expected' });
    });
  const condition: z.ZodType<Condition> = z.lazy(() =>
    z.union([z.strictObject({ all: z.array(z.union([clause, condition])).max(50) }), z.strictObject({ any: z.array(z.union([clause, condition])).max(50) })]),
  );
  return condition;
}
