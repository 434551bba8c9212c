import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listQuery } from '../../server/pagination.ts';
import { callerOf, errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { mergeReview, listReviews, rejectReview } from './customer-match.service.ts';
import { mergeCustomers, undoMerge } from './customer-merge.service.ts';
import { getCustomerSettings, putCustomerSettings, settingsSchema } from './customer-settings.service.ts';
import { findVisible } from './customers.service.ts';
import { customerSchema } from './customers.schema.ts';
import { dedupeScanJob } from './customers.jobs.ts';

const mergeResult = z.object({ mergeId: z.uuid(), survivorId: z.uuid(), mergedId: z.uuid() });
const pair = z.strictObject({ aId: z.uuid(), bId: z.uuid() });
const reviewSchema = z.object({ aId: z.uuid(), bId: z.uuid(), a: customerSchema, b: customerSchema, score: z.number(), reasons: z.unknown(), status: z.string(), createdAt: z.string() });

export function registerMergeRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['dedupe'];
  const write = { permission: 'customers.write' as const };

  api.get('/api/v1/match-reviews', { config: write, schema: { tags, summary: 'Doubtful duplicate pairs, most likely first', querystring: z.strictObject({ limit: listQuery.limit, cursor: listQuery.cursor, status: z.enum(['pending', 'merged', 'rejected']).default('pending') }), response: { 200: z.object({ items: z.array(reviewSchema), nextCursor: z.string().nullable() }), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listReviews(tx, caller, req.query)),
  );
  api.post('/api/v1/match-reviews/merge', { config: write, schema: { tags, summary: 'Merge a reviewed pair (the survivor defaults to the first)', body: pair.extend({ survivorId: z.uuid().optional() }), response: { 200: mergeResult, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => mergeReview(tx, caller, req.body)),
  );
  api.post('/api/v1/match-reviews/reject', { config: write, schema: { tags, summary: 'Mark a pair as two different customers', body: pair, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => rejectReview(tx, caller, req.body));
    return reply.status(204).send(null);
  });
  api.post('/api/v1/customers/:id/merge', { config: write, schema: { tags, summary: 'Merge another customer into this one', params: idParams, body: z.strictObject({ otherId: z.uuid() }), response: { 200: mergeResult, ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => {
      // Both records must be within the caller's scope.
      await findVisible(tx, caller, req.params.id);
      await findVisible(tx, caller, req.body.otherId);
      return mergeCustomers(tx, caller, req.params.id, req.body.otherId);
    }),
  );
  api.post('/api/v1/merges/:id/undo', { config: write, schema: { tags, summary: 'Undo a merge: both records back as they were', params: idParams, response: { 200: z.object({ id: z.uuid(), undoneAt: z.string() }), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => undoMerge(tx, caller, req.params.id)),
  );
  api.post('/api/v1/dedupe/scan', { config: write, schema: { tags, summary: 'Scan the whole base for duplicates in the background', response: { 202: z.object({ queued: z.boolean() }), ...errors } } }, async (req, reply) => {
    const caller = callerOf(req);
    await app.jobs?.send(dedupeScanJob, { tenantId: caller.tenantId, userId: caller.userId }, { singletonKey: caller.tenantId });
    return reply.status(202).send({ queued: Boolean(app.jobs) });
  });
  api.get('/api/v1/customer-settings', { config: write, schema: { tags: ['customers'], summary: 'Field templates, match thresholds, survivorship and source trust', response: { 200: settingsSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getCustomerSettings(tx)),
  );
  api.put('/api/v1/customer-settings', { config: { permission: 'org.manage' }, schema: { tags: ['customers'], summary: 'Change the data settings', body: settingsSchema, response: { 200: settingsSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => putCustomerSettings(tx, caller, req.body)),
  );
}
