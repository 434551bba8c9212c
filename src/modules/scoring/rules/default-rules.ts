import type { Condition } from '../../../lib/conditions.ts';
import type { ScoringTarget } from './rule-score.ts';

export type RuleDraft = { name: string; condition: Condition; points: number };

/** What a tenant starts with before writing its own rules: a few that hold in most B2B sales. */
export function defaultRules(target: ScoringTarget): RuleDraft[] {
  switch (target) {
    case 'lead':
      return [
        { name: '转介绍', condition: { all: [{ field: 'source', op: 'eq', value: 'referral' }] }, points: 20 },
        { name: '有统一社会信用代码', condition: { all: [{ field: 'hasCreditCode', op: 'eq', value: true }] }, points: 10 },
        { name: '30 天未跟进', condition: { all: [{ field: 'daysSinceActivity', op: 'gt', value: 30 }] }, points: -15 },
        { name: '资料完整度 ≥ 80', condition: { all: [{ field: 'completeness', op: 'gte', value: 80 }] }, points: 10 },
      ];
    case 'opportunity':
      return [
        { name: '阶段赢率 ≥ 60%', condition: { all: [{ field: 'stageProbability', op: 'gte', value: 60 }] }, points: 15 },
        { name: '30 天未跟进', condition: { all: [{ field: 'daysSinceActivity', op: 'gt', value: 30 }] }, points: -15 },
        { name: '已过预计成交日', condition: { all: [{ field: 'daysToClose', op: 'lt', value: 0 }] }, points: -10 },
        { name: '转介绍', condition: { all: [{ field: 'source', op: 'eq', value: 'referral' }] }, points: 10 },
      ];
  }
}
