import type { FastifyInstance } from 'fastify';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { createOpportunity, deleteOpportunity, getOpportunity, listOpportunities, updateOpportunity } from './opportunities.service.ts';
import { closeOpportunity, moveStage, reopenOpportunity, stageHistory } from './opportunity-stage.service.ts';
import {
  closeBody,
  historySchema,
  lostBody,
  moveBody,
  opportunityCreateBody,
  opportunityListQuery,
  opportunityPage,
  opportunitySchema,
  opportunityUpdateBody,
} from './pipeline.schema.ts';
import { registerPipelineSettingsRoutes } from './pipelines.routes.ts';

export function registerPipelineRoutes(app: FastifyInstance) {
  registerPipelineSettingsRoutes(app);
  const api = typed(app);
  const tags = ['opportunities'];
  const read = { permission: 'pipeline.read' as const };
  const write = { permission: 'pipeline.write' as const };
  const one = { 200: opportunitySchema, ...errors };

  api.get('/api/v1/opportunities', { config: read, schema: { tags, summary: 'Filter opportunities in the caller’s data scope', querystring: opportunityListQuery, response: { 200: opportunityPage, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listOpportunities(tx, caller, req.query)),
  );
  api.post('/api/v1/opportunities', { config: write, schema: { tags, summary: 'Create an opportunity on a customer (amount derived from products when not given)', body: opportunityCreateBody, response: { 201: opportunitySchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createOpportunity(tx, caller, req.body))),
  );
  api.get('/api/v1/opportunities/:id', { config: read, schema: { tags, summary: 'One opportunity', params: idParams, response: one } }, async (req) =>
    inTenant(req, (tx, caller) => getOpportunity(tx, caller, req.params.id)),
  );
  api.patch('/api/v1/opportunities/:id', { config: write, schema: { tags, summary: 'Change an opportunity (409 stale_version when `version` is not current)', params: idParams, body: opportunityUpdateBody, response: one } }, async (req) =>
    inTenant(req, (tx, caller) => updateOpportunity(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/opportunities/:id', { config: write, schema: { tags, summary: 'Delete an opportunity (soft)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteOpportunity(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.post('/api/v1/opportunities/:id/stage', { config: write, schema: { tags, summary: 'Move to another open stage of its pipeline (409 when closed or changed meanwhile)', params: idParams, body: moveBody, response: one } }, async (req) =>
    inTenant(req, (tx, caller) => moveStage(tx, caller, req.params.id, req.body)),
  );
  api.post('/api/v1/opportunities/:id/won', { config: write, schema: { tags, summary: 'Close as won (409 opportunity_closed when already closed)', params: idParams, body: closeBody, response: one } }, async (req) =>
    inTenant(req, (tx, caller) => closeOpportunity(tx, caller, req.params.id, { outcome: 'won', version: req.body?.version })),
  );
  api.post('/api/v1/opportunities/:id/lost', { config: write, schema: { tags, summary: 'Close as lost with a reason', params: idParams, body: lostBody, response: one } }, async (req) =>
    inTenant(req, (tx, caller) => closeOpportunity(tx, caller, req.params.id, { outcome: 'lost', reason: req.body.reason, version: req.body.version })),
  );
  api.post('/api/v1/opportunities/:id/reopen', { config: write, schema: { tags, summary: 'Reopen a won or lost opportunity (managers and admins)', params: idParams, response: one } }, async (req) =>
    inTenant(req, (tx, caller) => reopenOpportunity(tx, caller, req.params.id)),
  );
  api.get('/api/v1/opportunities/:id/history', { config: read, schema: { tags, summary: 'Stage history: each stay with entered, left, duration and who moved it', params: idParams, response: { 200: historySchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => stageHistory(tx, caller, req.params.id)),
  );
}
