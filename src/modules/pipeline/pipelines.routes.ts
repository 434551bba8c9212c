import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { getBoard } from './opportunities.service.ts';
import {
  boardQuery,
  boardSchema,
  pipelineCreateBody,
  pipelineSchema,
  pipelineUpdateBody,
  stageCreateBody,
  stageOrderBody,
  stageParams,
  stageUpdateBody,
} from './pipeline.schema.ts';
import { addStage, createPipeline, deletePipeline, deleteStage, getPipeline, listPipelines, reorderStages, updatePipeline, updateStage } from './pipelines.service.ts';

export function registerPipelineSettingsRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['pipelines'];
  const read = { permission: 'pipeline.read' as const };
  const configure = { permission: 'sales.configure' as const };

  api.get('/api/v1/pipelines', { config: read, schema: { tags, summary: 'Pipelines with their stages (a tenant without one gets the default)', response: { 200: z.array(pipelineSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listPipelines(tx, caller)),
  );
  api.get('/api/v1/pipelines/:id', { config: read, schema: { tags, summary: 'One pipeline with its stages', params: idParams, response: { 200: pipelineSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getPipeline(tx, req.params.id)),
  );
  api.get('/api/v1/pipelines/:id/board', { config: read, schema: { tags, summary: 'Board: per stage the open opportunities (won/lost: closed in the recent days), count and amount', params: idParams, querystring: boardQuery, response: { 200: boardSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => getBoard(tx, caller, req.params.id, req.query)),
  );
  api.post('/api/v1/pipelines', { config: configure, schema: { tags, summary: 'Create a pipeline (default stages unless given)', body: pipelineCreateBody, response: { 201: pipelineSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createPipeline(tx, caller, req.body))),
  );
  api.patch('/api/v1/pipelines/:id', { config: configure, schema: { tags, summary: 'Rename, reorder or make default', params: idParams, body: pipelineUpdateBody, response: { 200: pipelineSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updatePipeline(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/pipelines/:id', { config: configure, schema: { tags, summary: 'Delete a pipeline (409 with the count while it holds opportunities)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deletePipeline(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.post('/api/v1/pipelines/:id/stages', { config: configure, schema: { tags, summary: 'Add a stage', params: idParams, body: stageCreateBody, response: { 201: pipelineSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => addStage(tx, caller, req.params.id, req.body))),
  );
  api.put('/api/v1/pipelines/:id/stages/order', { config: configure, schema: { tags, summary: 'Reorder the stages (list every stage id in the new order)', params: idParams, body: stageOrderBody, response: { 200: pipelineSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => reorderStages(tx, caller, req.params.id, req.body.stageIds)),
  );
  api.patch('/api/v1/pipelines/:id/stages/:stageId', { config: configure, schema: { tags, summary: 'Rename a stage or change its probability or kind', params: stageParams, body: stageUpdateBody, response: { 200: pipelineSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateStage(tx, caller, req.params.id, req.params.stageId, req.body)),
  );
  api.delete('/api/v1/pipelines/:id/stages/:stageId', { config: configure, schema: { tags, summary: 'Delete a stage (409 with the count while opportunities are in it)', params: stageParams, response: { 200: pipelineSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => deleteStage(tx, caller, req.params.id, req.params.stageId)),
  );
}
