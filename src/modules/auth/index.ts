export { resolveCaller } from './authenticate.service.ts';
export { registerAuthRoutes, SESSION_COOKIE } from './auth.routes.ts';
export { revokeUserCredentials, createApiToken } from './credentials.service.ts';
export { hashPassword } from './rules/passwords.ts';
export { cleanupSessionsJob } from './auth.jobs.ts';
