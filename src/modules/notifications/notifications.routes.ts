import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import {
  deliveryListQuery,
  deliveryPage,
  deliverySchema,
  notificationListQuery,
  notificationPage,
  notificationSchema,
  webhookBody,
  webhookPatchBody,
  webhookSchema,
  webhookWithSecret,
} from './notifications.schema.ts';
import { deliverWebhooksJob } from './notifications.jobs.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service.ts';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, sendTestEvent, updateWebhook } from './webhooks.service.ts';

export function registerNotificationRoutes(app: FastifyInstance) {
  const api = typed(app);
  // Any logged-in user, and only ever their own rows: no permission beyond being signed in.
  const tags = ['notifications'];

  api.get('/api/v1/notifications', { schema: { tags, summary: 'The caller’s notifications, newest first (unread=true for unread only)', querystring: notificationListQuery, response: { 200: notificationPage, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listNotifications(tx, caller, req.query)),
  );
  api.get('/api/v1/notifications/unread-count', { schema: { tags, summary: 'How many of the caller’s notifications are unread', response: { 200: z.object({ count: z.number().int() }), ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => ({ count: await unreadCount(tx, caller) })),
  );
  api.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all of the caller’s notifications read', response: { 200: z.object({ updated: z.number().int() }), ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => ({ updated: await markAllRead(tx, caller) })),
  );
  api.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Mark one of the caller’s notifications read (someone else’s answers 404)', params: idParams, response: { 200: notificationSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => markRead(tx, caller, req.params.id)),
  );

  const hookTags = ['webhooks'];
  const manage = { permission: 'org.manage' as const };
  api.get('/api/v1/webhooks', { config: manage, schema: { tags: hookTags, summary: 'Outgoing webhooks with their latest delivery', response: { 200: z.object({ items: z.array(webhookSchema) }), ...errors } } }, async (req) =>
    inTenant(req, async (tx) => ({ items: await listWebhooks(tx) })),
  );
  api.post(
    '/api/v1/webhooks',
    {
      config: manage,
      schema: {
        tags: hookTags,
        summary: 'Add a webhook. Each delivery is a POST of `{id, event, tenant, at, data}` signed with `X-Tide-Signature: sha256=<HMAC-SHA256 of the body with the secret>`; the secret is only in this answer.',
        body: webhookBody,
        response: { 201: webhookWithSecret, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await inTenant(req, (tx, caller) => createWebhook(tx, caller, req.body))),
  );
  api.get('/api/v1/webhooks/:id', { config: manage, schema: { tags: hookTags, summary: 'One webhook', params: idParams, response: { 200: webhookSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getWebhook(tx, req.params.id)),
  );
  api.patch(
    '/api/v1/webhooks/:id',
    {
      config: manage,
      schema: {
        tags: hookTags,
        summary: 'Change a webhook; switching it off drops what was waiting. `rotateSecret: true` answers the new secret, once.',
        params: idParams,
        body: webhookPatchBody,
        response: { 200: webhookSchema.extend({ secret: z.string().optional() }), ...errors },
      },
    },
    async (req) => inTenant(req, (tx, caller) => updateWebhook(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/webhooks/:id', { config: manage, schema: { tags: hookTags, summary: 'Delete a webhook; waiting deliveries are dropped', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteWebhook(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.get('/api/v1/webhooks/:id/deliveries', { config: manage, schema: { tags: hookTags, summary: 'A webhook’s deliveries, newest first, with attempts and the last error', params: idParams, querystring: deliveryListQuery, response: { 200: deliveryPage, ...errors } } }, async (req) =>
    inTenant(req, (tx) => listDeliveries(tx, req.params.id, req.query)),
  );
  api.post('/api/v1/webhooks/:id/test', { config: manage, schema: { tags: hookTags, summary: 'Queue a `test` event for this webhook (sent within seconds, at the latest with the next minute’s run)', params: idParams, response: { 202: deliverySchema, ...errors } } }, async (req, reply) => {
    const delivery = await inTenant(req, (tx, caller) => sendTestEvent(tx, caller, req.params.id));
    // After commit, so the job finds the delivery; an admin testing an endpoint should not wait for the minute.
    await app.jobs?.send(deliverWebhooksJob, {}).catch(() => null);
    return reply.status(202).send(delivery);
  });
}
