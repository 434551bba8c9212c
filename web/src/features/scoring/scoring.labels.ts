import type { TFunction } from 'i18next';
import type { ConditionWords, FactorWords } from './scoring-fields.ts';
import type { Operator } from './scoring.types.ts';

/** Fact names spelled out key by key, so the locale test sees every one; unknown names show as they are. */
export function fieldLabel(t: TFunction, field: string): string {
  const labels: Record<string, string> = {
    source: t('scoring.field.source'),
    channel: t('scoring.field.channel'),
    industry: t('scoring.field.industry'),
    province: t('scoring.field.province'),
    region: t('scoring.field.region'),
    companySize: t('scoring.field.companySize'),
    ageBand: t('scoring.field.ageBand'),
    hasCompany: t('scoring.field.hasCompany'),
    hasCreditCode: t('scoring.field.hasCreditCode'),
    hasMobile: t('scoring.field.hasMobile'),
    hasEmail: t('scoring.field.hasEmail'),
    completeness: t('scoring.field.completeness'),
    daysSinceCreated: t('scoring.field.daysSinceCreated'),
    daysSinceActivity: t('scoring.field.daysSinceActivity'),
    activityCount: t('scoring.field.activityCount'),
    score: t('scoring.field.score'),
    pipeline: t('scoring.field.pipeline'),
    stage: t('scoring.field.stage'),
    stageProbability: t('scoring.field.stageProbability'),
    amount: t('scoring.field.amount'),
    productCount: t('scoring.field.productCount'),
    customerKind: t('scoring.field.customerKind'),
    daysOpen: t('scoring.field.daysOpen'),
    daysInStage: t('scoring.field.daysInStage'),
    daysToClose: t('scoring.field.daysToClose'),
  };
  return labels[field] ?? field;
}

export function operatorLabel(t: TFunction, op: Operator): string {
  switch (op) {
    case 'eq':
      return t('scoring.op.eq');
    case 'neq':
      return t('scoring.op.neq');
    case 'in':
      return t('scoring.op.in');
    case 'notIn':
      return t('scoring.op.notIn');
    case 'gt':
      return t('scoring.op.gt');
    case 'gte':
      return t('scoring.op.gte');
    case 'lt':
      return t('scoring.op.lt');
    case 'lte':
      return t('scoring.op.lte');
    case 'contains':
      return t('scoring.op.contains');
    case 'present':
      return t('scoring.op.present');
    case 'absent':
      return t('scoring.op.absent');
  }
}

export const conditionWords = (t: TFunction): ConditionWords => ({
  field: (field) => fieldLabel(t, field),
  op: (op) => operatorLabel(t, op),
  yes: t('scoring.yes'),
  no: t('scoring.no'),
  and: t('scoring.and'),
  or: t('scoring.or'),
  always: t('scoring.always'),
});

export const factorWords = (t: TFunction): FactorWords => ({ field: (field) => fieldLabel(t, field), yes: t('scoring.yes'), no: t('scoring.no'), empty: t('scoring.empty') });
