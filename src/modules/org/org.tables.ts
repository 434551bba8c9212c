import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const roles = pgTable(
  'roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').$type<RoleKey>().notNull(),
    dataScope: text('data_scope').$type<DataScope>().notNull(),
    permissions: text('permissions').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

export const teams = pgTable(
  'teams',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    managerUserId: uuid('manager_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const users = pgTable(
  'users',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    email: text('email'),
    mobile: text('mobile'),
    passwordHash: text('password_hash').notNull(),
    roleKey: text('role_key').$type<RoleKey>().notNull(),
    teamId: uuid('team_id'),
    locale: text('locale').$type<'zh-CN' | 'en-US'>().notNull().default('zh-CN'),
    status: text('status').$type<UserStatus>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type RoleKey = 'admin' | 'manager' | 'sales' | 'service';
export type DataScope = 'own' | 'team' | 'all';
export type UserStatus = 'active' | 'inactive';
