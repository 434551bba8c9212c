export type TaskKind = 'call' | 'visit' | 'wechat' | 'email' | 'other';
export const TASK_KINDS: readonly TaskKind[] = ['call', 'visit', 'wechat', 'email', 'other'];
export type TaskRecordType = 'lead' | 'customer' | 'opportunity';
export type DueBucket = 'overdue' | 'today' | 'upcoming';
export const DUE_BUCKETS: readonly DueBucket[] = ['overdue', 'today', 'upcoming'];

/** A follow-up task as GET /tasks answers it. */
export type Task = {
  id: string;
  recordType: TaskRecordType;
  recordId: string;
  recordTitle: string | null;
  title: string;
  kind: TaskKind;
  dueAt: string;
  due: DueBucket | null;
  assigneeUserId: string;
  assigneeName: string | null;
  note: string | null;
  doneAt: string | null;
  doneBy: string | null;
  doneByName: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  canChange: boolean;
};

export type TaskCounts = Record<DueBucket, number>;
export type TaskTab = DueBucket | 'done';
export const TASK_TABS: readonly TaskTab[] = ['overdue', 'today', 'upcoming', 'done'];

export type TaskInput = {
  recordType: TaskRecordType;
  recordId: string;
  title: string;
  kind: TaskKind;
  dueAt: string;
  assigneeUserId?: string;
  note?: string;
};
