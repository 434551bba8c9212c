import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { listRules, createRule, updateRule, deleteRule, reorderRules, previewAssignment } from './assignment-rules.service.ts';
import {
  availabilityBody,
  availabilitySchema,
  orderBody,
  previewBody,
  previewSchema,
  ruleBody,
  rulePatchBody,
  ruleSchema,
  sellerStatsSchema,
  userParams,
} from './assignment.schema.ts';
import { assertMayReadRecord, listAvailability, setAvailability } from './assignees.service.ts';
import { sellerRecord } from './seller-stats.service.ts';
import { currentLoad } from './sources.ts';

export function registerAssignmentRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['assignment'];
  const configure = { permission: 'sales.configure' as const };
  const read = { permission: 'leads.read' as const };
  const rules = z.array(ruleSchema);

  api.get('/api/v1/assignment/rules', { config: configure, schema: { tags, summary: 'Assignment rules, in the order they are tried', response: { 200: rules, ...errors } } }, async (req) =>
    inTenant(req, (tx) => listRules(tx)),
  );
  api.post('/api/v1/assignment/rules', { config: configure, schema: { tags, summary: 'Add an assignment rule (tried after the existing ones)', body: ruleBody, response: { 201: ruleSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createRule(tx, caller, req.body))),
  );
  api.put('/api/v1/assignment/rules/order', { config: configure, schema: { tags, summary: 'Set the order the rules are tried in (every rule, once)', body: orderBody, response: { 200: rules, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => reorderRules(tx, caller, req.body.ids)),
  );
  api.patch('/api/v1/assignment/rules/:id', { config: configure, schema: { tags, summary: 'Change an assignment rule', params: idParams, body: rulePatchBody, response: { 200: ruleSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateRule(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/assignment/rules/:id', { config: configure, schema: { tags, summary: 'Delete an assignment rule', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteRule(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.post('/api/v1/assignment/preview', { config: configure, schema: { tags, summary: 'Which rule would take a lead with these facts, and whom it would pick now (writes nothing)', body: previewBody, response: { 200: previewSchema, ...errors } } }, async (req) =>
    inTenant(req, async (tx) => previewAssignment(tx, req.body.facts, await currentLoad(tx), new Date())),
  );
  api.get('/api/v1/assignment/availability', { config: read, schema: { tags, summary: 'Absences and lead caps of the people the caller may see', response: { 200: z.array(availabilitySchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listAvailability(tx, caller, new Date())),
  );
  api.put('/api/v1/assignment/availability/:userId', { config: read, schema: { tags, summary: "Set a person's absence and lead cap (one's own, or a team member's with leads.assign)", params: userParams, body: availabilityBody, response: { 200: availabilitySchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => setAvailability(tx, caller, req.params.userId, req.body, new Date())),
  );
  api.get('/api/v1/assignment/seller-stats/:userId', { config: read, schema: { tags, summary: "A seller's matching record: conversion per customer trait", params: userParams, response: { 200: sellerStatsSchema, ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => {
      await assertMayReadRecord(tx, caller, req.params.userId);
      return sellerRecord(tx, req.params.userId);
    }),
  );
}
