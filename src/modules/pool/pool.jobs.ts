import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { runRecycle } from './recycle.service.ts';

/** Nightly at 01:30 China time: every tenant's private records past a recycle deadline fall back to their pools. */
export const recycleJob = defineJob({
  name: 'pool.recycle',
  payload: z.object({}),
  schedule: '30 17 * * *',
  handler: async ({ db, log }) => {
    for (const tenantId of await allTenantIds(db)) {
      const run = await db.tenantTx(tenantId, (tx) => runRecycle(tx, { tenantId, userId: null }, 'schedule'));
      log(run ? 'pool recycle run' : 'pool recycle already ran today', { tenantId, fell: run?.fell, warned: run?.warned });
    }
  },
});
