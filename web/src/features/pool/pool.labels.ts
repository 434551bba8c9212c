import type { TFunction } from 'i18next';
import { countdown, recycleReason, type Countdown } from './pool.format.ts';
import type { ClaimOutcome, Exemption, HandoverInclude, MovementKind, RecordType, ReleaseReason, RuleKind } from './pool.types.ts';

/** Labels spelled out key by key, so the locale test sees every one of them. */
export function recordTypeLabel(t: TFunction, type: RecordType | 'opportunity' | 'task'): string {
  switch (type) {
    case 'task':
      return t('pool.recordType.task');
    case 'lead':
      return t('pool.recordType.lead');
    case 'customer':
      return t('pool.recordType.customer');
    case 'opportunity':
      return t('pool.recordType.opportunity');
  }
}

/** "7 天未跟进" for a rule of that kind and length. */
export function ruleText(t: TFunction, rule: { kind: RuleKind; days: number }): string {
  switch (rule.kind) {
    case 'no_follow_up':
      return t('pool.ruleText.no_follow_up', { days: rule.days });
    case 'no_opportunity':
      return t('pool.ruleText.no_opportunity', { days: rule.days });
    case 'no_won':
      return t('pool.ruleText.no_won', { days: rule.days });
  }
}

export function ruleKindLabel(t: TFunction, kind: RuleKind): string {
  switch (kind) {
    case 'no_follow_up':
      return t('pool.ruleKind.no_follow_up');
    case 'no_opportunity':
      return t('pool.ruleKind.no_opportunity');
    case 'no_won':
      return t('pool.ruleKind.no_won');
  }
}

export function releaseReasonLabel(t: TFunction, reason: ReleaseReason | string): string {
  switch (reason) {
    case 'no_need':
      return t('pool.releaseReason.no_need');
    case 'unreachable':
      return t('pool.releaseReason.unreachable');
    case 'not_my_area':
      return t('pool.releaseReason.not_my_area');
    case 'no_time':
      return t('pool.releaseReason.no_time');
    case 'other':
      return t('pool.releaseReason.other');
    default:
      return reason;
  }
}

export function exemptionLabel(t: TFunction, exemption: Exemption): string {
  switch (exemption) {
    case 'won':
      return t('pool.exemption.won');
    case 'open_opportunity':
      return t('pool.exemption.open_opportunity');
    case 'live_contract':
      return t('pool.exemption.live_contract');
  }
}

export function movementKindLabel(t: TFunction, kind: MovementKind): string {
  switch (kind) {
    case 'enter':
      return t('pool.movement.enter');
    case 'claim':
      return t('pool.movement.claim');
    case 'assign':
      return t('pool.movement.assign');
    case 'fall':
      return t('pool.movement.fall');
    case 'release':
      return t('pool.movement.release');
    case 'move':
      return t('pool.movement.move');
    case 'handover':
      return t('pool.movement.handover');
    case 'close':
      return t('pool.movement.close');
  }
}

/** Why a record moved: a recycle rule, a release reason, or the text as the server wrote it. */
export function movementReasonText(t: TFunction, kind: MovementKind, reason: string | null): string | null {
  if (!reason) return null;
  const rule = recycleReason(reason);
  if (rule) return ruleText(t, rule);
  if (kind === 'release') return releaseReasonLabel(t, reason);
  return reason;
}

export function handoverIncludeLabel(t: TFunction, include: HandoverInclude): string {
  switch (include) {
    case 'leads':
      return t('pool.handover.include.leads');
    case 'customers':
      return t('pool.handover.include.customers');
    case 'opportunities':
      return t('pool.handover.include.opportunities');
    case 'tasks':
      return t('pool.handover.include.tasks');
  }
}

/** One claim's outcome as a sentence; `until` is when a wait or a protection ends. */
export function outcomeLabel(t: TFunction, outcome: ClaimOutcome, until?: string | null): string {
  const when = until ? new Date(until).toLocaleString() : '';
  switch (outcome) {
    case 'claimed':
      return t('pool.outcome.claimed');
    case 'already_claimed':
      return t('pool.outcome.already_claimed');
    case 'protected':
      return when ? t('pool.outcome.protectedUntil', { when }) : t('pool.outcome.protected');
    case 'not_yet_claimable':
      return when ? t('pool.outcome.notYetClaimableUntil', { when }) : t('pool.outcome.not_yet_claimable');
    case 'daily_limit':
      return t('pool.outcome.daily_limit');
    case 'private_cap':
      return t('pool.outcome.private_cap');
    case 'not_member':
      return t('pool.outcome.not_member');
    case 'not_found':
      return t('pool.outcome.not_found');
  }
}

export function countdownText(t: TFunction, left: Countdown): string {
  switch (left.state) {
    case 'overdue':
      return t('pool.deadline.overdue');
    case 'days':
      return t('pool.deadline.days', { count: left.days });
    case 'hours':
      return t('pool.deadline.hours', { count: left.hours });
  }
}

/** "还剩 2 天 · 7 天未跟进". */
export function deadlineText(t: TFunction, deadline: string, rule: { kind: RuleKind; days: number } | null, now: Date): string {
  const left = countdownText(t, countdown(deadline, now));
  return rule ? `${left} · ${ruleText(t, rule)}` : left;
}
