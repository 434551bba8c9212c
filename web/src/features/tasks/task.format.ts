import type { Query } from '../../app/api.ts';
import type { Task, TaskTab } from './task.types.ts';

/** Where a task's record opens; an opportunity has no page of its own, so its list. */
export function recordPath(task: Pick<Task, 'recordType' | 'recordId'>): string {
  switch (task.recordType) {
    case 'lead':
      return `/leads/${task.recordId}`;
    case 'customer':
      return `/customers/${task.recordId}`;
    case 'opportunity':
      return '/opportunities?view=list';
  }
}

/** The next working morning at 10:00 (Saturday and Sunday skipped): when a follow-up is usually promised for. */
export function defaultDueAt(now: Date): Date {
  const due = new Date(now);
  due.setHours(10, 0, 0, 0);
  do due.setDate(due.getDate() + 1);
  while (due.getDay() === 0 || due.getDay() === 6);
  return due;
}

/** The list query of a tab on /tasks. */
export function tabQuery(tab: TaskTab, scope: 'mine' | 'team'): Query {
  return tab === 'done' ? { scope, status: 'done' } : { scope, status: 'open', due: tab };
}

export function isTaskTab(value: string | null): value is TaskTab {
  return value === 'overdue' || value === 'today' || value === 'upcoming' || value === 'done';
}
