import { cleanupSessionsJob } from '../modules/auth/index.ts';
import { dedupeScanJob, nightlyDedupeJob } from '../modules/customers/index.ts';
import { runImportJob } from '../modules/imports/index.ts';
import { rebuildSellerStatsJob } from '../modules/assignment/index.ts';
import { retrainJob } from '../modules/scoring/index.ts';
import { deliverWebhooksJob, pruneNotificationsJob } from '../modules/notifications/index.ts';
import { collusionScanJob, recycleJob } from '../modules/pool/index.ts';
import type { Job } from './registry.ts';
import { refreshStatisticsJob } from './statistics.job.ts';

/** Every job the app runs, in one list: the queue creates, schedules and works each of them. */
export const ALL_JOBS: readonly Job[] = [cleanupSessionsJob, runImportJob as Job, dedupeScanJob as Job, nightlyDedupeJob as Job, rebuildSellerStatsJob as Job, retrainJob as Job, deliverWebhooksJob as Job, pruneNotificationsJob as Job, recycleJob as Job, collusionScanJob as Job, refreshStatisticsJob as Job];
