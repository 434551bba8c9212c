import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listQuery, page } from '../../server/pagination.ts';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customers.service.ts';

const text = (max: number) => z.string().trim().max(max).nullish();
const customerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['person', 'company']),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  creditCode: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  createdAt: z.string(),
});
const fields = {
  name: z.string().trim().min(1).max(200),
  mobile: text(30),
  email: z.email().max(200).nullish(),
  creditCode: text(18),
  province: text(50),
  city: text(50),
  district: text(50),
  street: text(100),
  address: text(300),
  industry: text(100),
  source: text(50),
  ownerUserId: z.uuid().nullish(),
};
const createBody = z.strictObject({ kind: z.enum(['person', 'company']), ...fields });
const updateBody = z.strictObject({ ...fields, name: fields.name.optional() });
const query = z.strictObject({ ...listQuery, kind: z.enum(['person', 'company']).optional() });

export function registerCustomerRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['customers'];
  const read = { permission: 'customers.read' as const };
  const write = { permission: 'customers.write' as const };
  api.get('/api/v1/customers', { config: read, schema: { tags, summary: 'Customers in the caller’s data scope', querystring: query, response: { 200: page(customerSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listCustomers(tx, caller, req.query)),
  );
  api.post('/api/v1/customers', { config: write, schema: { tags, summary: 'Create a customer', body: createBody, response: { 201: customerSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createCustomer(tx, caller, req.body))),
  );
  api.get('/api/v1/customers/:id', { config: read, schema: { tags, summary: 'One customer', params: idParams, response: { 200: customerSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => getCustomer(tx, caller, req.params.id)),
  );
  api.patch('/api/v1/customers/:id', { config: write, schema: { tags, summary: 'Change a customer', params: idParams, body: updateBody, response: { 200: customerSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateCustomer(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/customers/:id', { config: write, schema: { tags, summary: 'Delete a customer (soft)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteCustomer(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
}
