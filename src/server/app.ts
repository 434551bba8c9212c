import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { registerAuditRoutes } from '../modules/audit/index.ts';
import { registerAuthRoutes, resolveCaller, SESSION_COOKIE } from '../modules/auth/index.ts';
import { registerCustomerRoutes } from '../modules/customers/index.ts';
import { registerImportRoutes } from '../modules/imports/index.ts';
import { localRegistryProvider, registerEnrichmentRoutes, type EnrichmentProvider } from '../modules/enrichment/index.ts';
import { registerOrgRoutes } from '../modules/org/index.ts';
import { registerPipelineRoutes } from '../modules/pipeline/index.ts';
import { registerAnalyticsRoutes } from '../modules/analytics/index.ts';
import { registerAssignmentRoutes } from '../modules/assignment/index.ts';
import { registerScoringRoutes } from '../modules/scoring/index.ts';
import { registerLeadRoutes } from '../modules/leads/index.ts';
import { registerPoolRoutes } from '../modules/pool/index.ts';
import { registerNotificationRoutes } from '../modules/notifications/index.ts';
import { registerTaskRoutes } from '../modules/tasks/index.ts';
import { AppError } from './errors.ts';
import { installErrorHandling } from './error-handler.ts';
import './fastify-types.ts';
import { localeFromHeader } from './messages.ts';
import { installMetrics } from './metrics.ts';
import { installWeb } from './web.ts';

export type BuildOptions = { config: Config; db: Database; jobs?: JobQueue; webDist?: string; logger?: boolean };

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.TIDE_TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('tideConfig', config);
  app.decorate('jobs', options.jobs);
  app.decorateRequest('caller', undefined);
  app.decorateRequest('locale', 'zh-CN');

  // Providers load lazily, once: a registry extract can be large.
  let providers: Promise<EnrichmentProvider[]> | undefined;
  const enrichmentProviders = () => (providers ??= config.registryFile ? localRegistryProvider(config.registryFile).then((p) => [p]) : Promise.resolve([]));

  installErrorHandling(app);
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tide CRM API', version: '1', description: 'REST API of Tide. Authenticate with a session cookie or `Authorization: Bearer <API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });
  app.addHook('onSend', async (req, reply, payload) => {
    // The request id is echoed so that a user's error report can be matched to the log line.
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  // Authentication and permission run first, before body parsing and validation.
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeader(req.headers['accept-language']) ?? 'zh-CN';
    const config = req.routeOptions.config;
    const url = req.routeOptions.url ?? '';
    if (!url.startsWith('/api/v1') || url.startsWith('/api/v1/docs') || config.auth === 'public') return;
    const authz = req.headers.authorization;
    const bearer = authz?.startsWith('Bearer ') ? authz.slice(7).trim() : undefined;
    const signed = req.cookies[SESSION_COOKIE];
    const unsigned = signed ? req.unsignCookie(signed) : undefined;
    const caller = await resolveCaller(
      db,
      { bearer, sessionCookie: unsigned?.valid ? (unsigned.value ?? undefined) : undefined },
      { ip: req.ip, requestId: req.id, locale: localeFromHeader(req.headers['accept-language']) },
    );
    if (!caller) throw new AppError(401, 'unauthenticated');
    req.caller = caller;
    req.locale = caller.locale;
    const needed = config.permission === undefined ? [] : typeof config.permission === 'string' ? [config.permission] : config.permission;
    if (needed.length > 0 && !needed.some((p) => caller.permissions.includes(p))) throw new AppError(403, 'forbidden');
  });

  installMetrics(app);
  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await db.ping();
      if (!(await db.migrationsApplied())) return reply.status(503).send({ status: 'migrations pending' });
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });
  app.get('/api/v1/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    registerAuthRoutes(api);
    registerOrgRoutes(api);
    registerAuditRoutes(api);
    registerCustomerRoutes(api);
    registerImportRoutes(api);
    registerEnrichmentRoutes(api, enrichmentProviders);
    registerPipelineRoutes(api);
    registerAnalyticsRoutes(api);
    registerAssignmentRoutes(api);
    registerScoringRoutes(api);
    registerLeadRoutes(api);
    registerPoolRoutes(api);
    registerNotificationRoutes(api);
    registerTaskRoutes(api);
  });
  await installWeb(app, options.webDist);
  return app;
}
