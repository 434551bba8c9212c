import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { keyset, listQuery, page, toPage } from '../../server/pagination.ts';
import { errors, inTenant, typed } from '../../server/route-helpers.ts';
import { recordAudit } from '../audit/index.ts';
import { findVisible, scopeCondition } from './customers.service.ts';
import { customers, orders } from './customers.tables.ts';

const item = z.strictObject({ name: z.string().trim().min(1).max(200), quantity: z.number().positive().optional(), price: z.number().min(0).optional() });
const orderSchema = z.object({ id: z.uuid(), customerId: z.uuid(), channel: z.string(), orderNo: z.string(), orderedAt: z.string(), amount: z.string(), items: z.array(z.object({ name: z.string(), quantity: z.number().optional(), price: z.number().optional() })), createdAt: z.string() });
const orderBody = z.strictObject({
  customerId: z.uuid(),
  channel: z.string().trim().min(1).max(50),
  orderNo: z.string().trim().min(1).max(100),
  orderedAt: z.coerce.date(),
  amount: z.number().min(0).max(1e12),
  items: z.array(item).max(500).default([]),
});

type OrderRow = typeof orders.$inferSelect;
const present = (o: OrderRow) => ({ id: o.id, customerId: o.customerId, channel: o.channel, orderNo: o.orderNo, orderedAt: o.orderedAt.toISOString(), amount: o.amount, items: o.items, createdAt: o.createdAt.toISOString() });

async function createOrder(tx: Tx, caller: Caller, input: z.infer<typeof orderBody>) {
  await findVisible(tx, caller, input.customerId).catch(() => {
    throw new AppError(400, 'validation_failed', { customerId: 'invalid_reference' });
  });
  const [row] = await tx
    .insert(orders)
    .values({ tenantId: caller.tenantId, ...input, amount: input.amount.toFixed(2) })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError(409, 'duplicate', { orderNo: 'duplicate' });
  await recordAudit(tx, caller, { action: 'order.create', entity: 'order', entityId: row.id, after: row });
  return present(row);
}

async function listOrders(tx: Tx, caller: Caller, filter: { customerId?: string; channel?: string; limit: number; cursor?: string }) {
  const { where, orderBy } = keyset({ column: orders.orderedAt, direction: 'desc' }, orders.id, filter.cursor);
  const scope = await scopeCondition(tx, caller);
  const rows = await tx
    .select({ o: orders })
    .from(orders)
    .innerJoin(customers, and(eq(customers.tenantId, orders.tenantId), eq(customers.id, orders.customerId)))
    .where(and(scope, filter.customerId ? eq(orders.customerId, filter.customerId) : undefined, filter.channel ? eq(orders.channel, filter.channel) : undefined, where))
    .orderBy(...orderBy)
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, (r) => present(r.o), (r) => [r.o.orderedAt.toISOString(), r.o.id]);
}

export function registerOrderRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['orders'];
  api.get('/api/v1/orders', { config: { permission: 'customers.read' }, schema: { tags, summary: 'Orders of customers in the caller’s scope, newest first', querystring: z.strictObject({ limit: listQuery.limit, cursor: listQuery.cursor, customerId: z.uuid().optional(), channel: z.string().max(50).optional() }), response: { 200: page(orderSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => listOrders(tx, caller, req.query)),
  );
  api.post('/api/v1/orders', { config: { permission: 'customers.write' }, schema: { tags, summary: 'Record an order (unique per channel and order number)', body: orderBody, response: { 201: orderSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createOrder(tx, caller, req.body))),
  );
}
