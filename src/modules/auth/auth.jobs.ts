import { and, isNotNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { sessions } from './auth.tables.ts';

/** Daily: forget sessions that expired or were revoked more than 30 days ago, tenant by tenant. */
export const cleanupSessionsJob = defineJob({
  name: 'auth.cleanup-sessions',
  payload: z.object({}),
  schedule: '17 3 * * *',
  handler: async ({ db, log }) => {
    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    for (const tenantId of await allTenantIds(db)) {
      const removed = await db.tenantTx(tenantId, (tx) =>
        tx
          .delete(sessions)
          .where(or(lt(sessions.expiresAt, cutoff), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, cutoff))))
          .returning({ id: sessions.id }),
      );
      if (removed.length) log('sessions removed', { tenantId, count: removed.length });
    }
  },
});
