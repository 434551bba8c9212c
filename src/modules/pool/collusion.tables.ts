import { integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Pairs already announced to managers, kept while the pair stays flagged. */
export const poolCollusionAlerts = pgTable(
  'pool_collusion_alerts',
  {
    tenantId: uuid('tenant_id').notNull(),
    fromUserId: uuid('from_user_id').notNull(),
    toUserId: uuid('to_user_id').notNull(),
    firstFlaggedAt: timestamp('first_flagged_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastRecords: integer('last_records').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.fromUserId, t.toUserId] })],
);
