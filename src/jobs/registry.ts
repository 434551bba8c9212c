import type { z } from 'zod';
import type { Database } from '../db/client.ts';

export type JobContext = { db: Database; log: (msg: string, data?: Record<string, unknown>) => void };

export type JobDefinition<P> = {
  name: string;
  payload: z.ZodType<P>;
  /** Cron (minute precision, UTC); omit for on-demand jobs. */
  schedule?: string;
  retryLimit?: number;
  handler: (ctx: JobContext, payload: P) => Promise<void>;
};

/** A job as the queue sees it: the payload is checked against the schema before the handler runs. */
export type Job<P = unknown> = {
  name: string;
  schedule?: string;
  retryLimit?: number;
  run: (ctx: JobContext, raw: unknown) => Promise<void>;
  /** Type only: what `send` accepts. */
  readonly __payload?: P;
};

export function defineJob<P>(definition: JobDefinition<P>): Job<P> {
  return {
    name: definition.name,
    schedule: definition.schedule,
    retryLimit: definition.retryLimit,
    run: (ctx, raw) => definition.handler(ctx, definition.payload.parse(raw ?? {})),
  };
}
