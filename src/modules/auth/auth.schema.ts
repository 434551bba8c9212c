import { z } from 'zod';
import { PERMISSION_KEYS, ROLE_KEYS } from '../org/permissions.ts';

export const locale = z.enum(['zh-CN', 'en-US']);
export const password = z.string().min(8).max(200);

export const loginBody = z.strictObject({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
  tenant: z.string().trim().max(40).optional(),
});

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    roleKey: z.enum(ROLE_KEYS),
    teamId: z.uuid().nullable(),
    locale,
  }),
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  permissions: z.array(z.enum(PERMISSION_KEYS)),
  dataScope: z.enum(['own', 'team', 'all']),
});

export const mePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  locale: locale.optional(),
  password: password.optional(),
  currentPassword: z.string().max(200).optional(),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
