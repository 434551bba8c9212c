import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { roles, users, type DataScope } from './org.tables.ts';
import type { Permission } from './permissions.ts';

export type PermissionHolder = { id: string; name: string; teamId: string | null; dataScope: DataScope };

/** Active users whose role grants a permission, with what they may see: who to tell about something. */
export async function activeUsersWithPermission(tx: Tx, permission: Permission): Promise<PermissionHolder[]> {
  return tx
    .select({ id: users.id, name: users.name, teamId: users.teamId, dataScope: roles.dataScope })
    .from(users)
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.key, users.roleKey)))
    .where(and(eq(users.status, 'active'), sql`${permission} = ANY(${roles.permissions})`))
    .orderBy(users.id);
}
