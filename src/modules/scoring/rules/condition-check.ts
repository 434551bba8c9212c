import { z } from 'zod';
import { conditionSchema, OPERATORS, type Condition } from '../../../lib/conditions.ts';
import { LEAD_FACT_FIELDS, OPPORTUNITY_FACT_FIELDS } from '../../../lib/sales-facts.ts';
import type { ScoringTarget } from './rule-score.ts';

export const FACT_FIELDS: Record<ScoringTarget, readonly [string, ...string[]]> = {
  lead: LEAD_FACT_FIELDS,
  opportunity: OPPORTUNITY_FACT_FIELDS,
};

const MAX_DEPTH = 6;
const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

/**
 * Checks a condition for a target and names each problem by its path, e.g.
 * `{ 'condition.all.0.field': 'invalid_value' }`; empty when the shared condition schema accepts it.
 * (A union schema alone only says "the condition is wrong", which does not help an editor.)
 */
export function conditionProblems(target: ScoringTarget, raw: unknown, prefix = 'condition'): Record<string, string> {
  const fields = FACT_FIELDS[target];
  const clause = z.strictObject({ field: z.enum(fields), op: z.enum(OPERATORS), value: z.union([scalar, z.array(z.union([z.string().max(200), z.number()])).max(200)]).optional() });
  const problems: Record<string, string> = {};
  const walk = (node: unknown, path: Array<string | number>, depth: number) => {
    const at = [prefix, ...path].join('.');
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      problems[at] = 'invalid_type';
      return;
    }
    const keys = Object.keys(node);
    if ('all' in node || 'any' in node) {
      const key = 'all' in node ? 'all' : 'any';
      for (const other of keys.filter((k) => k !== key)) problems[`${at}${at ? '.' : ''}${other}`] = 'unrecognized_key';
      const list = (node as Record<string, unknown>)[key];
      if (!Array.isArray(list)) problems[`${at}.${key}`] = 'invalid_type';
      else if (list.length > 50) problems[`${at}.${key}`] = 'too_big';
      else if (depth >= MAX_DEPTH) problems[`${at}.${key}`] = 'too_big';
      else list.forEach((child, i) => walk(child, [...path, key, i], depth + 1));
      return;
    }
    const parsed = clause.safeParse(node);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = [at, ...issue.path.map(String)].join('.');
        if (issue.code === 'unrecognized_keys') for (const key of issue.keys) problems[`${where}.${key}`] = 'unrecognized_key';
        else problems[where] = issue.code === 'invalid_value' || issue.code === 'invalid_union' ? 'invalid_value' : issue.code;
      }
    }
  };
  walk(raw, [], 0);
  if (Object.keys(problems).length > 0) return problems;
  // The shared schema has the last word (value types per operator).
  const full = conditionSchema(fields).safeParse(raw);
  if (full.success) return {};
  for (const issue of full.error.issues) problems[[prefix, ...issue.path.map(String)].join('.')] = issue.code === 'custom' ? 'invalid_value' : issue.code;
  return problems;
}

export const isCondition = (target: ScoringTarget, raw: unknown): raw is Condition => Object.keys(conditionProblems(target, raw)).length === 0;
