import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { roles, type DataScope, type RoleKey } from './org.tables.ts';
import { DEFAULT_ROLES, ROLE_KEYS, type Permission } from './permissions.ts';

export type Role = { key: RoleKey; dataScope: DataScope; permissions: Permission[] };

export async function seedRoles(tx: Tx, tenantId: string): Promise<void> {
  await tx.insert(roles).values(ROLE_KEYS.map((key) => ({ tenantId, key, ...DEFAULT_ROLES[key] })));
}

export async function listRoles(tx: Tx): Promise<Role[]> {
  const rows = await tx.select().from(roles);
  return ROLE_KEYS.flatMap((key) => {
    const row = rows.find((r) => r.key === key);
    return row ? [{ key, dataScope: row.dataScope, permissions: row.permissions as Permission[] }] : [];
  });
}

export async function getRole(tx: Tx, key: RoleKey): Promise<Role> {
  const [row] = await tx.select().from(roles).where(eq(roles.key, key));
  if (!row) throw notFound();
  return { key: row.key, dataScope: row.dataScope, permissions: row.permissions as Permission[] };
}

export async function updateRole(
  tx: Tx,
  actor: Actor,
  key: RoleKey,
  patch: { dataScope?: DataScope; permissions?: Permission[] },
): Promise<Role> {
  const before = await getRole(tx, key);
  // The admin role must keep the right to manage the organisation, or nobody could undo a mistake.
  if (key === 'admin' && patch.permissions && !patch.permissions.includes('org.manage')) {
    throw new AppError(400, 'validation_failed', { permissions: 'admin_needs_org_manage' });
  }
  const permissions = patch.permissions ? [...new Set(patch.permissions)].sort() : before.permissions;
  await tx
    .update(roles)
    .set({ dataScope: patch.dataScope ?? before.dataScope, permissions, updatedAt: new Date() })
    .where(and(eq(roles.tenantId, actor.tenantId), eq(roles.key, key)));
  const after = await getRole(tx, key);
  await recordAudit(tx, actor, { action: 'role.update', entity: 'role', entityId: key, before, after });
  return after;
}
