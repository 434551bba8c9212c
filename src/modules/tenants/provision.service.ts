import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import { createUser, seedRoles, type User } from '../org/index.ts';
import type { Locale } from '../../server/messages.ts';
import { insertTenant, type Tenant } from './tenants.service.ts';

export type ProvisionInput = {
  slug: string;
  name: string;
  admin: { name: string; email?: string | null; mobile?: string | null; password: string; locale?: Locale };
};

/** A new tenant with its four roles and a first administrator, in one transaction. */
export async function provisionTenant(db: Database, input: ProvisionInput): Promise<{ tenant: Tenant; admin: User }> {
  const id = randomUUID();
  return db.tenantTx(id, async (tx) => {
    const actor = { tenantId: id, userId: null };
    const tenant = await insertTenant(tx, { id, slug: input.slug, name: input.name });
    await seedRoles(tx, id);
    const admin = await createUser(tx, actor, { ...input.admin, roleKey: 'admin' });
    await recordAudit(tx, actor, { action: 'tenant.create', entity: 'tenant', entityId: id, after: tenant });
    return { tenant, admin };
  });
}
