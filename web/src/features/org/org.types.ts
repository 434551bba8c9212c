import type { Language } from '../../app/i18n.ts';
import type { DataScope, RoleKey } from '../../app/session.tsx';

export type UserStatus = 'active' | 'inactive';

export type User = {
  id: string;
  name: string;
  email: string | null;
  mobile: string | null;
  roleKey: RoleKey;
  teamId: string | null;
  status: UserStatus;
  locale: Language;
  createdAt: string;
  lastLoginAt: string | null;
};

export type Team = {
  id: string;
  name: string;
  parentId: string | null;
  managerUserId: string | null;
  memberCount: number;
};

export type Role = { key: RoleKey; name?: string; dataScope: DataScope; permissions: string[] };

export type PermissionInfo = { key: string; group: string };

export const ROLE_KEYS: readonly RoleKey[] = ['admin', 'manager', 'sales', 'service'];
export const DATA_SCOPES: readonly DataScope[] = ['own', 'team', 'all'];
