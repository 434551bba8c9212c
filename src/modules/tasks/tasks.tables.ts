import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export type TaskRecordType = 'lead' | 'customer' | 'opportunity';
export type TaskKind = 'call' | 'visit' | 'wechat' | 'email' | 'other';

export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    recordType: text('record_type').$type<TaskRecordType>().notNull(),
    recordId: uuid('record_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<TaskKind>().notNull(),
    dueAt: ts('due_at').notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    note: text('note'),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
