import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../server/caller.ts';
import { forbidden } from '../../server/errors.ts';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { assignRecords, claimOne, claimRecords, moveRecords, patchRecord, releaseRecord, usageOf } from './claims.service.ts';
import {
  assignBody,
  claimBody,
  claimResult,
  limitSchema,
  limitsBody,
  memberSchema,
  membersBody,
  movementSchema,
  moveBody,
  moveResult,
  poolBody,
  poolPatchBody,
  poolRecordPage,
  poolSchema,
  recordListQuery,
  recordParams,
  recordPatchBody,
  releaseBody,
  ruleSchema,
  rulesBody,
  runSchema,
  settingsSchema,
} from './pool.schema.ts';
import { createPool, deletePool, getLimits, getMembers, getPool, getRules, listPools, setLimits, setMembers, setRules, updatePool } from './pools.service.ts';
import { collusionReportSchema } from './collusion.schema.ts';
import { collusionReport, getPoolSettings, updatePoolSettings } from './collusion.service.ts';
import { handoverBody, handoverPreview, handoverResult } from './handover.schema.ts';
import { previewHandover, runHandover } from './handover.service.ts';
import { handlerOf } from './record-types.ts';
import { listPoolRecords, recordHistory } from './records-list.service.ts';
import { listRuns, presentRun, runRecycle } from './recycle.service.ts';

export function registerPoolRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['pool'];
  const claim = { permission: 'pool.claim' as const };
  const manage = { permission: 'pool.manage' as const };

  api.get('/api/v1/pools', { schema: { tags, summary: 'Pools the caller may claim from, manage or configure, with counts', response: { 200: z.array(poolSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listPools(tx, caller)),
  );
  api.post('/api/v1/pools', { config: { permission: 'sales.configure' }, schema: { tags, summary: 'Create a pool', body: poolBody, response: { 201: poolSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createPool(tx, caller, req.body))),
  );
  api.get('/api/v1/pools/:id', { schema: { tags, summary: 'One pool', params: idParams, response: { 200: poolSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => getPool(tx, caller, req.params.id)),
  );
  api.patch('/api/v1/pools/:id', { schema: { tags, summary: 'Change a pool’s settings (configurers and the pool’s admins)', params: idParams, body: poolPatchBody, response: { 200: poolSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updatePool(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/pools/:id', { config: { permission: 'sales.configure' }, schema: { tags, summary: 'Delete a pool; its records move to the default pool', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deletePool(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.get('/api/v1/pools/:id/members', { schema: { tags, summary: 'Who may claim from the pool and who sets its rules', params: idParams, response: { 200: z.array(memberSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx) => getMembers(tx, req.params.id)),
  );
  api.put('/api/v1/pools/:id/members', { schema: { tags, summary: 'Replace the pool’s members', params: idParams, body: membersBody, response: { 200: z.array(memberSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => setMembers(tx, caller, req.params.id, req.body)),
  );
  api.get('/api/v1/pools/:id/rules', { schema: { tags, summary: 'The pool’s recycle rules', params: idParams, response: { 200: z.array(ruleSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx) => getRules(tx, req.params.id)),
  );
  api.put('/api/v1/pools/:id/rules', { schema: { tags, summary: 'Replace the pool’s recycle rules', params: idParams, body: rulesBody, response: { 200: z.array(ruleSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => setRules(tx, caller, req.params.id, req.body)),
  );
  api.get('/api/v1/pools/:id/limits', { schema: { tags, summary: 'Claim limits and private-pool caps per role or person', params: idParams, response: { 200: z.array(limitSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx) => getLimits(tx, req.params.id)),
  );
  api.put('/api/v1/pools/:id/limits', { schema: { tags, summary: 'Replace the pool’s limits per role or person', params: idParams, body: limitsBody, response: { 200: z.array(limitSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => setLimits(tx, caller, req.params.id, req.body)),
  );
  api.get('/api/v1/pools/:id/usage', { config: claim, schema: { tags, summary: 'The caller’s claims today and records held in the pool, against their limits', params: idParams, response: { 200: claimResult.shape.usage.unwrap(), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => usageOf(tx, caller, req.params.id)),
  );
  api.get(
    '/api/v1/pools/:id/records',
    { schema: { tags, summary: 'A pool’s public records (members), private records (managers) or the caller’s own; search, filters, nearby first', params: idParams, querystring: recordListQuery, response: { 200: poolRecordPage, ...errors } } },
    async (req) => inTenant(req, (tx, caller) => listPoolRecords(tx, caller, req.params.id, req.query)),
  );
  api.get('/api/v1/pool/records', { schema: { tags, summary: 'The caller’s private pool across pools, with each record’s recycle deadline', querystring: recordListQuery, response: { 200: poolRecordPage, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listPoolRecords(tx, caller, null, req.query)),
  );
  api.post('/api/v1/pool/claim', { config: claim, schema: { tags, summary: 'Claim up to 100 records; each gets its own outcome', body: claimBody, response: { 200: claimResult, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => claimRecords(tx, caller, req.body.records)),
  );
  api.post(
    '/api/v1/pool/records/:type/:id/claim',
    { config: claim, schema: { tags, summary: 'Claim one record; 409 already_claimed / claim_protected / not_yet_claimable / claim_limit_reached / private_cap_reached', params: recordParams, response: { 200: claimResult, ...errors } } },
    async (req) => inTenant(req, (tx, caller) => claimOne(tx, caller, req.params)),
  );
  api.post('/api/v1/pool/records/:type/:id/release', { config: claim, schema: { tags, summary: 'Give a record back to its public pool, with a reason', params: recordParams, body: releaseBody, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => releaseRecord(tx, caller, req.params, req.body));
    return reply.status(204).send(null);
  });
  api.patch('/api/v1/pool/records/:type/:id', { schema: { tags, summary: 'Set a record’s level, contract end date or location', params: recordParams, body: recordPatchBody, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => patchRecord(tx, caller, req.params, req.body));
    return reply.status(204).send(null);
  });
  api.get('/api/v1/pool/records/:type/:id/history', { schema: { tags, summary: 'Every movement of a record: claim, assign, fall, release, move, handover', params: recordParams, response: { 200: z.array(movementSchema), ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => recordHistory(tx, caller, req.params.type, req.params.id, await handlerOf(req.params.type).canSee(tx, caller, req.params.id))),
  );
  api.post('/api/v1/pool/assign', { config: manage, schema: { tags, summary: 'Give records to a person (within the manager’s team; the person’s cap holds)', body: assignBody, response: { 200: moveResult, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => assignRecords(tx, caller, req.body)),
  );
  api.post('/api/v1/pool/move', { config: manage, schema: { tags, summary: 'Move records to another pool’s public side', body: moveBody, response: { 200: moveResult, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => moveRecords(tx, caller, req.body)),
  );
  api.post('/api/v1/pool/recycle/run', { config: manage, schema: { tags, summary: 'Run recycling now (it also runs every night)', response: { 200: runSchema, ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => {
      if (caller.dataScope !== 'all' && !can(caller, 'sales.configure')) throw forbidden();
      return presentRun((await runRecycle(tx, caller, 'manual'))!);
    }),
  );
  api.get('/api/v1/pool/settings', { schema: { tags, summary: 'Collusion thresholds', response: { 200: settingsSchema, ...errors } } }, async (req) => inTenant(req, (tx) => getPoolSettings(tx)));
  api.put('/api/v1/pool/settings', { config: { permission: 'sales.configure' }, schema: { tags, summary: 'Change the collusion thresholds', body: settingsSchema.partial(), response: { 200: settingsSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updatePoolSettings(tx, caller, req.body)),
  );
  api.get('/api/v1/pool/collusion', { config: manage, schema: { tags, summary: 'Pairs where one lets records fall and the other claims them soon after, and records circulating between the same people, with the evidence', response: { 200: collusionReportSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => collusionReport(tx, caller)),
  );
  api.post('/api/v1/pool/handover/preview', { config: manage, schema: { tags, summary: 'What a handover would move, to whom (nothing is written)', body: handoverBody, response: { 200: handoverPreview, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => previewHandover(tx, caller, req.body)),
  );
  api.post('/api/v1/pool/handover', { config: manage, schema: { tags, summary: 'Move a person’s leads, customers and open opportunities to a colleague or over a team, in one transaction', body: handoverBody, response: { 200: handoverResult, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => runHandover(tx, caller, req.body)),
  );
  api.get('/api/v1/pool/runs', { config: manage, schema: { tags, summary: 'Recent recycle runs', response: { 200: z.array(runSchema), ...errors } } }, async (req) => inTenant(req, (tx) => listRuns(tx)));
}
