import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { runImport } from './imports.service.ts';

/** Runs one import in the background; safe to run twice (batches skip what is done). */
export const runImportJob = defineJob({
  name: 'imports.run',
  payload: z.object({ tenantId: z.uuid(), importId: z.uuid() }),
  retryLimit: 2,
  handler: async ({ db, log }, { tenantId, importId }) => {
    const result = await runImport(db, tenantId, importId);
    log('import finished', { tenantId, importId, status: result.status, counts: result.counts });
  },
});
