import type { DataScope, RoleKey } from './org.tables.ts';

export const PERMISSIONS = [
  { key: 'org.manage', group: 'org' },
  { key: 'audit.read', group: 'org' },
  { key: 'customers.read', group: 'customers' },
  { key: 'customers.write', group: 'customers' },
  { key: 'customers.phone', group: 'customers' },
  { key: 'customers.export', group: 'customers' },
  { key: 'leads.read', group: 'sales' },
  { key: 'leads.write', group: 'sales' },
  { key: 'leads.assign', group: 'sales' },
  { key: 'pipeline.read', group: 'sales' },
  { key: 'pipeline.write', group: 'sales' },
  { key: 'sales.configure', group: 'sales' },
  { key: 'pool.claim', group: 'sales' },
  { key: 'pool.manage', group: 'sales' },
] as const;

export type Permission = (typeof PERMISSIONS)[number]['key'];
export const PERMISSION_KEYS: readonly Permission[] = PERMISSIONS.map((p) => p.key);
export const ROLE_KEYS: readonly RoleKey[] = ['admin', 'manager', 'sales', 'service'];

/** The roles every new tenant starts with; an admin may change scopes and permissions later. */
export const DEFAULT_ROLES: Record<RoleKey, { dataScope: DataScope; permissions: Permission[] }> = {
  admin: { dataScope: 'all', permissions: [...PERMISSION_KEYS] },
  manager: {
    dataScope: 'team',
    permissions: ['audit.read', 'customers.read', 'customers.write', 'customers.phone', 'customers.export', 'leads.read', 'leads.write', 'leads.assign', 'pipeline.read', 'pipeline.write', 'pool.claim', 'pool.manage'],
  },
  sales: { dataScope: 'own', permissions: ['customers.read', 'customers.write', 'customers.phone', 'leads.read', 'leads.write', 'pipeline.read', 'pipeline.write', 'pool.claim'] },
  service: { dataScope: 'all', permissions: ['customers.read', 'leads.read', 'pipeline.read'] },
};
