import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError, invalid } from '../../server/errors.ts';
import { checkAssignee, manages } from '../assignment/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notify } from '../notifications/index.ts';
import { listMembers, listTeams, teamSubtree, type Member } from '../org/index.ts';
import { HANDOVER_INCLUDES, type HandoverBody, type HandoverPreview, type HandoverResult } from './handover.schema.ts';
import { recordMovements, type Movement } from './movements.ts';
import type { RecordType } from './pool.tables.ts';
import { familiesOf, planHandover, spreadFamilies, type Family, type HandoverItem, type HandoverItemType, type PlannedItem, type SpreadMethod } from './rules/spread.ts';

const SAMPLE_SIZE = 50;

/**
 * The owning modules, loaded on first use: leads, customers and pipeline import the pool's index to
 * keep it in step, so a static import from a file the pool's routes load would close a cycle in
 * which the pool's record-type registry is called before it exists.
 */
const owningModules = async () => {
  const [customers, leads, pipeline, tasks] = await Promise.all([import('../customers/index.ts'), import('../leads/index.ts'), import('../pipeline/index.ts'), import('../tasks/index.ts')]);
  return { customers, leads, pipeline, tasks };
};

type Resolved = { from: Member; recipients: Member[]; method: SpreadMethod };

/** An open follow-up task of the leaver's, on a lead, customer or opportunity. */
type TaskItem = { id: string; recordType: HandoverItemType; recordId: string; title: string };
type PlannedTask = TaskItem & { toUserId: string };

/**
 * Who gets each open task. A task follows its record when the record moves, and a task on a
 * customer that stays follows the leads and opportunities of that customer that move (they went to
 * one person together). The rest (on closed records, someone else's, or kinds left out of the
 * handover) are dealt like families of their own, tasks on one record together, carrying on from
 * where the records' deal stopped, or to whoever holds least.
 */
function planTasks(tasks: readonly TaskItem[], items: readonly PlannedItem[], recipients: readonly string[], method: SpreadMethod, load: ReadonlyMap<string, number> = new Map()): PlannedTask[] {
  const recipientOf = new Map<string, string>();
  for (const item of items) {
    recipientOf.set(`${item.type}:${item.id}`, item.toUserId);
    if (item.customerId && !recipientOf.has(`customer:${item.customerId}`)) recipientOf.set(`customer:${item.customerId}`, item.toUserId);
  }
  const keyOf = (task: TaskItem) => `${task.recordType}:${task.recordId}`;
  const leftovers = new Map<string, number>();
  for (const task of tasks) if (!recipientOf.has(keyOf(task))) leftovers.set(keyOf(task), (leftovers.get(keyOf(task)) ?? 0) + 1);
  if (leftovers.size > 0) {
    const families: Family[] = [...leftovers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, weight]) => ({ key, items: [], weight }));
    const dealt = familiesOf(items).length % Math.max(recipients.length, 1);
    const order = [...recipients.slice(dealt), ...recipients.slice(0, dealt)];
    const held = new Map(recipients.map((r) => [r, load.get(r) ?? 0]));
    for (const item of items) if (item.type !== 'opportunity') held.set(item.toUserId, (held.get(item.toUserId) ?? 0) + 1);
    for (const [key, to] of spreadFamilies(families, order, method, held)) recipientOf.set(key, to);
  }
  return tasks.map((task) => ({ ...task, toUserId: recipientOf.get(keyOf(task))! }));
}

/** checkAssignee names the field `userId`; here the person is `toUserId`. */
async function checkRecipient(tx: Tx, caller: Caller, userId: string): Promise<Member> {
  try {
    return await checkAssignee(tx, caller, userId);
  } catch (error) {
    if (error instanceof AppError && error.fields?.userId) {
      throw new AppError(error.status, error.code, { toUserId: error.fields.userId }, error.params, error.details);
    }
    throw error;
  }
}

async function resolve(tx: Tx, caller: Caller, body: HandoverBody): Promise<Resolved> {
  if (body.toUserId && body.toTeamId) throw invalid({ toTeamId: 'exactly_one' });
  if (!body.toUserId && !body.toTeamId) throw invalid({ toUserId: 'required' });
  if (body.toTeamId && !body.method) throw invalid({ method: 'required' });

  // A leaver is usually already deactivated: the book is what is left of them.
  const [from] = await listMembers(tx, { ids: [body.fromUserId] });
  if (!from) throw invalid({ fromUserId: 'invalid_reference' });
  if (!(await manages(tx, caller, from))) throw new AppError(403, 'assignee_outside_team', { fromUserId: 'outside_team' }, { name: from.name });

  if (body.toUserId) {
    if (body.toUserId === from.id) throw invalid({ toUserId: 'same_as_from' });
    return { from, recipients: [await checkRecipient(tx, caller, body.toUserId)], method: body.method ?? 'round_robin' };
  }

  const teamId = body.toTeamId!;
  const team = (await listTeams(tx)).find((t) => t.id === teamId);
  if (!team) throw invalid({ toTeamId: 'invalid_reference' });
  if (caller.dataScope !== 'all') {
    const allowed = caller.teamId ? await teamSubtree(tx, caller.teamId) : [];
    if (!allowed.includes(teamId)) throw new AppError(403, 'assignee_outside_team', { toTeamId: 'outside_team' }, { name: team.name });
  }
  // The team's own people only: a sub-team is a different group of customers and a different manager.
  const recipients = (await listMembers(tx, { teamIds: [teamId] })).filter((m) => m.status === 'active' && m.id !== from.id);
  if (recipients.length === 0) throw new AppError(409, 'conflict', { toTeamId: 'no_active_members' }, { name: team.name });
  return { from, recipients, method: body.method! };
}

const leadTitle = (l: { name: string; company: string | null }) => (l.company ? `${l.company} · ${l.name}` : l.name);

/** What would move where; reads only. Tasks are planned against the records with `planTasks`, once it is known which records move. */
async function plan(tx: Tx, caller: Caller, body: HandoverBody): Promise<Resolved & { items: PlannedItem[]; tasks: TaskItem[]; load?: Map<string, number> }> {
  const resolved = await resolve(tx, caller, body);
  const include = new Set(body.include ?? HANDOVER_INCLUDES);
  const fromId = resolved.from.id;
  const { customers, leads, pipeline, tasks } = await owningModules();
  const items: HandoverItem[] = [
    ...(include.has('customers') ? (await customers.customersOwnedBy(tx, fromId)).map((c): HandoverItem => ({ type: 'customer', id: c.id, customerId: null, title: c.name })) : []),
    ...(include.has('leads') ? (await leads.openLeadsOf(tx, fromId)).map((l): HandoverItem => ({ type: 'lead', id: l.id, customerId: l.customerId, title: leadTitle(l) })) : []),
    ...(include.has('opportunities') ? (await pipeline.openOpportunitiesOf(tx, fromId)).map((o): HandoverItem => ({ type: 'opportunity', id: o.id, customerId: o.customerId, title: o.name })) : []),
  ];
  const recipientIds = resolved.recipients.map((r) => r.id);
  let load: Map<string, number> | undefined;
  if (resolved.method === 'least_loaded' && recipientIds.length > 1) {
    const [leadLoad, customerLoad] = await Promise.all([leads.openLeadLoad(tx), customers.ownedCustomerCounts(tx, recipientIds)]);
    load = new Map(recipientIds.map((id) => [id, (leadLoad.get(id) ?? 0) + (customerLoad.get(id) ?? 0)]));
  }
  const openTasks: TaskItem[] = include.has('tasks') ? await tasks.openTasksOf(tx, fromId) : [];
  return { ...resolved, items: planHandover(items, recipientIds, resolved.method, load), tasks: openTasks, load };
}

function summarise(from: Member, recipients: readonly Member[], items: readonly PlannedItem[], tasks: readonly PlannedTask[]): HandoverPreview {
  const zero = () => ({ leads: 0, customers: 0, opportunities: 0, tasks: 0 });
  const field: Record<HandoverItemType, 'leads' | 'customers' | 'opportunities'> = { lead: 'leads', customer: 'customers', opportunity: 'opportunities' };
  const totals = zero();
  const per = new Map(recipients.map((r) => [r.id, zero()]));
  for (const item of items) {
    totals[field[item.type]]++;
    per.get(item.toUserId)![field[item.type]]++;
  }
  for (const task of tasks) {
    totals.tasks++;
    per.get(task.toUserId)!.tasks++;
  }
  const sampledTasks = tasks.slice(0, Math.max(0, SAMPLE_SIZE - items.length)).map((t) => ({ type: 'task' as const, id: t.id, title: t.title, toUserId: t.toUserId }));
  return {
    fromUserId: from.id,
    fromName: from.name,
    totals,
    recipients: recipients.map((r) => ({ userId: r.id, name: r.name, ...per.get(r.id)! })),
    sample: [...items.slice(0, SAMPLE_SIZE).map((i) => ({ type: i.type, id: i.id, title: i.title, toUserId: i.toUserId })), ...sampledTasks],
  };
}

/** What a handover would do, without doing it: totals, who gets how much, and a sample. */
export async function previewHandover(tx: Tx, caller: Caller, body: HandoverBody): Promise<HandoverPreview> {
  const { from, recipients, items, tasks, method, load } = await plan(tx, caller, body);
  const recipientIds = recipients.map((r) => r.id);
  return summarise(from, recipients, items, planTasks(tasks, items, recipientIds, method, load));
}

/**
 * Moves a person's book in the caller's transaction: open leads, customers and open
 * opportunities go to one colleague or are spread over a team, each customer with its
 * opportunities and linked leads, and open follow-up tasks with their record (the rest spread
 * too). Only owners change; the pool keeps each record's clocks (a handover is not a fresh
 * claim) and writes one movement per lead and customer.
 */
export async function runHandover(tx: Tx, caller: Caller, body: HandoverBody): Promise<HandoverResult> {
  const { from, recipients, items, tasks: openTasks, method, load } = await plan(tx, caller, body);
  const handoverId = randomUUID();
  const changesOf = (type: HandoverItemType) => items.filter((i) => i.type === type).map((i) => ({ id: i.id, ownerUserId: i.toUserId }));

  // Each owning module writes its own rows; an item someone else took meanwhile stays with them.
  const { customers, leads, pipeline, tasks } = await owningModules();
  const moved = new Set<string>([
    ...(await customers.reassignCustomers(tx, changesOf('customer'), from.id)).map((id) => `customer:${id}`),
    ...(await leads.reassignLeads(tx, changesOf('lead'), from.id)).map((id) => `lead:${id}`),
    ...(await pipeline.reassignOpportunities(tx, changesOf('opportunity'), from.id)).map((id) => `opportunity:${id}`),
  ]);
  const done = items.filter((i) => moved.has(`${i.type}:${i.id}`));
  // Planned against what actually moved, so a task never follows a record that stayed.
  const plannedTasks = planTasks(openTasks, done, recipients.map((r) => r.id), method, load);
  const movedTasks = new Set(await tasks.reassignTasks(tx, plannedTasks.map((t) => ({ id: t.id, assigneeUserId: t.toUserId })), from.id));
  const doneTasks = plannedTasks.filter((t) => movedTasks.has(t.id));
  const poolItems = done.filter((i): i is PlannedItem & { type: RecordType } => i.type === 'lead' || i.type === 'customer');

  const pools = await handOverPoolRecords(tx, poolItems);
  const note = body.note ?? null;
  const now = new Date();
  const movements: Movement[] = poolItems.map((i) => {
    const poolId = pools.get(`${i.type}:${i.id}`) ?? null;
    return {
      recordType: i.type,
      recordId: i.id,
      kind: 'handover',
      fromUserId: from.id,
      toUserId: i.toUserId,
      fromPoolId: poolId,
      toPoolId: poolId,
      reason: null,
      detail: { handoverId, note },
      actorUserId: caller.userId,
      at: now,
    };
  });
  await recordMovements(tx, caller.tenantId, movements);

  const result = { ...summarise(from, recipients, done, doneTasks), handoverId };
  const idsOf = (type: HandoverItemType) => done.filter((i) => i.type === type).map((i) => i.id);
  await recordAudit(tx, caller, {
    action: 'pool.handover',
    entity: 'user',
    entityId: from.id,
    after: {
      handoverId,
      fromUserId: from.id,
      toUserId: body.toUserId ?? null,
      toTeamId: body.toTeamId ?? null,
      method: body.toTeamId ? body.method : null,
      include: body.include ?? HANDOVER_INCLUDES,
      note,
      totals: result.totals,
      recipients: result.recipients.map(({ userId, leads, customers, opportunities, tasks }) => ({ userId, leads, customers, opportunities, tasks })),
      leadIds: idsOf('lead'),
      customerIds: idsOf('customer'),
      opportunityIds: idsOf('opportunity'),
      taskIds: doneTasks.map((t) => t.id),
    },
  });

  await notify(
    tx,
    caller.tenantId,
    result.recipients
      .map((r) => ({ userId: r.userId, count: r.leads + r.customers + r.opportunities }))
      .filter((r) => r.count > 0)
      .map((r) => ({ userId: r.userId, kind: 'pool.handover', data: { count: r.count, fromName: from.name, handoverId }, link: '/pool/mine' })),
  );
  return result;
}

/**
 * The pool's view follows the new owner. `claimed_at` stays, so recycle deadlines run on from
 * when the record was claimed; the warning is reset so the new owner hears about the deadline.
 * Answers each record's pool.
 */
async function handOverPoolRecords(tx: Tx, items: readonly (PlannedItem & { type: RecordType })[]): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const rows = await queryRows<{ record_type: RecordType; record_id: string; pool_id: string }>(
    tx,
    sql`UPDATE pool_records p SET owner_user_id = u.owner, warned_deadline = NULL, updated_at = now()
        FROM unnest(${sql.param(items.map((i) => i.type))}::text[], ${sql.param(items.map((i) => i.id))}::uuid[], ${sql.param(items.map((i) => i.toUserId))}::uuid[]) AS u(t, r, owner)
        WHERE p.record_type = u.t AND p.record_id = u.r AND p.closed_at IS NULL
        RETURNING p.record_type, p.record_id, p.pool_id`,
  );
  return new Map(rows.map((r) => [`${r.record_type}:${r.record_id}`, r.pool_id]));
}
