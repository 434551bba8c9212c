import { z } from 'zod';
import { defineJob } from '../../jobs/registry.ts';
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
