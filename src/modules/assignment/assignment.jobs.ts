import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { rebuildFromSource } from './seller-stats.service.ts';

/** Nightly: rebuild every tenant's seller record from the outcomes the leads module reports. */
export const rebuildSellerStatsJob = defineJob({
  name: 'assignment.rebuild-stats',
  payload: z.object({}),
  schedule: '15 3 * * *',
  handler: async ({ db, log }) => {
    for (const tenantId of await allTenantIds(db)) {
      const result = await db.tenantTx(tenantId, (tx) => rebuildFromSource(tx));
      log(result ? 'seller stats rebuilt' : 'no outcome source registered', { tenantId, ...result });
      if (!result) return;
    }
  },
});
