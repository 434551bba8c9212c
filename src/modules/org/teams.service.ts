import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { teams, users } from './org.tables.ts';
import { subtreeIds, wouldCreateCycle } from './rules/team-tree.ts';

export type Team = { id: string; name: string; parentId: string | null; managerUserId: string | null; memberCount: number };

export async function listTeams(tx: Tx): Promise<Team[]> {
  const rows = await tx
    .select({
      id: teams.id,
      name: teams.name,
      parentId: teams.parentId,
      managerUserId: teams.managerUserId,
      // Written out: drizzle leaves the outer columns unqualified, which the subquery would capture.
      memberCount: sql<number>`(select count(*)::int from users u where u.tenant_id = teams.tenant_id and u.team_id = teams.id and u.status = 'active')`,
    })
    .from(teams)
    .where(isNull(teams.deletedAt))
    .orderBy(teams.name);
  return rows;
}

export async function getTeam(tx: Tx, id: string): Promise<Team> {
  const team = (await listTeams(tx)).find((t) => t.id === id);
  if (!team) throw notFound();
  return team;
}

async function assertTeamExists(tx: Tx, id: string | null | undefined, field: string) {
  if (!id) return;
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.id, id), isNull(teams.deletedAt)));
  if (!row) throw new AppError(400, 'validation_failed', { [field]: 'invalid_reference' });
}

async function assertUserExists(tx: Tx, id: string | null | undefined, field: string) {
  if (!id) return;
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
  if (!row) throw new AppError(400, 'validation_failed', { [field]: 'invalid_reference' });
}

export async function createTeam(
  tx: Tx,
  actor: Actor,
  input: { name: string; parentId?: string | null; managerUserId?: string | null },
): Promise<Team> {
  await assertTeamExists(tx, input.parentId, 'parentId');
  await assertUserExists(tx, input.managerUserId, 'managerUserId');
  const [row] = await tx
    .insert(teams)
    .values({
      tenantId: actor.tenantId,
      name: input.name,
      parentId: input.parentId ?? null,
      managerUserId: input.managerUserId ?? null,
    })
    .returning({ id: teams.id });
  const team = await getTeam(tx, row!.id);
  await recordAudit(tx, actor, { action: 'team.create', entity: 'team', entityId: team.id, after: team });
  return team;
}

export async function updateTeam(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: { name?: string; parentId?: string | null; managerUserId?: string | null },
): Promise<Team> {
  const before = await getTeam(tx, id);
  if (patch.parentId !== undefined) {
    await assertTeamExists(tx, patch.parentId, 'parentId');
    if (wouldCreateCycle(await listTeams(tx), id, patch.parentId)) throw new AppError(400, 'team_cycle', { parentId: 'team_cycle' });
  }
  await assertUserExists(tx, patch.managerUserId, 'managerUserId');
  await tx
    .update(teams)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, id)));
  const after = await getTeam(tx, id);
  await recordAudit(tx, actor, { action: 'team.update', entity: 'team', entityId: id, before, after });
  return after;
}

export async function deleteTeam(tx: Tx, actor: Actor, id: string): Promise<void> {
  const all = await listTeams(tx);
  const team = all.find((t) => t.id === id);
  if (!team) throw notFound();
  const [members] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.teamId, id));
  if ((members?.n ?? 0) > 0 || all.some((t) => t.parentId === id)) throw conflict('team_not_empty');
  await tx
    .update(teams)
    .set({ deletedAt: new Date() })
    .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, id)));
  await recordAudit(tx, actor, { action: 'team.delete', entity: 'team', entityId: id, before: team });
}

/** Team ids a manager of `teamId` oversees: the team and all below it. */
export async function teamSubtree(tx: Tx, teamId: string): Promise<string[]> {
  return subtreeIds(await listTeams(tx), teamId);
}
