import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';

export const TASK_RECORD_TYPES = ['lead', 'customer', 'opportunity'] as const;
export const TASK_KINDS = ['call', 'visit', 'wechat', 'email', 'other'] as const;
export const DUE_BUCKETS = ['overdue', 'today', 'upcoming'] as const;

const title = z.string().trim().min(1).max(200);
const note = z.string().trim().max(2000).nullish();
const dueAt = z.iso.datetime({ offset: true });

export const taskSchema = z.object({
  id: z.uuid(),
  recordType: z.enum(TASK_RECORD_TYPES),
  recordId: z.uuid(),
  /** The record's name as its module shows it; null when it has been deleted. */
  recordTitle: z.string().nullable(),
  title: z.string(),
  kind: z.enum(TASK_KINDS),
  dueAt: z.string(),
  /** For an open task: overdue (past its time), today (later today, China time) or upcoming. */
  due: z.enum(DUE_BUCKETS).nullable(),
  assigneeUserId: z.uuid(),
  assigneeName: z.string().nullable(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.uuid().nullable(),
  doneByName: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether the caller may edit, complete or delete it: its assignee, its creator, or their manager. */
  canChange: z.boolean(),
});
export type Task = z.infer<typeof taskSchema>;
export const taskPage = page(taskSchema);

export const taskCreateBody = z.strictObject({
  recordType: z.enum(TASK_RECORD_TYPES),
  recordId: z.uuid(),
  title,
  kind: z.enum(TASK_KINDS),
  dueAt,
  /** Someone else than the caller needs `leads.assign` and must be in the caller's team. */
  assigneeUserId: z.uuid().optional(),
  note,
});
export type TaskCreateInput = z.infer<typeof taskCreateBody>;

export const taskPatchBody = z.strictObject({
  title: title.optional(),
  kind: z.enum(TASK_KINDS).optional(),
  dueAt: dueAt.optional(),
  note,
  assigneeUserId: z.uuid().optional(),
});
export type TaskPatch = z.infer<typeof taskPatchBody>;

export const taskListQuery = z
  .strictObject({
    /** mine: assigned to the caller; team: to anyone in the caller's data scope. Without it: mine, or everyone's on the record asked for. */
    scope: z.enum(['mine', 'team']).optional(),
    status: z.enum(['open', 'done']).default('open'),
    due: z.enum(DUE_BUCKETS).optional(),
    recordType: z.enum(TASK_RECORD_TYPES).optional(),
    recordId: z.uuid().optional(),
    limit: listQuery.limit,
    cursor: listQuery.cursor,
  })
  .refine((q) => !q.recordId || q.recordType, { path: ['recordType'], message: 'required' })
  .refine((q) => !q.due || q.status === 'open', { path: ['due'], message: 'only_open' });
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskCounts = z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() });
export const taskCountQuery = z.strictObject({ scope: z.enum(['mine', 'team']).default('mine') });
