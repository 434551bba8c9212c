import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import { insertCustomers } from '../customers/index.ts';
import { createTeam, createUser } from '../org/index.ts';
import { generateDemoData } from './demo-data.ts';
import { fillDemoSales } from './sales-demo.service.ts';

export type DemoOptions = { seed?: number; teams?: number; users?: number; customers?: number; leads?: number; password?: string };
export type DemoSummary = { teams: number; users: number; customers: number; leads: number; opportunities: number; password: string };

/**
 * Fills a tenant with realistic demo data: a team tree, staff, customers owned by the sales
 * staff, and leads and opportunities in every state. Demo users share one password, returned so the caller can print it.
 */
export async function fillDemoTenant(db: Database, tenantId: string, options: DemoOptions = {}): Promise<DemoSummary> {
  const data = generateDemoData({
    seed: options.seed ?? 1,
    teams: options.teams,
    users: options.users,
    customers: options.customers ?? 300,
    now: new Date(),
  });
  const password = options.password ?? 'tide-demo-2026';
  const actor = { tenantId, userId: null };
  return db.tenantTx(tenantId, async (tx) => {
    const teamIds = new Map<string, string>();
    for (const team of data.teams) {
      const created = await createTeam(tx, actor, { name: team.name, parentId: team.parentKey ? teamIds.get(team.parentKey) : null });
      teamIds.set(team.key, created.id);
    }
    const userIds = new Map<string, string>();
    for (const user of data.users) {
      const created = await createUser(tx, actor, {
        name: user.name,
        email: user.email,
        mobile: user.mobile,
        password,
        roleKey: user.roleKey,
        teamId: teamIds.get(user.teamKey) ?? null,
      });
      userIds.set(user.key, created.id);
    }
    await insertCustomers(
      tx,
      tenantId,
      data.customers.map((c) => ({
        kind: c.kind,
        name: c.name,
        mobile: c.mobile ? `+86${c.mobile}` : null,
        email: c.email,
        nationalId: c.nationalId,
        creditCode: c.creditCode,
        province: c.province,
        city: c.city,
        district: c.district,
        street: c.street,
        address: c.address,
        industry: c.industry,
        source: c.source,
        // Owned by a seller whose team covers the customer's city; unowned ones wait in the public pool.
        ownerUserId: c.ownerKey ? (userIds.get(c.ownerKey) ?? null) : null,
      })),
    );
    const sellers = data.users.filter((u) => u.roleKey === 'sales').map((u) => userIds.get(u.key)!);
    const acting = data.users.find((u) => u.roleKey === 'manager') ?? data.users[0]!;
    const sales = await fillDemoSales(tx, tenantId, { actingUserId: userIds.get(acting.key)!, sellerIds: sellers }, options.seed ?? 1, options.leads ?? 120);
    const summary = { teams: data.teams.length, users: data.users.length, customers: data.customers.length, leads: sales.leads, opportunities: sales.opportunities, password };
    await recordAudit(tx, actor, { action: 'tenant.demo_fill', entity: 'tenant', entityId: tenantId, after: { ...summary, password: undefined } });
    return summary;
  });
}
