import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const customers = pgTable(
  'customers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<'person' | 'company'>().notNull(),
    name: text('name').notNull(),
    mobile: text('mobile'),
    email: text('email'),
    nationalId: text('national_id'),
    creditCode: text('credit_code'),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    street: text('street'),
    address: text('address'),
    industry: text('industry'),
    source: text('source'),
    ownerUserId: uuid('owner_user_id'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
