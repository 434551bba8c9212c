import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, inTenant, typed } from '../../server/route-helpers.ts';
import { funnelReport } from './analytics.service.ts';

const rowSchema = z.object({
  key: z.string().nullable(),
  leads: z.number().int(),
  qualified: z.number().int(),
  opportunities: z.number().int(),
  won: z.number().int(),
  wonAmount: z.string(),
  rates: z.object({ qualified: z.number().nullable(), opportunities: z.number().nullable(), won: z.number().nullable(), overall: z.number().nullable() }),
  medianDays: z.object({ toQualified: z.number().nullable(), toOpportunity: z.number().nullable(), toWon: z.number().nullable() }),
});
const funnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['channel', 'owner']),
  total: rowSchema,
  groups: z.array(rowSchema.extend({ label: z.string().nullable() })),
});
/** A date (the whole day) or a timestamp. `to` is exclusive; a bare date `to` includes that day. */
const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const funnelQuery = z.strictObject({ from: day, to: day, groupBy: z.enum(['channel', 'owner']).default('channel') });

const toDate = (value: string, endOfDay: boolean) =>
  value.length === 10 ? new Date(Date.parse(`${value}T00:00:00+08:00`) + (endOfDay ? 86_400_000 : 0)) : new Date(value);

export function registerAnalyticsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get(
    '/api/v1/analytics/funnel',
    {
      config: { permission: 'leads.read' },
      schema: {
        tags: ['analytics'],
        summary: 'Conversion funnel of the leads created in a period (China time for bare dates): leads → qualified → opportunities → won, with rates and median days, per channel or owner',
        querystring: funnelQuery,
        response: { 200: funnelSchema, ...errors },
      },
    },
    async (req) => inTenant(req, (tx, caller) => funnelReport(tx, caller, { from: toDate(req.query.from, false), to: toDate(req.query.to, true), groupBy: req.query.groupBy })),
  );
}
