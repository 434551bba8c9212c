import { z } from 'zod';
import { refreshStaleStatistics } from '../db/statistics.ts';
import { defineJob } from './registry.ts';

/**
 * Every ten minutes on the embedded database: analyze the tables that grew (PostgreSQL's
 * autovacuum does this on a server, so there the job does nothing).
 */
export const refreshStatisticsJob = defineJob({
  name: 'db.refresh-statistics',
  payload: z.object({}),
  schedule: '*/10 * * * *',
  handler: async ({ db, log }) => {
    if (db.kind !== 'pglite') return;
    const analyzed = await refreshStaleStatistics(db);
    if (analyzed.length) log('statistics refreshed', { tables: analyzed });
  },
});
