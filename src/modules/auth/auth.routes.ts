import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { recordAudit } from '../audit/index.ts';
import { createApiToken, listApiTokens, revokeApiToken, revokeSession, SESSION_DAYS } from './credentials.service.ts';
import { login } from './login.service.ts';
import { getMe, resolveCallerInTx, updateMe } from './me.service.ts';
import { meSchema, apiTokenSchema, loginBody, mePatchBody } from './auth.schema.ts';

export const SESSION_COOKIE = 'tide_session';

export function registerAuthRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public' },
      schema: { tags: ['auth'], summary: 'Log in with e-mail or mobile and password', body: loginBody, response: { 200: meSchema, ...errors, 429: errors[400] } },
    },
    async (req, reply) => {
      const result = await login(app.db, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });
      reply.setCookie(SESSION_COOKIE, result.session.cookieValue, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        signed: true,
        maxAge: SESSION_DAYS * 86_400,
      });
      return app.db.tenantTx(result.tenantId, async (tx) =>
        getMe(tx, await resolveCallerInTx(tx, result.tenantId, result.userId, req)),
      );
    },
  );

  api.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: noContent, ...errors } } },
    async (req, reply) => {
      await inTenant(req, async (tx, caller) => {
        if (caller.sessionId) await revokeSession(tx, caller.sessionId);
        await recordAudit(tx, caller, { action: 'auth.logout', entity: 'session', entityId: caller.sessionId ?? null });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/me',
    { schema: { tags: ['auth'], summary: 'The caller, their tenant and permissions', response: { 200: meSchema, ...errors } } },
    async (req) => inTenant(req, (tx, caller) => getMe(tx, caller)),
  );

  api.patch(
    '/api/v1/me',
    { schema: { tags: ['auth'], summary: 'Change own name, language or password', body: mePatchBody, response: { 200: meSchema, ...errors } } },
    async (req) => inTenant(req, (tx, caller) => updateMe(tx, caller, req.body)),
  );

  api.get(
    '/api/v1/api-tokens',
    { schema: { tags: ['auth'], summary: 'Own API tokens', response: { 200: z.object({ items: z.array(apiTokenSchema), nextCursor: z.null() }), ...errors } } },
    async (req) => ({ items: await inTenant(req, (tx, caller) => listApiTokens(tx, caller.userId)), nextCursor: null }),
  );

  api.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once)',
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: { 201: apiTokenSchema.extend({ token: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const token = await inTenant(req, (tx, caller) => createApiToken(tx, caller, req.body.name));
      return reply.status(201).send(token);
    },
  );

  api.delete(
    '/api/v1/api-tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: idParams, response: { 204: noContent, ...errors } } },
    async (req, reply) => {
      await inTenant(req, (tx, caller) => revokeApiToken(tx, caller, req.params.id));
      return reply.status(204).send(null);
    },
  );
}
