import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { createTeam, createUser } from '../org/index.ts';
import { collusionScanJob } from './collusion.jobs.ts';
import { collusionReport, getPoolSettings, updatePoolSettings } from './collusion.service.ts';
import { recordMovements, type Movement } from './movements.ts';

const HOUR = 3_600_000;

describe.each(DB_KINDS)('collusion detection on %s', (kind) => {
  let t: TestDatabase;
  let tenant: TestTenant;
  const ids: Record<string, string> = {};
  const teams: Record<string, string> = {};
  const records: Record<string, string> = {};
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => t.db.tenantTx(tenant.id, fn);
  const callerOf = (who: string, dataScope: Caller['dataScope'], teamId: string | null): Caller => ({
    tenantId: tenant.id, userId: ids[who]!, name: who, roleKey: dataScope === 'all' ? 'admin' : 'manager', dataScope, teamId,
    permissions: ['pool.manage'], locale: 'zh-CN', via: 'session', ip: null, requestId: null,
  });
  let admin: Caller;
  let eastManager: Caller;
  const now = new Date();
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

  /** `from` lets the record fall, `to` claims it `gap` hours later, `start` hours ago. */
  const handOff = (record: string, from: string, to: string, start: number, gap: number, left: 'fall' | 'release' = 'fall'): Movement[] => [
    { recordType: 'lead', recordId: records[record]!, kind: left, fromUserId: ids[from], at: ago(start) },
    { recordType: 'lead', recordId: records[record]!, kind: 'claim', toUserId: ids[to], at: ago(start - gap) },
  ];
  const job = (tenantId = tenant.id) => collusionScanJob.run({ db: t.db, log: () => {} }, { tenantId });
  const notesOf = (kindOf: string) =>
    inTenant((tx) => queryRows<{ user_id: string; data: Record<string, unknown>; link: string }>(tx, sql`SELECT user_id, data, link FROM notifications WHERE kind = ${kindOf} ORDER BY user_id`));

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    tenant = await buildTenant(t);
    await inTenant(async (tx) => {
      const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM users WHERE email = ${tenant.adminLogin}`);
      ids.admin = row!.id;
      const actor = { tenantId: tenant.id, userId: ids.admin };
      teams.east = (await createTeam(tx, actor, { name: '华东区' })).id;
      teams.south = (await createTeam(tx, actor, { name: '华南区' })).id;
      const people = [
        ['eastManager', 'manager', teams.east],
        ['southManager', 'manager', teams.south],
        ['a', 'sales', teams.east],
        ['b', 'sales', teams.east],
        ['c', 'sales', teams.east],
        ['d', 'sales', teams.south],
      ] as const;
      for (const [key, roleKey, teamId] of people) {
        ids[key] = (await createUser(tx, actor, { name: `销售${key}`, email: `${key}@x.test`, password: 'password-1', roleKey, teamId })).id;
      }
      const [pool] = await queryRows<{ id: string }>(tx, sql`INSERT INTO pools (tenant_id, name) VALUES (${tenant.id}, '测试公海') RETURNING id`);
      for (const r of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'old']) {
        records[r] = randomUUID();
        await tx.execute(sql`INSERT INTO pool_records (tenant_id, record_type, record_id, pool_id, title) VALUES (${tenant.id}, 'lead', ${records[r]}, ${pool!.id}, ${`记录${r}`})`);
      }
      await recordMovements(tx, tenant.id, [
        // a feeds b three records within hours; b hands r1 back after the protection period.
        ...handOff('r1', 'a', 'b', 500, 2),
        ...handOff('r2', 'a', 'b', 400, 5, 'release'),
        ...handOff('r3', 'a', 'b', 300, 3),
        ...handOff('r1', 'b', 'a', 300, 1),
        ...handOff('r1', 'a', 'b', 100, 1),
        // b feeds d (another team) three records.
        ...handOff('r4', 'b', 'd', 200, 1),
        ...handOff('r5', 'b', 'd', 190, 1),
        ...handOff('r6', 'b', 'd', 180, 1),
        // c gives a two: below the threshold; and one claimed too late to count.
        ...handOff('r7', 'c', 'a', 150, 1),
        ...handOff('r8', 'c', 'a', 140, 72.5),
        ...handOff('r9', 'c', 'a', 120, 1),
        // Long before the lookback: ignored, or c and a would have three.
        ...handOff('old', 'c', 'a', 100 * 24, 1),
      ]);
    });
    admin = callerOf('admin', 'all', null);
    eastManager = callerOf('eastManager', 'team', teams.east!);
  });
  afterAll(() => t?.drop());

  it('settings have defaults until saved; a save is checked and audited', async () => {
    expect(await inTenant((tx) => getPoolSettings(tx))).toEqual({ collusionGapHours: 72, collusionMinRecords: 3, collusionLookbackDays: 90, circulationMinMoves: 3 });
    const bad = await inTenant((tx) => updatePoolSettings(tx, admin, { circulationMinMoves: 1 })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect([(bad as AppError).status, Object.keys((bad as AppError).fields ?? {})]).toEqual([400, ['circulationMinMoves']]);
    const saved = await inTenant((tx) => updatePoolSettings(tx, admin, { circulationMinMoves: 2 }));
    expect(saved).toMatchObject({ collusionGapHours: 72, circulationMinMoves: 2 });
    expect(await inTenant((tx) => getPoolSettings(tx))).toEqual(saved);
    const audits = await inTenant((tx) => queryRows<{ before: unknown; after: unknown }>(tx, sql`SELECT before, after FROM audit_log WHERE action = 'pool.settings_update'`));
    expect(audits).toEqual([{ before: expect.objectContaining({ circulationMinMoves: 3 }), after: expect.objectContaining({ circulationMinMoves: 2 }) }]);
  });

  it('reports the pairs with names, titles and evidence, and the records going round', async () => {
    const report = await inTenant((tx) => collusionReport(tx, admin, now));
    // Equal counts: the quicker pickups first.
    expect(report.pairs.map((p) => `${p.fromName}>${p.toName}:${p.records}:${p.medianGapHours}`)).toEqual(['销售b>销售d:3:1', '销售a>销售b:3:2.5']);
    const ab = report.pairs[1]!;
    expect(ab).toMatchObject({ fromUserId: ids.a, toUserId: ids.b, medianGapHours: 2.5 });
    expect(ab.evidence).toHaveLength(4);
    expect(ab.evidence[0]).toEqual({ type: 'lead', id: records.r1, title: '记录r1', leftKind: 'fall', leftAt: ago(500).toISOString(), claimedAt: ago(498).toISOString(), gapHours: 2 });
    expect(ab.evidence.find((e) => e.id === records.r2)?.leftKind).toBe('release');
    expect(report.circulating).toHaveLength(1);
    expect(report.circulating[0]).toMatchObject({ id: records.r1, title: '记录r1', moves: 3, users: [{ userId: ids.a, name: '销售a' }, { userId: ids.b, name: '销售b' }] });
    expect(report.circulating[0]!.history).toHaveLength(6);
  });

  it('a team manager sees only what happens among their own people', async () => {
    const report = await inTenant((tx) => collusionReport(tx, eastManager, now));
    expect(report.pairs.map((p) => `${p.fromName}>${p.toName}`)).toEqual(['销售a>销售b']);
    expect(report.circulating).toHaveLength(1);
    const south = await inTenant((tx) => collusionReport(tx, callerOf('southManager', 'team', teams.south!), now));
    expect(south).toEqual({ pairs: [], circulating: [] });
  });

  it('the nightly scan tells each manager who can see both people once, and again only after the pair cleared', async () => {
    await inTenant((tx) => tx.execute(sql`INSERT INTO webhooks (tenant_id, name, url, events, secret) VALUES (${tenant.id}, '风控', 'https://hooks.example.com/x', '{pool.collusion}', 's')`));
    await job();
    const notes = await notesOf('pool.collusion');
    const told = (from: string, to: string) => notes.filter((n) => n.data.fromUserId === ids[from] && n.data.toUserId === ids[to]).map((n) => n.user_id).sort();
    expect(told('a', 'b')).toEqual([ids.admin, ids.eastManager].sort());
    expect(told('b', 'd')).toEqual([ids.admin]);
    expect(notes).toHaveLength(3);
    expect(notes.find((n) => n.data.fromUserId === ids.a)).toMatchObject({ link: '/pool/collusion', data: { fromName: '销售a', toName: '销售b', records: 3 } });
    const deliveries = await inTenant((tx) => queryRows<{ event: string; payload: Record<string, unknown> }>(tx, sql`SELECT event, payload FROM webhook_deliveries`));
    expect(deliveries.map((d) => `${d.event}:${d.payload.fromName}>${d.payload.toName}`).sort()).toEqual(['pool.collusion:销售a>销售b', 'pool.collusion:销售b>销售d']);
    const alerts = await inTenant((tx) => queryRows<{ from_user_id: string; last_records: number }>(tx, sql`SELECT from_user_id, last_records FROM pool_collusion_alerts ORDER BY from_user_id`));
    expect(alerts).toHaveLength(2);

    await job();
    expect(await notesOf('pool.collusion')).toHaveLength(3);

    // With four records needed neither pair counts any more, so both are forgotten and announced anew later.
    await inTenant((tx) => updatePoolSettings(tx, admin, { collusionMinRecords: 4 }));
    await job();
    expect(await inTenant((tx) => queryRows(tx, sql`SELECT 1 FROM pool_collusion_alerts`))).toHaveLength(0);
    await inTenant((tx) => updatePoolSettings(tx, admin, { collusionMinRecords: 3 }));
    await job();
    expect(await notesOf('pool.collusion')).toHaveLength(6);
  });

  it('keeps tenants apart', async () => {
    const other = await buildTenant(t);
    await collusionScanJob.run({ db: t.db, log: () => {} }, { tenantId: other.id });
    const report = await t.db.tenantTx(other.id, async (tx) => {
      const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM users WHERE email = ${other.adminLogin}`);
      return collusionReport(tx, { ...admin, tenantId: other.id, userId: row!.id }, now);
    });
    expect(report).toEqual({ pairs: [], circulating: [] });
  });
});
