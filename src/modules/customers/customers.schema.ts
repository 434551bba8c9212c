import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';

const text = (max: number) => z.string().trim().max(max).nullish();
const kind = z.enum(['person', 'company']);

export const customerSchema = z.object({
  id: z.uuid(),
  kind,
  name: z.string(),
  mobile: z.string().nullable(),
  mobileStatus: z.enum(['valid', 'invalid', 'dead']).nullable(),
  email: z.string().nullable(),
  nationalId: z.string().nullable(),
  creditCode: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  street: z.string().nullable(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  flags: z.array(z.string()),
  completeness: z.number().int(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const customerPage = page(customerSchema);

const fields = {
  name: z.string().trim().min(1).max(200),
  mobile: text(40),
  email: text(200),
  nationalId: text(30),
  creditCode: text(30),
  province: text(50),
  city: text(50),
  district: text(50),
  street: text(100),
  address: text(300),
  industry: text(100),
  source: text(50),
  ownerUserId: z.uuid().nullish(),
  externalId: text(100),
};
export const customerCreateBody = z.strictObject({ kind, ...fields });
export const customerUpdateBody = z.strictObject({ ...fields, kind: kind.optional(), name: fields.name.optional() });

export const customerFilterQuery = {
  ...listQuery,
  kind: kind.optional(),
  tag: z.string().trim().max(50).optional(),
  province: z.string().trim().max(50).optional(),
  city: z.string().trim().max(50).optional(),
  source: z.string().trim().max(50).optional(),
  ownerUserId: z.uuid().optional(),
  flag: z.string().trim().max(50).optional(),
  maxCompleteness: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'name', '-name', 'completeness', '-completeness']).optional(),
};
export const customerListQuery = z.strictObject(customerFilterQuery);
export const customerExportQuery = z.strictObject({ ...customerFilterQuery, format: z.enum(['csv', 'xlsx']).default('csv') });

export const tagsBody = z.strictObject({ tags: z.array(z.string().trim().min(1).max(50)).max(100) });

export const customerDetailSchema = z.object({
  customer: customerSchema,
  identities: z.array(z.object({ kind: z.string(), value: z.string(), source: z.string().nullable(), createdAt: z.string() })),
  contacts: z.array(z.object({ id: z.uuid(), name: z.string(), mobile: z.string().nullable(), email: z.string().nullable(), title: z.string().nullable() })),
  orders: z.array(z.object({ id: z.uuid(), channel: z.string(), orderNo: z.string(), orderedAt: z.string(), amount: z.string(), items: z.unknown() })),
  orderTotals: z.object({ count: z.number(), amount: z.string() }),
  sources: z.array(z.object({ channel: z.string(), importId: z.uuid().nullable(), line: z.number().nullable(), receivedAt: z.string() })),
  merges: z.array(
    z.object({
      id: z.uuid(),
      survivorId: z.uuid(),
      mergedId: z.uuid(),
      score: z.number().nullable(),
      reasons: z.unknown(),
      automatic: z.boolean(),
      at: z.string(),
      undoneAt: z.string().nullable(),
    }),
  ),
});
