import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Job, JobContext } from './registry.ts';

export type JobStats = { completed: number; failed: number };

export type JobQueueOptions = {
  /** Seconds between cron checks; low values are for tests. */
  cronIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Whether this node runs workers (an API-only node may not). */
  work?: boolean;
};

/**
 * Jobs and schedules live in the database (pg-boss), over the same driver as the app, so several
 * app nodes share them: each cron slot becomes one job, and each job is fetched by one worker.
 */
export class JobQueue {
  readonly stats = new Map<string, JobStats>();
  private constructor(
    private readonly boss: PgBoss,
    private readonly ctx: JobContext,
  ) {}

  static async start(db: Database, jobs: readonly Job[], ctx: JobContext, options: JobQueueOptions = {}) {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => db.executeSql(text, values) as Promise<{ rows: unknown[] }> },
      schema: 'pgboss',
      cronMonitorIntervalSeconds: options.cronIntervalSeconds ?? 30,
      cronWorkerIntervalSeconds: options.cronIntervalSeconds ?? 5,
      // The embedded database is one connection: keep housekeeping light.
      maintenanceIntervalSeconds: 300,
    });
    boss.on('error', (error) => ctx.log('job queue error', { error: String(error) }));
    await boss.start();
    const queue = new JobQueue(boss, ctx);
    for (const job of jobs) await queue.register(job, options);
    return queue;
  }

  private async register(job: Job, options: JobQueueOptions) {
    await this.boss.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 3, retryBackoff: true });
    if (job.schedule) await this.boss.schedule(job.name, job.schedule, {}, { tz: 'UTC' });
    else await this.boss.unschedule(job.name).catch(() => undefined);
    if (options.work === false) return;
    await this.boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const item of batch) {
        const stats = this.stats.get(job.name) ?? { completed: 0, failed: 0 };
        this.stats.set(job.name, stats);
        try {
          await job.run(this.ctx, item.data);
          stats.completed++;
        } catch (error) {
          stats.failed++;
          throw error;
        }
      }
    });
  }

  async send<P>(job: Job<P>, payload: P, options: { singletonKey?: string } = {}): Promise<string | null> {
    return this.boss.send(job.name, payload as object, options);
  }

  /** Jobs created in the queue table per state, for metrics and tests. */
  async counts(name: string): Promise<Record<string, number>> {
    const result = (await this.boss.getDb().executeSql(
      `select state, count(*)::int as n from pgboss.job where name = $1 group by state`,
      [name],
    )) as { rows: { state: string; n: number }[] };
    return Object.fromEntries(result.rows.map((r) => [r.state, Number(r.n)]));
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
