import { eq } from 'drizzle-orm';
import { columnFollower, registerMergeFollower } from '../customers/index.ts';
import { registerQualifyFollower } from '../leads/index.ts';
import { carryOpenTasksToCustomer } from './task-conversion.service.ts';
import { followUpTasks } from './tasks.tables.ts';

export { registerTaskRoutes } from './tasks.routes.ts';
export { createTask, completeTask, listTasks } from './tasks.service.ts';
export { openTasksOf, reassignTasks, type OpenTaskRef, type AssigneeChange } from './task-handover.service.ts';
export type { Task } from './tasks.schema.ts';
export type { TaskRecordType, TaskKind } from './tasks.tables.ts';

// Follow-up tasks on a customer that is merged away follow it to the survivor.
registerMergeFollower('tasks', columnFollower(followUpTasks, followUpTasks.id, followUpTasks.recordId, eq(followUpTasks.recordType, 'customer')));
// A qualified lead's open follow-ups go on to its customer.
registerQualifyFollower('tasks', async (tx, caller, qualified) => void (await carryOpenTasksToCustomer(tx, caller, qualified)));
