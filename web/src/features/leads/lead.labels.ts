import type { TFunction } from 'i18next';
import type { FactorWords } from './lead.format.ts';
import type { ActivityKind, DisqualifyReason, FormField, LeadStatus, ScoreReason } from './lead.types.ts';
import { reasonText } from './lead.format.ts';

/** Labels spelled out key by key, so the locale test sees every one of them; unknown codes show as they are. */
export function statusLabel(t: TFunction, status: LeadStatus): string {
  switch (status) {
    case 'new':
      return t('leads.status.new');
    case 'working':
      return t('leads.status.working');
    case 'qualified':
      return t('leads.status.qualified');
    case 'disqualified':
      return t('leads.status.disqualified');
  }
}

export function sourceLabel(t: TFunction, source: string): string {
  switch (source) {
    case 'manual':
      return t('leads.source.manual');
    case 'web_form':
      return t('leads.source.web_form');
    case 'referral':
      return t('leads.source.referral');
    case 'event':
      return t('leads.source.event');
    case 'import':
      return t('leads.source.import');
    case 'call_list':
      return t('leads.source.call_list');
    case 'api':
      return t('leads.source.api');
    default:
      return source;
  }
}

export function disqualifyReasonLabel(t: TFunction, reason: DisqualifyReason | string): string {
  switch (reason) {
    case 'no_need':
      return t('leads.disqualifyReason.no_need');
    case 'no_budget':
      return t('leads.disqualifyReason.no_budget');
    case 'unreachable':
      return t('leads.disqualifyReason.unreachable');
    case 'competitor':
      return t('leads.disqualifyReason.competitor');
    case 'duplicate':
      return t('leads.disqualifyReason.duplicate');
    case 'spam':
      return t('leads.disqualifyReason.spam');
    case 'other':
      return t('leads.disqualifyReason.other');
    default:
      return reason;
  }
}

export function activityLabel(t: TFunction, kind: ActivityKind): string {
  switch (kind) {
    case 'call':
      return t('leads.activity.call');
    case 'visit':
      return t('leads.activity.visit');
    case 'wechat':
      return t('leads.activity.wechat');
    case 'email':
      return t('leads.activity.email');
    case 'note':
      return t('leads.activity.note');
  }
}

export function methodLabel(t: TFunction, method: string): string {
  switch (method) {
    case 'random':
      return t('leads.method.random');
    case 'round_robin':
      return t('leads.method.round_robin');
    case 'load_balanced':
      return t('leads.method.load_balanced');
    case 'queue':
      return t('leads.method.queue');
    case 'matching':
      return t('leads.method.matching');
    case 'fixed':
      return t('leads.method.fixed');
    case 'manual':
      return t('leads.method.manual');
    case 'unassigned':
      return t('leads.method.unassigned');
    default:
      return method;
  }
}

export function outcomeLabel(t: TFunction, outcome: string): string {
  switch (outcome) {
    case 'assigned':
      return t('leads.outcome.assigned');
    case 'queued':
      return t('leads.outcome.queued');
    case 'nobody_available':
      return t('leads.outcome.nobody_available');
    case 'no_rule_matched':
      return t('leads.outcome.no_rule_matched');
    default:
      return outcome;
  }
}

export function skipLabel(t: TFunction, why: string): string {
  switch (why) {
    case 'inactive':
      return t('leads.skip.inactive');
    case 'absent':
      return t('leads.skip.absent');
    case 'full':
      return t('leads.skip.full');
    case 'unknown':
      return t('leads.skip.unknown');
    default:
      return why;
  }
}

export function rejectReasonLabel(t: TFunction, reason: string): string {
  switch (reason) {
    case 'name_missing':
      return t('leads.rejectReason.name_missing');
    case 'contact_missing':
      return t('leads.rejectReason.contact_missing');
    case 'mobile_invalid':
      return t('leads.rejectReason.mobile_invalid');
    case 'mobile_empty':
      return t('leads.rejectReason.mobile_empty');
    default:
      // The reject also carries the cleaning flags (e.g. email_invalid).
      return flagLabel(t, reason);
  }
}

export function flagLabel(t: TFunction, flag: string): string {
  switch (flag) {
    case 'mobile_invalid':
      return t('leads.flag.mobile_invalid');
    case 'mobile_not_mobile':
      return t('leads.flag.mobile_not_mobile');
    case 'email_invalid':
      return t('leads.flag.email_invalid');
    case 'credit_code_invalid':
      return t('leads.flag.credit_code_invalid');
    default:
      return flag;
  }
}

export function formFieldLabel(t: TFunction, field: FormField): string {
  switch (field) {
    case 'name':
      return t('leads.field.name');
    case 'mobile':
      return t('leads.field.mobile');
    case 'company':
      return t('leads.field.company');
    case 'email':
      return t('leads.field.email');
    case 'title':
      return t('leads.field.title');
    case 'province':
      return t('leads.field.province');
    case 'city':
      return t('leads.field.city');
    case 'industry':
      return t('leads.field.industry');
    case 'companySize':
      return t('leads.field.companySize');
    case 'notes':
      return t('leads.field.notes');
  }
}

/** Names of the facts scoring and assignment read (src/lib/sales-facts.ts). */
export function factLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'source':
      return t('leads.fact.source');
    case 'channel':
      return t('leads.fact.channel');
    case 'industry':
      return t('leads.fact.industry');
    case 'province':
      return t('leads.fact.province');
    case 'region':
      return t('leads.fact.region');
    case 'companySize':
      return t('leads.fact.companySize');
    case 'ageBand':
      return t('leads.fact.ageBand');
    case 'hasCompany':
      return t('leads.fact.hasCompany');
    case 'hasCreditCode':
      return t('leads.fact.hasCreditCode');
    case 'hasMobile':
      return t('leads.fact.hasMobile');
    case 'hasEmail':
      return t('leads.fact.hasEmail');
    case 'completeness':
      return t('leads.fact.completeness');
    case 'daysSinceCreated':
      return t('leads.fact.daysSinceCreated');
    case 'daysSinceActivity':
      return t('leads.fact.daysSinceActivity');
    case 'activityCount':
      return t('leads.fact.activityCount');
    case 'score':
      return t('leads.fact.score');
    default:
      return field;
  }
}

export const companySizeLabel = (t: TFunction, size: string) => t('leads.companySizeValue', { size });

export function factorWords(t: TFunction): FactorWords {
  return {
    field: (field) => factLabel(t, field),
    value: (field, value) => {
      if (typeof value !== 'string') return String(value);
      if (field === 'source') return sourceLabel(t, value);
      if (field === 'companySize') return companySizeLabel(t, value);
      return value;
    },
    yes: t('leads.factor.yes'),
    no: t('leads.factor.no'),
    empty: t('leads.factor.empty'),
    between: (field, from, to) => t('leads.factor.between', { field, from, to }),
    atLeast: (field, from) => t('leads.factor.atLeast', { field, from }),
    atMost: (field, to) => t('leads.factor.atMost', { field, to }),
  };
}

export const scoreReasonLabel = (t: TFunction, reason: ScoreReason) => reasonText(reason, factorWords(t));
