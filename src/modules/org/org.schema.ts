import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';
import { PERMISSION_KEYS, ROLE_KEYS } from './permissions.ts';

const locale = z.enum(['zh-CN', 'en-US']);
const roleKey = z.enum(ROLE_KEYS);
const name = z.string().trim().min(1).max(100);
const email = z.email().max(200);
const mobile = z.string().trim().max(30);

export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  roleKey,
  teamId: z.uuid().nullable(),
  status: z.enum(['active', 'inactive']),
  locale,
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const userPage = page(userSchema);

export const userListQuery = z.strictObject({
  ...listQuery,
  roleKey: roleKey.optional(),
  teamId: z.uuid().optional(),
  status: z.enum(['active', 'inactive']).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).optional(),
});

export const userCreateBody = z.strictObject({
  name,
  email: email.nullish(),
  mobile: mobile.nullish(),
  password: z.string().min(8).max(200),
  roleKey,
  teamId: z.uuid().nullish(),
  locale: locale.optional(),
});

export const userUpdateBody = z.strictObject({
  name: name.optional(),
  email: email.nullish(),
  mobile: mobile.nullish(),
  password: z.string().min(8).max(200).optional(),
  roleKey: roleKey.optional(),
  teamId: z.uuid().nullish(),
  locale: locale.optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  managerUserId: z.uuid().nullable(),
  memberCount: z.number().int(),
});

export const teamCreateBody = z.strictObject({ name, parentId: z.uuid().nullish(), managerUserId: z.uuid().nullish() });
export const teamUpdateBody = z.strictObject({ name: name.optional(), parentId: z.uuid().nullish(), managerUserId: z.uuid().nullish() });

export const roleSchema = z.object({
  key: roleKey,
  dataScope: z.enum(['own', 'team', 'all']),
  permissions: z.array(z.enum(PERMISSION_KEYS)),
});
export const roleUpdateBody = z.strictObject({
  dataScope: z.enum(['own', 'team', 'all']).optional(),
  permissions: z.array(z.enum(PERMISSION_KEYS)).max(50).optional(),
});
export const roleParams = z.object({ key: roleKey });
