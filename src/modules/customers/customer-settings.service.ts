
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { recordAudit } from '../audit/index.ts';
import { customerSettings } from './customers.tables.ts';
import { DEFAULT_TEMPLATES } from './rules/completeness.ts';

const templateField = z.enum(['name', 'mobile', 'email', 'nationalId', 'creditCode', 'province', 'city', 'district', 'street', 'address', 'industry', 'source']);
const template = z.strictObject({ required: z.array(templateField).max(12), wanted: z.array(templateField).max(12) });

export const settingsSchema = z.strictObject({
  thresholds: z
    .strictObject({ autoMergeAt: z.number().min(0.5).max(1), reviewAt: z.number().min(0.3).max(1) })
    .refine((t) => t.reviewAt <= t.autoMergeAt, { message: 'reviewAt must not exceed autoMergeAt', path: ['reviewAt'] }),
  sourceTrust: z.array(z.string().trim().min(1).max(50)).max(50),
  survivorship: z.record(z.string().max(50), z.enum(['newest_non_empty', 'most_trusted_source'])),
  fieldTemplates: z.strictObject({ person: template, company: template }),
});
export type CustomerSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: CustomerSettings = {
  thresholds: { autoMergeAt: 0.9, reviewAt: 0.7 },
  sourceTrust: ['erp', 'api', 'online_shop', 'dealer', 'web_form', 'call_list'],
  survivorship: {},
  fieldTemplates: DEFAULT_TEMPLATES,
};

/** The tenant's data settings; anything never set comes from the defaults. */
export async function getCustomerSettings(tx: Tx): Promise<CustomerSettings> {
  const [row] = await tx.select().from(customerSettings);
  return { ...DEFAULT_SETTINGS, ...(row?.settings as Partial<CustomerSettings> | undefined) };
}

export async function putCustomerSettings(tx: Tx, actor: Actor, settings: CustomerSettings): Promise<CustomerSettings> {
  const before = await getCustomerSettings(tx);
  await tx
    .insert(customerSettings)
    .values({ tenantId: actor.tenantId, settings })
    .onConflictDoUpdate({ target: customerSettings.tenantId, set: { settings, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: 'customer_settings.update', entity: 'customer_settings', entityId: actor.tenantId, before, after: settings });
  return settings;
}

