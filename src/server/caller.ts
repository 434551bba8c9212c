import type { Locale } from './messages.ts';
import type { Permission } from '../modules/org/permissions.ts';
import type { DataScope, RoleKey } from '../modules/org/org.tables.ts';

/** Who is calling: resolved once per request from the session cookie or the API token. */
export type Caller = {
  tenantId: string;
  userId: string;
  name: string;
  roleKey: RoleKey;
  dataScope: DataScope;
  teamId: string | null;
  permissions: readonly Permission[];
  locale: Locale;
  via: 'session' | 'token';
  sessionId?: string;
  ip: string | null;
  requestId: string | null;
};

/** Who did something, for the audit log: a caller, or the system (CLI, jobs) in a tenant. */
export type Actor = {
  tenantId: string;
  userId: string | null;
  ip?: string | null;
  requestId?: string | null;
};

export const can = (caller: Caller, permission: Permission) => caller.permissions.includes(permission);
