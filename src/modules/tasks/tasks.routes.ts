import type { FastifyInstance } from 'fastify';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { taskCountQuery, taskCounts, taskCreateBody, taskListQuery, taskPage, taskPatchBody, taskSchema } from './tasks.schema.ts';
import { completeTask, countOpenTasks, createTask, deleteTask, listTasks, updateTask } from './tasks.service.ts';

export function registerTaskRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['tasks'];
  // Whoever works leads or customers plans follow-ups on them; the record's own scope decides the rest.
  const read = { permission: ['leads.read', 'customers.read'] as const };
  const write = { permission: ['leads.write', 'customers.write'] as const };

  api.get(
    '/api/v1/tasks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Follow-up tasks: the caller’s (scope=mine, the default), their team’s (scope=team) or, with recordType and recordId, everyone’s on a record they may open. Open ones soonest first, done ones latest first.',
        querystring: taskListQuery,
        response: { 200: taskPage, ...errors },
      },
    },
    async (req) => inTenant(req, (tx, caller) => listTasks(tx, caller, req.query)),
  );
  api.get('/api/v1/tasks/counts', { config: read, schema: { tags, summary: 'How many open tasks are overdue, due later today and upcoming', querystring: taskCountQuery, response: { 200: taskCounts, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => countOpenTasks(tx, caller, req.query.scope)),
  );
  api.post(
    '/api/v1/tasks',
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan the next follow-up on a lead, customer or opportunity the caller may open; for the caller unless assigneeUserId names a colleague (needs leads.assign)',
        body: taskCreateBody,
        response: { 201: taskSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await inTenant(req, (tx, caller) => createTask(tx, caller, req.body))),
  );
  api.patch('/api/v1/tasks/:id', { config: write, schema: { tags, summary: 'Change a task (its assignee, its creator or their manager only; otherwise 404)', params: idParams, body: taskPatchBody, response: { 200: taskSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateTask(tx, caller, req.params.id, req.body)),
  );
  api.post('/api/v1/tasks/:id/done', { config: write, schema: { tags, summary: 'Complete a task; done on a lead or customer, it counts as a follow-up for the pool. Completing it again changes nothing.', params: idParams, response: { 200: taskSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => completeTask(tx, caller, req.params.id)),
  );
  api.delete('/api/v1/tasks/:id', { config: write, schema: { tags, summary: 'Delete a task', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteTask(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
}
