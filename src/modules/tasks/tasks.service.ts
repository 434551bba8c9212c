import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { keyset, toPage, type Page } from '../../server/pagination.ts';
import { checkAssignee } from '../assignment/index.ts';
import { recordAudit } from '../audit/index.ts';
import { userNames, visibleOwnerIds } from '../org/index.ts';
import { noteFollowUp } from '../pool/index.ts';
import { dueBucket, dueRange, type DueBucket } from './rules/due.ts';
import { recordTitles, visibleRecordTitle } from './task-records.ts';
import type { Task, TaskCreateInput, TaskListQuery, TaskPatch } from './tasks.schema.ts';
import { followUpTasks } from './tasks.tables.ts';

type Row = typeof followUpTasks.$inferSelect;
/** Whose tasks the caller manages: `undefined` means everyone's (data scope all). */
type Owners = string[] | undefined;

const changeable = (caller: Caller, owners: Owners, row: Row) =>
  row.assigneeUserId === caller.userId || row.createdBy === caller.userId || !owners || owners.includes(row.assigneeUserId);

async function present(tx: Tx, caller: Caller, rows: Row[], now = new Date()): Promise<Task[]> {
  if (rows.length === 0) return [];
  // One after the other: a node-postgres client runs one query at a time anyway.
  const names = await userNames(tx, [...new Set(rows.flatMap((r) => (r.doneBy ? [r.assigneeUserId, r.doneBy] : [r.assigneeUserId])))]);
  const titles = await recordTitles(tx, rows);
  const owners = await visibleOwnerIds(tx, caller);
  return rows.map((r) => ({
    id: r.id,
    recordType: r.recordType,
    recordId: r.recordId,
    recordTitle: titles.get(`${r.recordType}:${r.recordId}`) ?? null,
    title: r.title,
    kind: r.kind,
    dueAt: r.dueAt.toISOString(),
    due: r.doneAt ? null : dueBucket(r.dueAt, now),
    assigneeUserId: r.assigneeUserId,
    assigneeName: names.get(r.assigneeUserId) ?? null,
    note: r.note,
    doneAt: r.doneAt?.toISOString() ?? null,
    doneBy: r.doneBy,
    doneByName: r.doneBy ? (names.get(r.doneBy) ?? null) : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canChange: changeable(caller, owners, r),
  }));
}

/**
 * Who does the task: the caller by default. Giving it to someone else is handing out work, so it
 * takes `leads.assign` and someone active in the caller's team, as for a lead.
 */
async function resolveAssignee(tx: Tx, caller: Caller, userId: string | undefined): Promise<string> {
  if (!userId || userId === caller.userId) return caller.userId;
  if (!can(caller, 'leads.assign')) throw new AppError(403, 'forbidden', { assigneeUserId: 'outside_team' });
  try {
    return (await checkAssignee(tx, caller, userId)).id;
  } catch (error) {
    // checkAssignee names its field `userId`; here the person is `assigneeUserId`.
    if (error instanceof AppError && error.fields?.userId) {
      throw new AppError(error.status, error.code, { assigneeUserId: error.fields.userId }, error.params, error.details);
    }
    throw error;
  }
}

/** The task if the caller may change it (its assignee, its creator, or a manager of its assignee); 404 otherwise, as for a record outside one's scope. */
async function findChangeable(tx: Tx, caller: Caller, id: string): Promise<Row> {
  const [row] = await tx
    .select()
    .from(followUpTasks)
    .where(and(eq(followUpTasks.id, id), isNull(followUpTasks.deletedAt)))
    .for('update');
  if (!row || !changeable(caller, await visibleOwnerIds(tx, caller), row)) throw notFound();
  return row;
}

async function presentOne(tx: Tx, caller: Caller, row: Row): Promise<Task> {
  return (await present(tx, caller, [row]))[0]!;
}

export async function createTask(tx: Tx, caller: Caller, input: TaskCreateInput): Promise<Task> {
  await visibleRecordTitle(tx, caller, input.recordType, input.recordId);
  const assigneeUserId = await resolveAssignee(tx, caller, input.assigneeUserId);
  const [row] = await tx
    .insert(followUpTasks)
    .values({
      tenantId: caller.tenantId,
      recordType: input.recordType,
      recordId: input.recordId,
      title: input.title,
      kind: input.kind,
      dueAt: new Date(input.dueAt),
      assigneeUserId,
      note: input.note ?? null,
      createdBy: caller.userId,
    })
    .returning();
  await recordAudit(tx, caller, { action: 'task.create', entity: 'task', entityId: row!.id, after: row });
  return presentOne(tx, caller, row!);
}

export async function updateTask(tx: Tx, caller: Caller, id: string, patch: TaskPatch): Promise<Task> {
  const before = await findChangeable(tx, caller, id);
  const assigneeUserId = patch.assigneeUserId && patch.assigneeUserId !== before.assigneeUserId ? await resolveAssignee(tx, caller, patch.assigneeUserId) : before.assigneeUserId;
  const [after] = await tx
    .update(followUpTasks)
    .set({
      title: patch.title ?? before.title,
      kind: patch.kind ?? before.kind,
      dueAt: patch.dueAt ? new Date(patch.dueAt) : before.dueAt,
      note: patch.note === undefined ? before.note : patch.note,
      assigneeUserId,
      updatedAt: new Date(),
    })
    .where(eq(followUpTasks.id, id))
    .returning();
  await recordAudit(tx, caller, { action: 'task.update', entity: 'task', entityId: id, before, after });
  return presentOne(tx, caller, after!);
}

/**
 * Marks the task done, once: a second click (another tab) answers the task as it stands. A task
 * done on a lead or a customer is a follow-up for the pool's "no follow-up in N days" clock.
 */
export async function completeTask(tx: Tx, caller: Caller, id: string, now = new Date()): Promise<Task> {
  const before = await findChangeable(tx, caller, id);
  if (before.doneAt) return presentOne(tx, caller, before);
  const [after] = await tx.update(followUpTasks).set({ doneAt: now, doneBy: caller.userId, updatedAt: now }).where(eq(followUpTasks.id, id)).returning();
  switch (before.recordType) {
    case 'lead':
    case 'customer':
      await noteFollowUp(tx, before.recordType, [before.recordId], now);
      break;
    case 'opportunity':
      // The pool keeps clocks for leads and customers only.
      break;
  }
  await recordAudit(tx, caller, { action: 'task.done', entity: 'task', entityId: id, before, after });
  return presentOne(tx, caller, after!);
}

export async function deleteTask(tx: Tx, caller: Caller, id: string): Promise<void> {
  const before = await findChangeable(tx, caller, id);
  const now = new Date();
  await tx.update(followUpTasks).set({ deletedAt: now, updatedAt: now }).where(eq(followUpTasks.id, id));
  await recordAudit(tx, caller, { action: 'task.delete', entity: 'task', entityId: id, before });
}

/** Whose tasks a list shows: the caller's own; their scope's (team); or, on a record they may open, everyone's. */
async function assigneeCondition(tx: Tx, caller: Caller, query: Pick<TaskListQuery, 'scope' | 'recordType' | 'recordId'>): Promise<SQL | undefined> {
  const scope = query.scope ?? (query.recordId ? undefined : 'mine');
  switch (scope) {
    case 'mine':
      return eq(followUpTasks.assigneeUserId, caller.userId);
    case 'team': {
      const owners = await visibleOwnerIds(tx, caller);
      return owners ? inArray(followUpTasks.assigneeUserId, owners) : undefined;
    }
    case undefined:
      await visibleRecordTitle(tx, caller, query.recordType!, query.recordId!);
      return undefined;
  }
}

function dueCondition(bucket: DueBucket | undefined, now: Date): SQL | undefined {
  if (!bucket) return undefined;
  const { from, to } = dueRange(bucket, now);
  return and(from ? gte(followUpTasks.dueAt, from) : undefined, to ? lt(followUpTasks.dueAt, to) : undefined);
}

/** Open tasks soonest first; done ones latest first. */
export async function listTasks(tx: Tx, caller: Caller, query: TaskListQuery, now = new Date()): Promise<Page<Task>> {
  const open = query.status === 'open';
  const sortColumn = open ? followUpTasks.dueAt : followUpTasks.doneAt;
  const page = keyset({ column: sortColumn, direction: open ? 'asc' : 'desc' }, followUpTasks.id, query.cursor);
  const record = query.recordId
    ? and(eq(followUpTasks.recordType, query.recordType!), eq(followUpTasks.recordId, query.recordId))
    : query.recordType
      ? eq(followUpTasks.recordType, query.recordType)
      : undefined;
  const rows = await tx
    .select()
    .from(followUpTasks)
    .where(
      and(
        isNull(followUpTasks.deletedAt),
        open ? isNull(followUpTasks.doneAt) : isNotNull(followUpTasks.doneAt),
        await assigneeCondition(tx, caller, query),
        record,
        open ? dueCondition(query.due, now) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  const items = await present(tx, caller, rows.slice(0, query.limit), now);
  const paged = toPage(rows, query.limit, (r) => r, (r) => [(open ? r.dueAt : r.doneAt!).toISOString(), r.id]);
  return { items, nextCursor: paged.nextCursor };
}

/** How many open tasks are overdue, due later today and upcoming: the tabs' badges. */
export async function countOpenTasks(tx: Tx, caller: Caller, scope: 'mine' | 'team', now = new Date()): Promise<Record<DueBucket, number>> {
  const today = dueRange('today', now);
  const [row] = await tx
    .select({
      overdue: sql<number>`count(*) filter (where ${followUpTasks.dueAt} < ${now.toISOString()}::timestamptz)::int`,
      today: sql<number>`count(*) filter (where ${followUpTasks.dueAt} >= ${now.toISOString()}::timestamptz and ${followUpTasks.dueAt} < ${today.to!.toISOString()}::timestamptz)::int`,
      upcoming: sql<number>`count(*) filter (where ${followUpTasks.dueAt} >= ${today.to!.toISOString()}::timestamptz)::int`,
    })
    .from(followUpTasks)
    .where(and(isNull(followUpTasks.deletedAt), isNull(followUpTasks.doneAt), await assigneeCondition(tx, caller, { scope })));
  return { overdue: row?.overdue ?? 0, today: row?.today ?? 0, upcoming: row?.upcoming ?? 0 };
}
