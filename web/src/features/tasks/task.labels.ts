import type { TFunction } from 'i18next';
import type { TaskKind, TaskRecordType, TaskTab } from './task.types.ts';

/** Labels spelled out key by key, so the locale test sees every one of them. */
export function taskKindLabel(t: TFunction, kind: TaskKind): string {
  switch (kind) {
    case 'call':
      return t('tasks.kind.call');
    case 'visit':
      return t('tasks.kind.visit');
    case 'wechat':
      return t('tasks.kind.wechat');
    case 'email':
      return t('tasks.kind.email');
    case 'other':
      return t('tasks.kind.other');
  }
}

export function taskRecordTypeLabel(t: TFunction, type: TaskRecordType): string {
  switch (type) {
    case 'lead':
      return t('tasks.recordType.lead');
    case 'customer':
      return t('tasks.recordType.customer');
    case 'opportunity':
      return t('tasks.recordType.opportunity');
  }
}

export function taskTabLabel(t: TFunction, tab: TaskTab): string {
  switch (tab) {
    case 'overdue':
      return t('tasks.tab.overdue');
    case 'today':
      return t('tasks.tab.today');
    case 'upcoming':
      return t('tasks.tab.upcoming');
    case 'done':
      return t('tasks.tab.done');
  }
}
