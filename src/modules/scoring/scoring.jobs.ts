import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { retrainTenant } from './scoring-targets.ts';

/** Nightly: every tenant's scoring models retrained on its latest won/lost history, then open records rescored. */
export const retrainJob = defineJob({
  name: 'scoring.retrain',
  payload: z.object({ tenantId: z.uuid().optional() }),
  schedule: '15 3 * * *',
  handler: async ({ db, log }, { tenantId }) => {
    for (const id of tenantId ? [tenantId] : await allTenantIds(db)) {
      const results = await db.tenantTx(id, (tx) => retrainTenant(tx));
      for (const r of results) {
        log('scoring model trained', { tenantId: id, target: r.target, status: r.model.status, samples: r.model.samples, auc: r.model.auc, ruleAuc: r.model.ruleAuc, rescored: r.rescored });
      }
    }
  },
});
