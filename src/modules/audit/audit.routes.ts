import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';
import { errors, inTenant, typed } from '../../server/route-helpers.ts';
import { userNames } from '../org/index.ts';
import { listAudit } from './audit.service.ts';

const auditRecord = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

const auditQuery = z.strictObject({
  limit: listQuery.limit,
  cursor: listQuery.cursor,
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export function registerAuditRoutes(app: FastifyInstance) {
  typed(app).get(
    '/api/v1/audit-log',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Who did what, newest first', querystring: auditQuery, response: { 200: page(auditRecord), ...errors } },
    },
    async (req) =>
      inTenant(req, async (tx) => {
        const result = await listAudit(tx, req.query);
        const names = await userNames(tx, [...new Set(result.items.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))]);
        return { ...result, items: result.items.map((r) => ({ ...r, actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null })) };
      }),
  );
}
