export { registerTaskRoutes } from './tasks.routes.ts';
export { createTask, completeTask, listTasks } from './tasks.service.ts';
export { openTasksOf, reassignTasks, type OpenTaskRef, type AssigneeChange } from './task-handover.service.ts';
export type { Task } from './tasks.schema.ts';
export type { TaskRecordType, TaskKind } from './tasks.tables.ts';
