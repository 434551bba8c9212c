import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import {
  roleParams,
  roleSchema,
  roleUpdateBody,
  teamCreateBody,
  teamSchema,
  teamUpdateBody,
  userCreateBody,
  userListQuery,
  userPage,
  userSchema,
  userUpdateBody,
} from './org.schema.ts';
import { PERMISSIONS } from './permissions.ts';
import { listRoles, getRole, updateRole } from './roles.service.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

export function registerOrgRoutes(app: FastifyInstance) {
  const api = typed(app);
  const admin = { permission: 'org.manage' as const };
  const tags = ['organisation'];

  api.get('/api/v1/users', { config: admin, schema: { tags, summary: 'List users', querystring: userListQuery, response: { 200: userPage, ...errors } } }, async (req) =>
    inTenant(req, (tx) => listUsers(tx, req.query)),
  );
  api.post('/api/v1/users', { config: admin, schema: { tags, summary: 'Create a user', body: userCreateBody, response: { 201: userSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createUser(tx, caller, req.body))),
  );
  api.get('/api/v1/users/:id', { config: admin, schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getUser(tx, req.params.id)),
  );
  api.patch('/api/v1/users/:id', { config: admin, schema: { tags, summary: 'Change a user', params: idParams, body: userUpdateBody, response: { 200: userSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateUser(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/users/:id', { config: admin, schema: { tags, summary: 'Deactivate a user (ends their sessions and tokens)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => updateUser(tx, caller, req.params.id, { status: 'inactive' }));
    return reply.status(204).send(null);
  });

  api.get('/api/v1/teams', { schema: { tags, summary: 'All teams (flat; parentId makes the tree)', response: { 200: z.object({ items: z.array(teamSchema), nextCursor: z.null() }), ...errors } } }, async (req) => ({
    items: await inTenant(req, (tx) => listTeams(tx)),
    nextCursor: null,
  }));
  api.post('/api/v1/teams', { config: admin, schema: { tags, summary: 'Create a team', body: teamCreateBody, response: { 201: teamSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createTeam(tx, caller, req.body))),
  );
  api.get('/api/v1/teams/:id', { schema: { tags, summary: 'One team', params: idParams, response: { 200: teamSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getTeam(tx, req.params.id)),
  );
  api.patch('/api/v1/teams/:id', { config: admin, schema: { tags, summary: 'Rename, move or set the manager of a team', params: idParams, body: teamUpdateBody, response: { 200: teamSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateTeam(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/teams/:id', { config: admin, schema: { tags, summary: 'Delete an empty team', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteTeam(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });

  api.get('/api/v1/roles', { config: admin, schema: { tags, summary: 'The four roles with data scope and permissions', response: { 200: z.object({ items: z.array(roleSchema), nextCursor: z.null() }), ...errors } } }, async (req) => ({
    items: await inTenant(req, (tx) => listRoles(tx)),
    nextCursor: null,
  }));
  api.get('/api/v1/roles/:key', { config: admin, schema: { tags, summary: 'One role', params: roleParams, response: { 200: roleSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getRole(tx, req.params.key)),
  );
  api.patch('/api/v1/roles/:key', { config: admin, schema: { tags, summary: "Change a role's data scope or permissions", params: roleParams, body: roleUpdateBody, response: { 200: roleSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateRole(tx, caller, req.params.key, req.body)),
  );
  api.get('/api/v1/permissions', { config: admin, schema: { tags, summary: 'Every permission a role may hold', response: { 200: z.object({ items: z.array(z.object({ key: z.string(), group: z.string() })) }), ...errors } } }, async () => ({
    items: PERMISSIONS.map((p) => ({ ...p })),
  }));
}
