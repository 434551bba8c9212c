import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, startTestApp, type TestApp, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS } from '../../../test/helpers/databases.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import { dayBounds } from './rules/due.ts';

const HOUR = 3_600_000;

describe.each(DB_KINDS)('follow-up tasks on %s', (kind) => {
  let h: TestApp;
  let tenant: TestTenant;
  let admin: string;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (method: Method, url: string, cookie: string, payload?: object) => h.app.inject({ method, url, payload, headers: { cookie } });
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => h.t.db.tenantTx(tenant.id, fn);
  const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
  /** Later today in China, whatever the hour the test runs at. */
  const laterToday = () => {
    const now = Date.now();
    return new Date(now + (dayBounds(new Date(now)).startOfTomorrow.getTime() - now) / 2).toISOString();
  };
  const create = async (who: string, fields: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/tasks', cookies[who]!, { recordType: 'lead', recordId: ids.lead, title: '回电话确认报价', kind: 'call', dueAt: inHours(24), ...fields });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; assigneeUserId: string; due: string; canChange: boolean; recordTitle: string };
  };
  const list = async (who: string, query: string) => {
    const res = await call('GET', `/api/v1/tasks?${query}`, cookies[who]!);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; title: string; due: string | null; assigneeUserId: string; canChange: boolean; doneAt: string | null; recordTitle: string | null }[];
  };
  const audits = (id: string) => inTenant((tx) => queryRows<{ action: string; actor_user_id: string }>(tx, sql`SELECT action, actor_user_id FROM audit_log WHERE entity = 'task' AND entity_id = ${id} ORDER BY at, id`));

  beforeAll(async () => {
    h = await startTestApp(kind);
    tenant = await buildTenant(h.t);
    admin = await h.login(tenant.adminLogin, tenant.password);
    cookies.admin = admin;
    const east = (await call('POST', '/api/v1/teams', admin, { name: '华东' })).json();
    const south = (await call('POST', '/api/v1/teams', admin, { name: '华南' })).json();
    const people = [
      ['manager', 'manager', east.id],
      ['sales1', 'sales', east.id],
      ['sales2', 'sales', east.id],
      ['sales3', 'sales', south.id],
      ['gone', 'sales', east.id],
      ['service', 'service', east.id],
    ] as const;
    for (const [key, roleKey, teamId] of people) {
      const res = await call('POST', '/api/v1/users', admin, { name: `用户${key}`, email: `${key}@tasks.test`, password: 'password-1', roleKey, teamId });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      cookies[key] = await h.login(`${key}@tasks.test`, 'password-1');
    }
    await call('PATCH', `/api/v1/users/${ids.gone}`, admin, { status: 'inactive' });
    const lead = await call('POST', '/api/v1/leads', cookies.sales1!, { name: '周建国', company: '宁波精密机械', mobile: '13912340001', province: '浙江省' });
    expect(lead.statusCode, lead.body).toBe(201);
    ids.lead = lead.json().lead.id;
    const other = await call('POST', '/api/v1/leads', cookies.sales2!, { name: '吴芳', mobile: '13912340002', province: '浙江省' });
    ids.otherLead = other.json().lead.id;
    const customer = await call('POST', '/api/v1/customers', cookies.sales1!, { kind: 'company', name: '杭州云帆科技有限公司', province: '浙江省' });
    expect(customer.statusCode, customer.body).toBe(201);
    ids.customer = customer.json().id;
    const opportunity = await call('POST', '/api/v1/opportunities', cookies.sales1!, { customerId: ids.customer, name: '年度采购', amount: 50000 });
    expect(opportunity.statusCode, opportunity.body).toBe(201);
    ids.opportunity = opportunity.json().id;
  });
  afterAll(() => h?.close());

  it('a salesperson plans a follow-up on their lead, for themself, and the audit log has it', async () => {
    const res = await call('POST', '/api/v1/tasks', cookies.sales1!, { recordType: 'lead', recordId: ids.lead, title: '  回电话确认报价 ', kind: 'call', dueAt: inHours(30), note: '客户要 3 台' });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      recordType: 'lead',
      recordId: ids.lead,
      recordTitle: '宁波精密机械 · 周建国',
      title: '回电话确认报价',
      kind: 'call',
      due: 'upcoming',
      assigneeUserId: ids.sales1,
      assigneeName: '用户sales1',
      note: '客户要 3 台',
      doneAt: null,
      createdBy: ids.sales1,
      canChange: true,
    });
    expect(await audits(task.id)).toEqual([{ action: 'task.create', actor_user_id: ids.sales1 }]);
    ids.first = task.id;
  });

  it('refuses bad input with the field named', async () => {
    const base = { recordType: 'lead', recordId: ids.lead, title: '跟进', kind: 'call', dueAt: inHours(1) };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, 'title'],
      [{ title: undefined }, 'title'],
      [{ kind: 'fax' }, 'kind'],
      [{ dueAt: '明天下午' }, 'dueAt'],
      [{ dueAt: undefined }, 'dueAt'],
      [{ recordType: 'order' }, 'recordType'],
      [{ recordId: 'not-a-uuid' }, 'recordId'],
      [{ priority: 'high' }, 'priority'],
      // Someone else's lead is not the caller's to plan on, nor is one that does not exist.
      [{ recordId: ids.otherLead }, 'recordId'],
      [{ recordId: '00000000-0000-4000-8000-000000000000' }, 'recordId'],
      [{ recordType: 'customer', recordId: ids.lead }, 'recordId'],
    ];
    for (const [patch, field] of cases) {
      const res = await call('POST', '/api/v1/tasks', cookies.sales1!, { ...base, ...patch });
      expect(res.statusCode, `${JSON.stringify(patch)} ${res.body}`).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(patch)).toEqual([field]);
    }
    const patch = await call('PATCH', `/api/v1/tasks/${ids.first}`, cookies.sales1!, { dueAt: 'soon' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.fields).toHaveProperty('dueAt');
    const query = await call('GET', '/api/v1/tasks?status=done&due=today', cookies.sales1!);
    expect(query.statusCode).toBe(400);
    expect(query.json().error.fields).toHaveProperty('query.due');
    const noType = await call('GET', `/api/v1/tasks?recordId=${ids.lead}`, cookies.sales1!);
    expect(noType.statusCode).toBe(400);
    expect(noType.json().error.fields).toHaveProperty('query.recordType');
  });

  it('tasks go on customers and opportunities too; a colleague needs leads.assign and must be in the team', async () => {
    const onCustomer = await create('sales1', { recordType: 'customer', recordId: ids.customer, title: '上门拜访', kind: 'visit' });
    expect(onCustomer.recordTitle).toBe('杭州云帆科技有限公司');
    const onOpportunity = await create('sales1', { recordType: 'opportunity', recordId: ids.opportunity, title: '发合同', kind: 'email' });
    expect(onOpportunity.recordTitle).toBe('年度采购');
    ids.onCustomer = onCustomer.id;
    ids.onOpportunity = onOpportunity.id;

    const bySales = await call('POST', '/api/v1/tasks', cookies.sales1!, { recordType: 'lead', recordId: ids.lead, title: '你来打', kind: 'call', dueAt: inHours(5), assigneeUserId: ids.sales2 });
    expect(bySales.statusCode).toBe(403);
    expect(bySales.json().error.fields).toHaveProperty('assigneeUserId');
    const forSelf = await call('POST', '/api/v1/tasks', cookies.sales1!, { recordType: 'lead', recordId: ids.lead, title: '自己打', kind: 'wechat', dueAt: inHours(5), assigneeUserId: ids.sales1 });
    expect(forSelf.statusCode, forSelf.body).toBe(201);

    const byManager = await create('manager', { title: '经理安排：回访', assigneeUserId: ids.sales1, dueAt: laterToday() });
    expect(byManager).toMatchObject({ assigneeUserId: ids.sales1, due: 'today', canChange: true });
    ids.byManager = byManager.id;
    const outside = await call('POST', '/api/v1/tasks', cookies.manager!, { recordType: 'lead', recordId: ids.lead, title: '跨区', kind: 'call', dueAt: inHours(5), assigneeUserId: ids.sales3 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'assignee_outside_team', fields: { assigneeUserId: expect.any(String) } });
    const inactive = await call('POST', '/api/v1/tasks', cookies.manager!, { recordType: 'lead', recordId: ids.lead, title: '停用', kind: 'call', dueAt: inHours(5), assigneeUserId: ids.gone });
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().error.fields).toHaveProperty('assigneeUserId');
    const unknown = await call('POST', '/api/v1/tasks', cookies.manager!, { recordType: 'lead', recordId: ids.lead, title: '谁', kind: 'call', dueAt: inHours(5), assigneeUserId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('assigneeUserId');

    // A role that only reads may look but not plan.
    const service = await call('POST', '/api/v1/tasks', cookies.service!, { recordType: 'lead', recordId: ids.lead, title: '看看', kind: 'call', dueAt: inHours(5) });
    expect(service.statusCode).toBe(403);
    expect((await call('GET', '/api/v1/tasks', cookies.service!)).statusCode).toBe(200);
  });

  it('lists my open tasks by overdue, today and upcoming, soonest first, with counts for the tabs', async () => {
    const overdue = await create('sales1', { title: '昨天该打的电话', dueAt: inHours(-26) });
    const lateToday = await create('sales1', { title: '刚过点的电话', dueAt: inHours(-0.01) });
    expect(overdue.due).toBe('overdue');
    expect(lateToday.due).toBe('overdue');
    const overdueList = await list('sales1', 'due=overdue');
    expect(overdueList.map((t) => t.id)).toEqual([overdue.id, lateToday.id]);
    const today = await list('sales1', 'due=today');
    expect(today.map((t) => t.id)).toContain(ids.byManager);
    expect(today.every((t) => t.due === 'today')).toBe(true);
    const upcoming = await list('sales1', 'due=upcoming');
    expect(upcoming.map((t) => t.id)).toEqual(expect.arrayContaining([ids.first, ids.onCustomer, ids.onOpportunity]));
    expect(upcoming.every((t) => t.due === 'upcoming')).toBe(true);
    const all = await list('sales1', 'status=open');
    expect(all).toHaveLength(overdueList.length + today.length + upcoming.length);
    const times = all.map((t) => t.id);
    expect(times.slice(0, 2)).toEqual([overdue.id, lateToday.id]);

    const counts = await call('GET', '/api/v1/tasks/counts', cookies.sales1!);
    expect(counts.json()).toEqual({ overdue: overdueList.length, today: today.length, upcoming: upcoming.length });

    // Paging: two at a time, every task once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/api/v1/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, cookies.sales1!);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(times);
  });

  it('a manager sees the team’s tasks; a salesperson only their own; a record shows everyone’s on it', async () => {
    const mine = await create('manager', { title: '经理自己的', assigneeUserId: ids.manager });
    const team = await list('manager', 'scope=team&limit=200');
    expect(new Set(team.map((t) => t.assigneeUserId))).toEqual(new Set([ids.sales1, ids.manager]));
    expect(team.every((t) => t.canChange)).toBe(true);
    const salesTeam = await list('sales1', 'scope=team&limit=200');
    expect(salesTeam.every((t) => t.assigneeUserId === ids.sales1)).toBe(true);
    expect(await list('sales3', 'scope=team')).toEqual([]);

    const onRecord = await list('sales1', `recordType=lead&recordId=${ids.lead}&limit=200`);
    expect(onRecord.map((t) => t.id)).toContain(mine.id);
    expect(onRecord.find((t) => t.id === mine.id)).toMatchObject({ canChange: false, recordTitle: '宁波精密机械 · 周建国' });
    const notVisible = await call('GET', `/api/v1/tasks?recordType=lead&recordId=${ids.otherLead}`, cookies.sales1!);
    expect(notVisible.statusCode).toBe(400);
    expect(notVisible.json().error.fields).toHaveProperty('recordId');
  });

  it('only the assignee, the creator or their manager may change a task; others get 404', async () => {
    for (const who of ['sales2', 'sales3']) {
      expect((await call('PATCH', `/api/v1/tasks/${ids.first}`, cookies[who]!, { title: '改掉' })).statusCode).toBe(404);
      expect((await call('POST', `/api/v1/tasks/${ids.first}/done`, cookies[who]!)).statusCode).toBe(404);
      expect((await call('DELETE', `/api/v1/tasks/${ids.first}`, cookies[who]!)).statusCode).toBe(404);
    }
    const byManager = await call('PATCH', `/api/v1/tasks/${ids.first}`, cookies.manager!, { title: '回电话确认报价（经理改）', kind: 'visit', note: null });
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json()).toMatchObject({ title: '回电话确认报价（经理改）', kind: 'visit', note: null, assigneeUserId: ids.sales1 });
    expect((await audits(ids.first!)).map((a) => a.action)).toEqual(['task.create', 'task.update']);

    // The creator keeps the task in hand even after it went to someone outside their team.
    const moved = await call('PATCH', `/api/v1/tasks/${ids.byManager}`, admin, { assigneeUserId: ids.sales3 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assigneeUserId).toBe(ids.sales3);
    const byCreator = await call('PATCH', `/api/v1/tasks/${ids.byManager}`, cookies.manager!, { dueAt: inHours(48) });
    expect(byCreator.statusCode, byCreator.body).toBe(200);
    expect(byCreator.json().due).toBe('upcoming');
    // ...but may not hand it to someone outside their team.
    const away = await call('PATCH', `/api/v1/tasks/${ids.first}`, cookies.manager!, { assigneeUserId: ids.sales3 });
    expect(away.statusCode).toBe(403);
    expect(away.json().error.fields).toHaveProperty('assigneeUserId');
  });

  it('completing a task on a lead counts as its follow-up for the pool, once; on an opportunity it just completes', async () => {
    const before = await inTenant((tx) => queryRows<{ last_follow_up_at: Date | string | null }>(tx, sql`SELECT last_follow_up_at FROM pool_records WHERE record_type = 'lead' AND record_id = ${ids.lead}`));
    expect(before).toHaveLength(1);
    const res = await call('POST', `/api/v1/tasks/${ids.first}/done`, cookies.sales1!);
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done).toMatchObject({ doneBy: ids.sales1, doneByName: '用户sales1', due: null });
    expect(done.doneAt).toEqual(expect.any(String));
    const [after] = await inTenant((tx) => queryRows<{ last_follow_up_at: Date | string }>(tx, sql`SELECT last_follow_up_at FROM pool_records WHERE record_type = 'lead' AND record_id = ${ids.lead}`));
    expect(new Date(after!.last_follow_up_at).toISOString()).toBe(done.doneAt);

    const again = await call('POST', `/api/v1/tasks/${ids.first}/done`, cookies.sales1!);
    expect(again.statusCode).toBe(200);
    expect(again.json().doneAt).toBe(done.doneAt);
    expect((await audits(ids.first!)).map((a) => a.action)).toEqual(['task.create', 'task.update', 'task.done']);

    const customer = await call('POST', `/api/v1/tasks/${ids.onCustomer}/done`, cookies.sales1!);
    expect(customer.statusCode, customer.body).toBe(200);
    const [record] = await inTenant((tx) => queryRows<{ last_follow_up_at: Date | string }>(tx, sql`SELECT last_follow_up_at FROM pool_records WHERE record_type = 'customer' AND record_id = ${ids.customer}`));
    expect(new Date(record!.last_follow_up_at).toISOString()).toBe(customer.json().doneAt);

    const opportunity = await call('POST', `/api/v1/tasks/${ids.onOpportunity}/done`, cookies.sales1!);
    expect(opportunity.statusCode, opportunity.body).toBe(200);

    const open = await list('sales1', 'status=open&limit=200');
    expect(open.map((t) => t.id)).not.toContain(ids.first);
    const doneList = await list('sales1', 'status=done');
    expect(doneList.map((t) => t.id)).toEqual([ids.onOpportunity, ids.onCustomer, ids.first]);
  });

  it('a deleted task is gone from every list and stays in the audit log', async () => {
    const task = await create('sales1', { title: '要删的' });
    const res = await call('DELETE', `/api/v1/tasks/${task.id}`, cookies.sales1!);
    expect(res.statusCode).toBe(204);
    expect((await list('sales1', 'limit=200')).map((t) => t.id)).not.toContain(task.id);
    expect((await list('manager', `recordType=lead&recordId=${ids.lead}&limit=200`)).map((t) => t.id)).not.toContain(task.id);
    expect((await call('POST', `/api/v1/tasks/${task.id}/done`, cookies.sales1!)).statusCode).toBe(404);
    expect((await audits(task.id)).map((a) => a.action)).toEqual(['task.create', 'task.delete']);
    const [row] = await inTenant((tx) => queryRows<{ deleted_at: unknown }>(tx, sql`SELECT deleted_at FROM follow_up_tasks WHERE id = ${task.id}`));
    expect(row!.deleted_at).not.toBeNull();
  });

  it('qualifying a lead carries its open follow-ups to the customer; done ones stay on the lead', async () => {
    const lead = await call('POST', '/api/v1/leads', cookies.sales1!, { name: '钱多多', company: '温州鹿城鞋业', mobile: '13912340009', province: '浙江省' });
    expect(lead.statusCode, lead.body).toBe(201);
    const leadId = lead.json().lead.id as string;
    const open = await create('sales1', { recordId: leadId, title: '下周上门' });
    const done = await create('sales1', { recordId: leadId, title: '首次电话' });
    expect((await call('POST', `/api/v1/tasks/${done.id}/done`, cookies.sales1!)).statusCode).toBe(200);
    const qualified = await call('POST', `/api/v1/leads/${leadId}/qualify`, cookies.sales1!, {});
    expect(qualified.statusCode, qualified.body).toBe(200);
    const customerId = qualified.json().customerId as string;
    const on = async (recordType: string, recordId: string) =>
      [...(await list('sales1', `recordType=${recordType}&recordId=${recordId}`)), ...(await list('sales1', `recordType=${recordType}&recordId=${recordId}&status=done`))];
    expect((await on('customer', customerId)).map((t) => [t.id, t.recordTitle])).toEqual([[open.id, '温州鹿城鞋业']]);
    expect((await on('lead', leadId)).map((t) => t.id)).toEqual([done.id]);
    expect((await audits(open.id)).map((a) => a.action)).toEqual(['task.create', 'task.update']);
  });

  it('another tenant sees none of it', async () => {
    const other = await buildTenant(h.t);
    const cookie = await h.login(other.adminLogin, other.password);
    const res = await call('GET', '/api/v1/tasks?scope=team&limit=200', cookie);
    expect(res.json().items).toEqual([]);
    expect((await call('POST', `/api/v1/tasks/${ids.onCustomer}/done`, cookie)).statusCode).toBe(404);
  });
});
