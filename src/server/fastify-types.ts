import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Permission } from '../modules/org/permissions.ts';
import type { Caller } from './caller.ts';
import type { Locale } from './messages.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public' routes need no login; every other /api route does. */
    auth?: 'public';
    /** Checked before validation and the handler run; a list means any one of them. */
    permission?: Permission | readonly Permission[];
  }
  interface FastifyRequest {
    caller: Caller | undefined;
    locale: Locale;
  }
  interface FastifyInstance {
    db: Database;
    tideConfig: Config;
    jobs: JobQueue | undefined;
  }
}
