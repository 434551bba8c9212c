export { loadAssigner, type Assigner, type Decision, type Decision as AssignmentDecision, type Miss } from './assigner.service.ts';
export { checkAssignee, manages, logManualAssignments, assignmentHistory, type ManualAssignment, type HistoryEntry } from './assignees.service.ts';
export { recordOutcomes, rebuildSellerStats } from './seller-stats.service.ts';
export { registerOutcomeSource, registerLoadSource, type OutcomeRow } from './sources.ts';
export { rebuildSellerStatsJob } from './assignment.jobs.ts';
export { registerAssignmentRoutes } from './assignment.routes.ts';
export type { Method, Reason } from './rules/choose.ts';
