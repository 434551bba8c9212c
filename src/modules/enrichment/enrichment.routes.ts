import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, idParams, inTenant, typed } from '../../server/route-helpers.ts';
import { enrichCustomer } from './enrichment.service.ts';
import type { EnrichmentProvider } from './provider.ts';

const info = z.object({ legalName: z.string(), creditCode: z.string(), industry: z.string().nullable(), registeredAddress: z.string().nullable(), status: z.string().nullable() });

export function registerEnrichmentRoutes(app: FastifyInstance, providers: () => Promise<EnrichmentProvider[]>) {
  typed(app).post(
    '/api/v1/customers/:id/enrich',
    {
      config: { permission: 'customers.write' },
      schema: {
        tags: ['customers'],
        summary: 'Fill a company’s missing fields (credit code, industry, registered address) from the configured registry',
        params: idParams,
        response: { 200: z.object({ matched: z.boolean(), provider: z.string().nullable(), filled: z.array(z.string()), info: info.nullable(), customer: z.unknown() }), ...errors },
      },
    },
    async (req) => {
      const list = await providers();
      return inTenant(req, (tx, caller) => enrichCustomer(tx, caller, req.params.id, list));
    },
  );
}
