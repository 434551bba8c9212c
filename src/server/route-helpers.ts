import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import type { Caller } from './caller.ts';
import { AppError } from './errors.ts';

export type App = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new AppError(401, 'unauthenticated');
  return req.caller;
}

/** Runs a service call in one transaction of the caller's tenant. */
export function inTenant<T>(req: FastifyRequest, fn: (tx: Tx, caller: Caller) => Promise<T>): Promise<T> {
  const caller = callerOf(req);
  return req.server.db.tenantTx(caller.tenantId, (tx) => fn(tx, caller));
}

export const idParams = z.object({ id: z.uuid() });
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export const noContent = z.null().describe('No content');
/** Standard error responses declared on every route, for the OpenAPI document. */
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
