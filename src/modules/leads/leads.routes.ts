import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { assignmentHistory } from '../assignment/index.ts';
import { intakeLeads } from './lead-intake.service.ts';
import { listRejects } from './lead-intake.service.ts';
import { addActivity, assignLeads, deleteLead, disqualifyLead, listActivities, qualifyLead, updateLead } from './lead-work.service.ts';
import {
  activityBody,
  activitySchema,
  assignBody,
  disqualifyBody,
  intakeSummary,
  leadBatchBody,
  leadCreateBody,
  leadListQuery,
  leadPage,
  leadSchema,
  leadUpdateBody,
  qualifyBody,
  rejectSchema,
} from './leads.schema.ts';
import { findVisibleLead, getLead, listLeads } from './leads.service.ts';
import { registerWebFormRoutes } from './web-forms.routes.ts';

const rejectFields = (reasons: string[]) => Object.fromEntries(reasons.map((r) => [r === 'name_missing' ? 'name' : 'mobile', r]));

export function registerLeadRoutes(app: FastifyInstance) {
  registerWebFormRoutes(app);
  const api = typed(app);
  const tags = ['leads'];
  const read = { permission: 'leads.read' as const };
  const write = { permission: 'leads.write' as const };

  api.get('/api/v1/leads', { config: read, schema: { tags, summary: 'Leads in the caller’s scope, with filters (status, owner, queue, source, channel, score) and keyset paging', querystring: leadListQuery, response: { 200: leadPage, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listLeads(tx, caller, req.query)),
  );
  api.post(
    '/api/v1/leads',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a lead: cleaned, linked to an existing customer, scored and assigned. An open lead with the same number is answered (200) instead of created again.',
        body: leadCreateBody,
        response: { 201: z.object({ outcome: z.literal('created'), lead: leadSchema }), 200: z.object({ outcome: z.literal('duplicate'), lead: leadSchema }), ...errors },
      },
    },
    async (req, reply) => {
      const { source, channel, ownerUserId, ...fields } = req.body;
      const result = await inTenant(req, async (tx, caller) => {
        const owner = caller.dataScope === 'own' ? caller.userId : ownerUserId;
        const { results } = await intakeLeads(tx, caller, [{ ...fields, ownerUserId: owner }], { source, channel });
        const r = results[0]!;
        if (r.outcome === 'rejected') throw new AppError(400, 'validation_failed', rejectFields(r.reasons));
        // The duplicate may be someone else's lead; the caller learns only that it exists.
        const lead = await getLead(tx, caller, r.leadId).catch(() => null);
        if (!lead) throw new AppError(409, 'lead_duplicate', { mobile: 'duplicate' });
        return { outcome: r.outcome, lead };
      });
      return reply.status(result.outcome === 'created' ? 201 : 200).send(result as never);
    },
  );
  api.post(
    '/api/v1/leads/batch',
    {
      config: write,
      schema: {
        tags,
        summary: 'Take up to 1,000 leads at once (e.g. from a landing page provider); unreachable ones go to the rejected list',
        body: leadBatchBody,
        response: {
          200: z.object({
            summary: intakeSummary,
            results: z.array(z.object({ index: z.number().int(), outcome: z.enum(['created', 'duplicate', 'rejected']), leadId: z.uuid().optional(), reasons: z.array(z.string()).optional() })),
          }),
          ...errors,
        },
      },
    },
    async (req) =>
      inTenant(req, async (tx, caller) => {
        const { summary, results } = await intakeLeads(tx, caller, req.body.leads, { source: req.body.source, channel: req.body.channel });
        return { summary, results: results.map((r) => ({ index: r.index, outcome: r.outcome, leadId: 'leadId' in r ? r.leadId : undefined, reasons: 'reasons' in r ? r.reasons : undefined })) };
      }),
  );
  api.get(
    '/api/v1/leads/rejects',
    { config: { permission: 'leads.assign' }, schema: { tags, summary: 'Intake that was dropped (no usable contact, no name), newest first', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.iso.datetime({ offset: true }).optional() }), response: { 200: z.object({ items: z.array(rejectSchema) }), ...errors } } },
    async (req) => inTenant(req, async (tx) => ({ items: await listRejects(tx, req.query.limit, req.query.before ? new Date(req.query.before) : undefined) })),
  );
  api.post('/api/v1/leads/assign', { config: { permission: 'leads.assign' }, schema: { tags, summary: 'Hand out leads by hand (one or many) to a person or a team queue', body: assignBody, response: { 200: z.object({ items: z.array(leadSchema) }), ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => ({ items: await assignLeads(tx, caller, req.body) })),
  );
  api.get('/api/v1/leads/:id', { config: read, schema: { tags, summary: 'One lead with its score reasons', params: idParams, response: { 200: leadSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => getLead(tx, caller, req.params.id)),
  );
  api.patch('/api/v1/leads/:id', { config: write, schema: { tags, summary: 'Change a lead (re-cleaned and re-scored)', params: idParams, body: leadUpdateBody, response: { 200: leadSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateLead(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/leads/:id', { config: write, schema: { tags, summary: 'Delete a lead (soft)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteLead(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.get('/api/v1/leads/:id/activities', { config: read, schema: { tags, summary: 'Calls, visits and notes on a lead, newest first', params: idParams, response: { 200: z.object({ items: z.array(activitySchema) }), ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => ({ items: await listActivities(tx, caller, req.params.id) })),
  );
  api.post('/api/v1/leads/:id/activities', { config: write, schema: { tags, summary: 'Log a call, visit or note (a new lead becomes "working")', params: idParams, body: activityBody, response: { 201: activitySchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => addActivity(tx, caller, req.params.id, req.body))),
  );
  api.get(
    '/api/v1/leads/:id/assignments',
    { config: read, schema: { tags, summary: 'Who the lead was assigned to, by which rule or person, and why', params: idParams, response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...errors } } },
    async (req) =>
      inTenant(req, async (tx, caller) => {
        await findVisibleLead(tx, caller, req.params.id);
        return { items: (await assignmentHistory(tx, req.params.id)) as unknown as Record<string, unknown>[] };
      }),
  );
  api.post(
    '/api/v1/leads/:id/qualify',
    {
      config: write,
      schema: {
        tags,
        summary: 'Qualify a lead into a customer (existing or new, with its person as a contact) and optionally an opportunity; converting twice answers 409',
        params: idParams,
        body: qualifyBody,
        response: { 200: z.object({ lead: leadSchema, customerId: z.uuid(), customerCreated: z.boolean(), opportunityId: z.uuid().nullable() }), ...errors },
      },
    },
    async (req) => inTenant(req, (tx, caller) => qualifyLead(tx, caller, req.params.id, req.body)),
  );
  api.post('/api/v1/leads/:id/disqualify', { config: write, schema: { tags, summary: 'Disqualify a lead with a reason', params: idParams, body: disqualifyBody, response: { 200: leadSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => disqualifyLead(tx, caller, req.params.id, req.body)),
  );
}
