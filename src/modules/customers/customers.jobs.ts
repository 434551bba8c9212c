import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { scanDuplicates } from './customer-match.service.ts';

/** Finds duplicates already in a tenant's base (on demand from the review queue page). */
export const dedupeScanJob = defineJob({
  name: 'customers.dedupe-scan',
  payload: z.object({ tenantId: z.uuid(), userId: z.uuid().nullable() }),
  handler: async ({ db, log }, { tenantId, userId }) => {
    const result = await scanDuplicates(db, { tenantId, userId });
    log('dedupe scan finished', { tenantId, ...result });
  },
});

/**
 * Nightly: the same scan for every tenant over the customers changed in the last day (with an
 * hour's overlap), so duplicates that slipped in by any door are found without reading the whole
 * base every night. The full scan stays one click away on the review queue page.
 */
export const nightlyDedupeJob = defineJob({
  name: 'customers.dedupe-nightly',
  payload: z.object({}),
  schedule: '30 2 * * *',
  handler: async ({ db, log }) => {
    for (const tenantId of await allTenantIds(db)) {
      const result = await scanDuplicates(db, { tenantId, userId: null }, { changedSince: new Date(Date.now() - 25 * 3_600_000) });
      log('dedupe scan finished', { tenantId, ...result });
    }
  },
});
