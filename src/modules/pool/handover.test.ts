import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { createCustomer } from '../customers/index.ts';
import { addActivity, disqualifyLead, intakeLeads } from '../leads/index.ts';
import { createTeam, createUser, updateUser } from '../org/index.ts';
import { closeOpportunity, createOpportunity, listPipelines, moveStage } from '../pipeline/index.ts';
import type { HandoverBody } from './handover.schema.ts';
import { previewHandover, runHandover } from './handover.service.ts';

const CLAIMED_AT = '2026-01-05T01:02:03.000Z';

describe.each(DB_KINDS)('handover on %s', (kind) => {
  let t: TestDatabase;
  let tenant: TestTenant;
  const ids: Record<string, string> = {};
  const teams: Record<string, string> = {};
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => t.db.tenantTx(tenant.id, fn);
  const callerOf = (who: string, dataScope: Caller['dataScope'], teamId: string | null): Caller => ({
    tenantId: tenant.id, userId: ids[who]!, name: who, roleKey: dataScope === 'all' ? 'admin' : 'manager', dataScope, teamId,
    permissions: ['pool.manage', 'leads.assign', 'customers.write', 'pipeline.write'], locale: 'zh-CN', via: 'session', ip: null, requestId: null,
  });
  let admin: Caller;
  let manager: Caller;
  /** What the leaver holds, by kind, as the test seeded it. */
  const book = { customers: [] as string[], leads: [] as string[], opportunities: [] as string[], closedLead: '', wonOpportunity: '', familyCustomer: '', familyLead: '', familyOpportunities: [] as string[], strayCustomer: '', strayLead: '', strayOpportunity: '' };
  /** The leaver's follow-up tasks by what they are on, and tasks a handover must leave alone. */
  const tasks = { onRecord: new Map<string, string>(), leftovers: [] as string[], untouched: [] as string[], leaver2: '' };

  const errorOf = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (error: unknown) => error);
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  };
  const ownersOf = (table: 'leads' | 'customers' | 'opportunities', idList: string[]) =>
    inTenant((tx) => queryRows<{ id: string; owner_user_id: string | null }>(tx, sql`SELECT id, owner_user_id FROM ${sql.raw(table)} WHERE id = ANY(${sql.param(idList)}::uuid[])`)).then(
      (rows) => new Map(rows.map((r) => [r.id, r.owner_user_id])),
    );
  /** Every column but the owner and the time of the last change, plus the rows hanging off each record. */
  const snapshot = () =>
    inTenant(async (tx) => ({
      leads: await queryRows(tx, sql`SELECT to_jsonb(l) - 'owner_user_id' - 'updated_at' AS row FROM leads l ORDER BY id`),
      customers: await queryRows(tx, sql`SELECT to_jsonb(c) - 'owner_user_id' - 'updated_at' AS row FROM customers c ORDER BY id`),
      opportunities: await queryRows(tx, sql`SELECT to_jsonb(o) - 'owner_user_id' - 'updated_at' AS row FROM opportunities o ORDER BY id`),
      activities: await queryRows(tx, sql`SELECT to_jsonb(a) AS row FROM lead_activities a ORDER BY id`),
      stageHistory: await queryRows(tx, sql`SELECT to_jsonb(h) AS row FROM opportunity_stage_history h ORDER BY id`),
    }));
  const taskRows = () =>
    inTenant((tx) => queryRows<{ id: string; assignee_user_id: string; updated_at: unknown; row: Record<string, unknown> }>(tx, sql`SELECT id, assignee_user_id, updated_at, to_jsonb(t) - 'assignee_user_id' - 'updated_at' AS row FROM follow_up_tasks t ORDER BY id`));
  const counts = () =>
    inTenant(async (tx) => {
      const [row] = await queryRows<{ movements: number; audits: number; notes: number }>(
        tx,
        sql`SELECT (SELECT count(*)::int FROM pool_movements WHERE kind = 'handover') AS movements,
                   (SELECT count(*)::int FROM audit_log WHERE action = 'pool.handover') AS audits,
                   (SELECT count(*)::int FROM notifications WHERE kind = 'pool.handover') AS notes`,
      );
      return row!;
    });
  /** A pool record for each, claimed long ago by the leaver, whether or not the module put it there. */
  const poolRecordsFor = (type: 'lead' | 'customer', idList: string[]) =>
    inTenant(async (tx) => {
      const [pool] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM pools WHERE is_default AND deleted_at IS NULL`);
      const poolId = pool?.id ?? (await queryRows<{ id: string }>(tx, sql`INSERT INTO pools (tenant_id, name, is_default) VALUES (${tenant.id}, '公海', true) RETURNING id`))[0]!.id;
      await tx.execute(sql`
        INSERT INTO pool_records (tenant_id, record_type, record_id, pool_id, owner_user_id, title, claimed_at, warned_deadline)
        SELECT ${tenant.id}::uuid, ${type}, r, ${poolId}::uuid, ${ids.leaver}::uuid, 'x', ${CLAIMED_AT}::timestamptz, now()
        FROM unnest(${sql.param(idList)}::uuid[]) AS r
        ON CONFLICT (tenant_id, record_type, record_id) DO UPDATE SET owner_user_id = EXCLUDED.owner_user_id, claimed_at = EXCLUDED.claimed_at,
          warned_deadline = EXCLUDED.warned_deadline, closed_at = NULL`);
    });

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    tenant = await buildTenant(t);
    await inTenant(async (tx) => {
      const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM users WHERE email = ${tenant.adminLogin}`);
      ids.admin = row!.id;
    });
    admin = callerOf('admin', 'all', null);
    await inTenant(async (tx) => {
      const actor = { tenantId: tenant.id, userId: ids.admin! };
      teams.east = (await createTeam(tx, actor, { name: '华东区' })).id;
      teams.eastSales = (await createTeam(tx, actor, { name: '华东一组', parentId: teams.east })).id;
      teams.south = (await createTeam(tx, actor, { name: '华南区' })).id;
      const people = [
        ['manager', 'manager', teams.east],
        ['leaver', 'sales', teams.eastSales],
        ['s1', 'sales', teams.eastSales],
        ['s2', 'sales', teams.eastSales],
        ['s3', 'sales', teams.eastSales],
        ['gone', 'sales', teams.eastSales],
        ['south1', 'sales', teams.south],
        ['south2', 'sales', teams.south],
        ['leaver2', 'sales', teams.south],
      ] as const;
      for (const [key, roleKey, teamId] of people) {
        ids[key] = (await createUser(tx, actor, { name: `销售${key}`, email: `${key}@x.test`, password: 'password-1', roleKey, teamId })).id;
      }
    });
    manager = callerOf('manager', 'team', teams.east!);

    await inTenant(async (tx) => {
      // Six customers; the first has two open opportunities, a won one and a linked open lead.
      for (let i = 1; i <= 6; i++) {
        const c = await createCustomer(tx, admin, { kind: 'person', name: `客户${i}`, mobile: `1390000000${i}`, ownerUserId: ids.leaver });
        book.customers.push(c.id);
      }
      book.familyCustomer = book.customers[0]!;
      await tx.execute(sql`UPDATE customers SET custom = '{"等级":"VIP"}'::jsonb WHERE id = ${book.familyCustomer}::uuid`);
      const [pipeline] = await listPipelines(tx, admin);
      const second = pipeline!.stages.find((s) => s.kind === 'open' && s.position > pipeline!.stages.find((x) => x.kind === 'open')!.position)!;
      for (const name of ['年度采购', '扩容']) {
        const o = await createOpportunity(tx, admin, { customerId: book.familyCustomer, name, ownerUserId: ids.leaver });
        book.opportunities.push(o.id);
        book.familyOpportunities.push(o.id);
      }
      await moveStage(tx, admin, book.familyOpportunities[0]!, { stageId: second.id });
      await tx.execute(sql`UPDATE opportunities SET custom = '{"预算":"50万"}'::jsonb WHERE id = ${book.familyOpportunities[0]!}::uuid`);
      const won = await createOpportunity(tx, admin, { customerId: book.familyCustomer, name: '已成交', ownerUserId: ids.leaver });
      await closeOpportunity(tx, admin, won.id, { outcome: 'won' });
      book.wonOpportunity = won.id;

      // Someone else's customer on which the leaver works a lead and an opportunity: those two travel together.
      book.strayCustomer = (await createCustomer(tx, admin, { kind: 'person', name: '别人的客户', mobile: '13900000099', ownerUserId: ids.south1 })).id;
      const stray = await createOpportunity(tx, admin, { customerId: book.strayCustomer, name: '顺带的商机', ownerUserId: ids.leaver });
      book.strayOpportunity = stray.id;
      book.opportunities.push(stray.id);

      const intake = await intakeLeads(
        tx,
        { tenantId: tenant.id, userId: ids.admin! },
        [
          { name: '客户一的线索', mobile: '13900000001', ownerUserId: ids.leaver, custom: { 意向: '高' } },
          { name: '别人客户的线索', mobile: '13900000099', ownerUserId: ids.leaver },
          ...Array.from({ length: 5 }, (_, i) => ({ name: `线索${i}`, company: `公司${i}`, mobile: `1380000000${i}`, ownerUserId: ids.leaver })),
          { name: '已关闭', mobile: '13800000009', ownerUserId: ids.leaver },
        ],
        { source: 'api', assign: false },
      );
      const created = intake.results.map((r) => (r.outcome === 'created' ? r.leadId : ''));
      expect(created.every(Boolean)).toBe(true);
      book.familyLead = created[0]!;
      book.strayLead = created[1]!;
      book.closedLead = created.at(-1)!;
      book.leads.push(...created.slice(0, -1));
      await disqualifyLead(tx, admin, book.closedLead, { reason: 'no_need' });
      await addActivity(tx, admin, created[2]!, { kind: 'call', note: '打过电话' });
      const [linked] = await queryRows<{ customer_id: string | null }>(tx, sql`SELECT customer_id FROM leads WHERE id = ${book.familyLead}::uuid`);
      expect(linked!.customer_id).toBe(book.familyCustomer);

      // The second leaver's book, and a colleague already loaded with five customers.
      for (let i = 1; i <= 3; i++) await createCustomer(tx, admin, { kind: 'company', name: `华南公司${i}`, ownerUserId: ids.leaver2 });
      for (let i = 1; i <= 5; i++) await createCustomer(tx, admin, { kind: 'company', name: `南一的公司${i}`, ownerUserId: ids.south1 });

      const actor = { tenantId: tenant.id, userId: ids.admin! };
      await updateUser(tx, actor, ids.gone!, { status: 'inactive' });
      await updateUser(tx, actor, ids.leaver!, { status: 'inactive' });
    });
    await poolRecordsFor('customer', book.customers);
    await poolRecordsFor('lead', book.leads);

    // Open tasks on records that move, on the stray customer whose lead and opportunity move, and
    // on records that stay (a closed lead, a won opportunity); plus done, deleted and others' tasks.
    const addTask = (recordType: string, recordId: string, assignee = ids.leaver!, state: 'open' | 'done' | 'deleted' = 'open') =>
      inTenant(async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`INSERT INTO follow_up_tasks (tenant_id, record_type, record_id, title, kind, due_at, assignee_user_id, created_by, done_at, done_by, deleted_at)
              VALUES (${tenant.id}, ${recordType}, ${recordId}, ${`跟进 ${recordType}`}, 'call', now() + interval '1 day', ${assignee}, ${assignee},
                CASE WHEN ${state} = 'done' THEN now() END, CASE WHEN ${state} = 'done' THEN ${assignee}::uuid END, CASE WHEN ${state} = 'deleted' THEN now() END)
              RETURNING id`,
        );
        return row!.id;
      });
    for (const [type, id] of [
      ['customer', book.familyCustomer],
      ['lead', book.familyLead],
      ['opportunity', book.familyOpportunities[0]!],
      ['customer', book.strayCustomer],
      ['lead', book.leads[3]!],
      ['lead', book.leads[3]!],
    ] as const) {
      tasks.onRecord.set(await addTask(type, id), `${type}:${id}`);
    }
    tasks.leftovers.push(await addTask('lead', book.closedLead), await addTask('opportunity', book.wonOpportunity));
    tasks.untouched.push(
      await addTask('lead', book.leads[4]!, ids.leaver, 'done'),
      await addTask('lead', book.leads[4]!, ids.leaver, 'deleted'),
      await addTask('lead', book.leads[4]!, ids.s1),
    );
    tasks.leaver2 = await addTask('customer', book.customers[1]!, ids.leaver2);
  });
  afterAll(() => t?.drop());

  const toTeam = (overrides: Partial<HandoverBody> = {}): HandoverBody => ({ fromUserId: ids.leaver!, toTeamId: teams.eastSales!, method: 'round_robin', ...overrides });

  it('refuses two targets, no target, and a team without a method, naming the field', async () => {
    const both = await errorOf(inTenant((tx) => previewHandover(tx, manager, { fromUserId: ids.leaver!, toUserId: ids.s1!, toTeamId: teams.eastSales! })));
    expect([both.status, both.code, Object.keys(both.fields ?? {})]).toEqual([400, 'validation_failed', ['toTeamId']]);
    const none = await errorOf(inTenant((tx) => runHandover(tx, manager, { fromUserId: ids.leaver! })));
    expect([none.status, Object.keys(none.fields ?? {})]).toEqual([400, ['toUserId']]);
    const noMethod = await errorOf(inTenant((tx) => runHandover(tx, manager, { fromUserId: ids.leaver!, toTeamId: teams.eastSales! })));
    expect([noMethod.status, Object.keys(noMethod.fields ?? {})]).toEqual([400, ['method']]);
  });

  it('refuses an inactive recipient, one outside the manager’s team, and the leaver themself', async () => {
    const inactive = await errorOf(inTenant((tx) => runHandover(tx, manager, { fromUserId: ids.leaver!, toUserId: ids.gone! })));
    expect([inactive.status, inactive.code, inactive.fields]).toEqual([409, 'assignee_inactive', { toUserId: 'user_inactive' }]);
    const outside = await errorOf(inTenant((tx) => runHandover(tx, manager, { fromUserId: ids.leaver!, toUserId: ids.south2! })));
    expect([outside.status, outside.code]).toEqual([403, 'assignee_outside_team']);
    const outsideTeam = await errorOf(inTenant((tx) => runHandover(tx, manager, toTeam({ toTeamId: teams.south! }))));
    expect([outsideTeam.status, Object.keys(outsideTeam.fields ?? {})]).toEqual([403, ['toTeamId']]);
    const notTheirs = await errorOf(inTenant((tx) => runHandover(tx, manager, { fromUserId: ids.leaver2!, toUserId: ids.s1! })));
    expect([notTheirs.status, Object.keys(notTheirs.fields ?? {})]).toEqual([403, ['fromUserId']]);
    const self = await errorOf(inTenant((tx) => runHandover(tx, admin, { fromUserId: ids.leaver!, toUserId: ids.leaver! })));
    expect([self.status, Object.keys(self.fields ?? {})]).toEqual([400, ['toUserId']]);
    expect(await counts()).toEqual({ movements: 0, audits: 0, notes: 0 });
  });

  it('a preview shows the plan and writes nothing', async () => {
    const before = { snap: await snapshot(), counts: await counts(), leads: await ownersOf('leads', book.leads) };
    const preview = await inTenant((tx) => previewHandover(tx, manager, toTeam()));
    expect(preview.fromName).toBe('销售leaver');
    expect(preview.totals).toEqual({ leads: 7, customers: 6, opportunities: 3, tasks: 8 });
    expect(preview.recipients.map((r) => r.userId).sort()).toEqual([ids.s1, ids.s2, ids.s3].sort());
    expect(preview.recipients.reduce((n, r) => n + r.leads + r.customers + r.opportunities, 0)).toBe(16);
    expect(preview.recipients.reduce((n, r) => n + r.tasks, 0)).toBe(8);
    expect(preview.sample).toHaveLength(16 + 8);
    expect(preview.sample.filter((s) => s.type === 'task').map((s) => s.id).sort()).toEqual([...tasks.onRecord.keys(), ...tasks.leftovers].sort());
    expect(preview.sample.find((s) => s.id === book.familyCustomer)).toMatchObject({ type: 'customer', title: '客户1' });
    expect(preview.sample.map((s) => s.id)).not.toContain(book.closedLead);
    expect(preview.sample.map((s) => s.id)).not.toContain(book.wonOpportunity);
    expect(await snapshot()).toEqual(before.snap);
    expect(await counts()).toEqual(before.counts);
    expect(await ownersOf('leads', book.leads)).toEqual(before.leads);
  });

  it('hands the whole book over to the team, families together, spread evenly, history untouched', async () => {
    const before = await snapshot();
    expect(before.activities.length).toBeGreaterThan(0);
    expect(before.stageHistory.length).toBeGreaterThan(book.opportunities.length);
    const tasksBefore = await taskRows();
    const result = await inTenant((tx) => runHandover(tx, manager, toTeam({ note: '离职交接' })));
    expect(result.totals).toEqual({ leads: 7, customers: 6, opportunities: 3, tasks: 8 });

    const leads = await ownersOf('leads', [...book.leads, book.closedLead]);
    const customers = await ownersOf('customers', [...book.customers, book.strayCustomer]);
    const opportunities = await ownersOf('opportunities', [...book.opportunities, book.wonOpportunity]);
    const recipients = [ids.s1, ids.s2, ids.s3];
    for (const id of book.leads) expect(recipients).toContain(leads.get(id));
    for (const id of book.customers) expect(recipients).toContain(customers.get(id));
    for (const id of book.opportunities) expect(recipients).toContain(opportunities.get(id));
    // What was closed stays with the leaver; the stray customer stays with its owner.
    expect(leads.get(book.closedLead)).toBe(ids.leaver);
    expect(opportunities.get(book.wonOpportunity)).toBe(ids.leaver);
    expect(customers.get(book.strayCustomer)).toBe(ids.south1);

    const familyOwner = customers.get(book.familyCustomer);
    expect(leads.get(book.familyLead)).toBe(familyOwner);
    for (const o of book.familyOpportunities) expect(opportunities.get(o)).toBe(familyOwner);
    expect(opportunities.get(book.strayOpportunity)).toBe(leads.get(book.strayLead));

    // 6 customer families + the stray family + 5 loose leads = 12 families, dealt out 4 each.
    const families = new Map<string, number>();
    const familyHeads = [...book.customers.map((c) => customers.get(c)), leads.get(book.strayLead), ...book.leads.slice(2).map((l) => leads.get(l))];
    for (const owner of familyHeads) families.set(owner!, (families.get(owner!) ?? 0) + 1);
    expect([...families.values()]).toEqual([4, 4, 4]);

    // Only owners moved: stages, stage history, activities and custom fields are as they were.
    expect(await snapshot()).toEqual(before);

    // Each task went with its record, the stray customer's with that customer's lead and opportunity;
    // the two on records that stayed behind were dealt out like families of their own.
    const tasksAfter = await taskRows();
    const assigneeOf = (id: string) => tasksAfter.find((t) => t.id === id)!.assignee_user_id;
    const ownerOf = (key: string) => {
      const [type, id] = key.split(':') as [string, string];
      return type === 'lead' ? leads.get(id) : type === 'customer' ? customers.get(id) : opportunities.get(id);
    };
    for (const [taskId, key] of tasks.onRecord) {
      expect(assigneeOf(taskId), key).toBe(key === `customer:${book.strayCustomer}` ? leads.get(book.strayLead) : ownerOf(key));
    }
    const leftoverAssignees = tasks.leftovers.map(assigneeOf);
    for (const a of leftoverAssignees) expect(recipients).toContain(a);
    expect(new Set(leftoverAssignees).size).toBe(2);
    expect(result.recipients.reduce((n, r) => n + r.tasks, 0)).toBe(8);
    // Only the assignee changed on a moved task; done, deleted, others' and the other leaver's did not change at all.
    expect(tasksAfter.map((t) => t.id)).toEqual(tasksBefore.map((t) => t.id));
    for (const was of tasksBefore) {
      const now = tasksAfter.find((t) => t.id === was.id)!;
      expect(now.row).toEqual(was.row);
      if (tasks.untouched.includes(was.id) || was.id === tasks.leaver2) expect(now).toEqual(was);
    }

    await inTenant(async (tx) => {
      const movements = await queryRows<{ record_type: string; record_id: string; from_user_id: string; to_user_id: string; actor_user_id: string; detail: { handoverId: string; note: string } }>(
        tx,
        sql`SELECT record_type, record_id, from_user_id, to_user_id, actor_user_id, detail FROM pool_movements WHERE kind = 'handover'`,
      );
      expect(movements).toHaveLength(13);
      expect(new Set(movements.map((m) => `${m.record_type}:${m.record_id}`)).size).toBe(13);
      for (const m of movements) {
        expect(m).toMatchObject({ from_user_id: ids.leaver, actor_user_id: ids.manager, detail: { handoverId: result.handoverId, note: '离职交接' } });
        expect(m.to_user_id).toBe(m.record_type === 'lead' ? leads.get(m.record_id) : customers.get(m.record_id));
      }
      const records = await queryRows<{ record_id: string; owner_user_id: string; claimed_at: Date | string; warned_deadline: unknown }>(
        tx,
        sql`SELECT record_id, owner_user_id, claimed_at, warned_deadline FROM pool_records WHERE record_id = ANY(${sql.param([...book.leads, ...book.customers])}::uuid[])`,
      );
      expect(records).toHaveLength(13);
      for (const r of records) {
        expect(r.owner_user_id).toBe(leads.get(r.record_id) ?? customers.get(r.record_id));
        expect(new Date(r.claimed_at).toISOString()).toBe(CLAIMED_AT);
        expect(r.warned_deadline).toBeNull();
      }
      const audits = await queryRows<{ actor_user_id: string; entity_id: string; after: Record<string, unknown> }>(tx, sql`SELECT actor_user_id, entity_id, after FROM audit_log WHERE action = 'pool.handover'`);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actor_user_id: ids.manager, entity_id: ids.leaver, after: { handoverId: result.handoverId, totals: result.totals, toTeamId: teams.eastSales, method: 'round_robin' } });
      expect((audits[0]!.after.leadIds as string[]).sort()).toEqual([...book.leads].sort());
      expect((audits[0]!.after.customerIds as string[]).sort()).toEqual([...book.customers].sort());
      expect((audits[0]!.after.opportunityIds as string[]).sort()).toEqual([...book.opportunities].sort());
      expect((audits[0]!.after.taskIds as string[]).sort()).toEqual([...tasks.onRecord.keys(), ...tasks.leftovers].sort());
      const notes = await queryRows<{ user_id: string; data: { count: number; fromName: string }; link: string }>(tx, sql`SELECT user_id, data, link FROM notifications WHERE kind = 'pool.handover'`);
      expect(notes.map((n) => n.user_id).sort()).toEqual(recipients.sort());
      for (const n of notes) {
        const r = result.recipients.find((x) => x.userId === n.user_id)!;
        expect(n).toMatchObject({ link: '/pool/mine', data: { fromName: '销售leaver', count: r.leads + r.customers + r.opportunities } });
      }
    });
  });

  it('a second run finds nothing left to move', async () => {
    const result = await inTenant((tx) => runHandover(tx, manager, toTeam()));
    expect(result.totals).toEqual({ leads: 0, customers: 0, opportunities: 0, tasks: 0 });
    expect((await counts()).movements).toBe(13);
  });

  it('least loaded gives to whoever holds least, and a single person may take just the customers', async () => {
    const preview = await inTenant((tx) => previewHandover(tx, admin, { fromUserId: ids.leaver2!, toTeamId: teams.south!, method: 'least_loaded' }));
    // south1 owns six customers already, south2 none: all three go to south2.
    expect(preview.recipients.map((r) => [r.userId, r.customers])).toEqual(
      expect.arrayContaining([[ids.south1, 0], [ids.south2, 3]]),
    );
    const result = await inTenant((tx) => runHandover(tx, admin, { fromUserId: ids.leaver2!, toUserId: ids.s1!, include: ['customers'] }));
    expect(result.totals).toEqual({ leads: 0, customers: 3, opportunities: 0, tasks: 0 });
    expect(result.recipients).toEqual([{ userId: ids.s1, name: '销售s1', leads: 0, customers: 3, opportunities: 0, tasks: 0 }]);
    // Tasks were left out of this handover: the one on a customer that moved stays with its person.
    expect((await taskRows()).find((t) => t.id === tasks.leaver2)).toMatchObject({ assignee_user_id: ids.leaver2 });
  });
});
