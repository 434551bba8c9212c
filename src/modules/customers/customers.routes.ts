import type { FastifyInstance } from 'fastify';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { exportCustomers } from './customer-export.service.ts';
import { addContact, createCustomer, deleteCustomer, markMobileDead, setTags, updateCustomer } from './customer-write.service.ts';
import { z } from 'zod';
import {
  customerCreateBody,
  customerDetailSchema,
  customerExportQuery,
  customerListQuery,
  customerPage,
  customerSchema,
  customerUpdateBody,
  tagsBody,
} from './customers.schema.ts';
import { getCustomer, getCustomerDetail, listCustomers } from './customers.service.ts';
import { registerMergeRoutes } from './merges.routes.ts';
import { registerOrderRoutes } from './orders.routes.ts';

export function registerCustomerRoutes(app: FastifyInstance) {
  registerMergeRoutes(app);
  registerOrderRoutes(app);
  const api = typed(app);
  const tags = ['customers'];
  const read = { permission: 'customers.read' as const };
  const write = { permission: 'customers.write' as const };

  api.get('/api/v1/customers', { config: read, schema: { tags, summary: 'Search and filter customers in the caller’s data scope', querystring: customerListQuery, response: { 200: customerPage, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listCustomers(tx, caller, req.query)),
  );
  api.get('/api/v1/customers/export', { config: { permission: 'customers.export' }, schema: { tags, summary: 'Export the filtered customers as CSV or XLSX (audited, masked by role)', querystring: customerExportQuery } }, async (req, reply) => {
    const { format, ...filter } = req.query;
    const { body } = await inTenant(req, (tx, caller) => exportCustomers(tx, caller, filter, format));
    const stamp = new Date().toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="customers-${stamp}.${format}"`);
    reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(body);
  });
  api.post('/api/v1/customers', { config: write, schema: { tags, summary: 'Create a customer (409 with the existing id when the mobile, ID number or credit code is taken)', body: customerCreateBody, response: { 201: customerSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createCustomer(tx, caller, req.body))),
  );
  api.get('/api/v1/customers/:id', { config: read, schema: { tags, summary: 'One customer', params: idParams, response: { 200: customerSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => getCustomer(tx, caller, req.params.id)),
  );
  api.get('/api/v1/customers/:id/detail', { config: read, schema: { tags, summary: 'The customer page: profile, identities, contacts, orders, sources, merges', params: idParams, response: { 200: customerDetailSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => getCustomerDetail(tx, caller, req.params.id)),
  );
  api.patch('/api/v1/customers/:id', { config: write, schema: { tags, summary: 'Change a customer (re-checked and re-cleaned)', params: idParams, body: customerUpdateBody, response: { 200: customerSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateCustomer(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/customers/:id', { config: write, schema: { tags, summary: 'Delete a customer (soft)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteCustomer(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });
  api.put('/api/v1/customers/:id/tags', { config: write, schema: { tags, summary: 'Set the tags of a customer', params: idParams, body: tagsBody, response: { 200: customerSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => setTags(tx, caller, req.params.id, req.body.tags)),
  );
  api.post(
    '/api/v1/customers/:id/contacts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a person at a company',
        params: idParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(100), mobile: z.string().trim().max(40).nullish(), email: z.email().max(200).nullish(), title: z.string().trim().max(100).nullish() }),
        response: { 201: z.object({ id: z.uuid(), name: z.string(), mobile: z.string().nullable(), email: z.string().nullable(), title: z.string().nullable() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await inTenant(req, (tx, caller) => addContact(tx, caller, req.params.id, req.body))),
  );
  api.post('/api/v1/customers/:id/mobile-dead', { config: write, schema: { tags, summary: 'Mark the mobile number dead (e.g. after a call result)', params: idParams, response: { 200: customerSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => markMobileDead(tx, caller, req.params.id)),
  );
}
