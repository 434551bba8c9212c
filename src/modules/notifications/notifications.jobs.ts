import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
import { allTenantIds } from '../tenants/index.ts';
import { pruneNotifications } from './retention.service.ts';
import { deliverPendingWebhooks } from './webhook-delivery.service.ts';

/** Every minute: send the webhook deliveries that are due (new ones and retries). */
export const deliverWebhooksJob = defineJob({
  name: 'notifications.deliver-webhooks',
  payload: z.object({}),
  schedule: '* * * * *',
  // The next minute's run picks up whatever this one could not send.
  retryLimit: 0,
  handler: async ({ db, log }) => {
    const run = await deliverPendingWebhooks(db);
    if (run.delivered + run.retrying + run.failed > 0) log('webhooks sent', run);
  },
});

/** Nightly: notifications and webhook deliveries past their retention go (RETENTION). */
export const pruneNotificationsJob = defineJob({
  name: 'notifications.prune',
  payload: z.object({}),
  schedule: '10 3 * * *',
  handler: async ({ db, log }) => {
    for (const tenantId of await allTenantIds(db)) {
      const pruned = await db.tenantTx(tenantId, (tx) => pruneNotifications(tx, new Date()));
      if (pruned.notifications + pruned.deliveries > 0) log('notifications pruned', { tenantId, ...pruned });
    }
  },
});
