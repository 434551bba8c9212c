export { registerPoolRoutes } from './pool.routes.ts';
export { registerPoolRecordType, type RecordTypeHandler } from './record-types.ts';
export { syncRecords, closeRecords, noteFollowUp, noteOpportunityFacts, seedPoolClocks, type PoolEntry, type OpportunityFacts } from './records.service.ts';
export { levelFromScore } from './rules/limits.ts';
export { ensureDefaultPool } from './pools.service.ts';
export { runRecycle } from './recycle.service.ts';
export { recycleJob } from './pool.jobs.ts';
export { collusionScanJob } from './collusion.jobs.ts';
