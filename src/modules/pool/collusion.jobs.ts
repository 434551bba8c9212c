import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { alertNewCollusionPairs } from './collusion.service.ts';

/** Nightly: every tenant's collusion scan; managers hear about pairs flagged for the first time. */
export const collusionScanJob = defineJob({
  name: 'pool.collusion-scan',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: '45 3 * * *',
  handler: async ({ db, log }, { tenantId }) => {
    for (const id of tenantId ? [tenantId] : await allTenantIds(db)) {
      const result = await db.tenantTx(id, (tx) => alertNewCollusionPairs(tx, id));
      log('collusion scan', { tenantId: id, ...result });
    }
  },
});
