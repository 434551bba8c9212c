import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { upsertCustomerBatch } from './customer-batch.service.ts';
import { orders } from './customers.tables.ts';

export type IncomingOrder = {
  line: number;
  orderNo: string;
  orderedAt: Date;
  amount: number;
  items: { name: string; quantity?: number; price?: number }[];
  channel?: string | null;
  customerName: string;
  customerMobile?: string | null;
  customerExternalId?: string | null;
};

export type OrderOutcome = { line: number; orderId: string | null; customerId: string; action: 'created' | 'unchanged'; customerCreated: boolean };

/**
 * Orders for a batch of rows: each finds its customer by mobile (or creates one), then is
 * inserted once per (channel, order number); a re-imported order is left as it is.
 */
export async function upsertOrderBatch(
  tx: Tx,
  tenantId: string,
  rows: IncomingOrder[],
  options: { channel: string; importId: string | null; now: Date },
): Promise<OrderOutcome[]> {
  const customersOut = await upsertCustomerBatch(
    tx,
    tenantId,
    rows.map((r) => ({ line: r.line, kind: 'person' as const, name: r.customerName, mobile: r.customerMobile ?? null, externalId: r.customerExternalId ?? null, source: options.channel })),
    options,
  );
  const values = rows.map((r, i) => ({
    tenantId,
    customerId: customersOut[i]!.customerId,
    channel: r.channel || options.channel,
    orderNo: r.orderNo,
    orderedAt: r.orderedAt,
    amount: r.amount.toFixed(2),
    items: r.items,
    importId: options.importId,
  }));
  const inserted = new Map<string, string>();
  for (let i = 0; i < values.length; i += 1000) {
    const got = await tx.insert(orders).values(values.slice(i, i + 1000)).onConflictDoNothing().returning({ id: orders.id, channel: orders.channel, orderNo: orders.orderNo });
    for (const g of got) inserted.set(`${g.channel}\u0000${g.orderNo}`, g.id);
  }
  return rows.map((r, i) => {
    const key = `${values[i]!.channel}\u0000${r.orderNo}`;
    const id = inserted.get(key) ?? null;
    if (id) inserted.delete(key);
    return { line: r.line, orderId: id, customerId: customersOut[i]!.customerId, action: id ? 'created' : 'unchanged', customerCreated: customersOut[i]!.action === 'created' };
  });
}

export async function deleteOrders(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length) await tx.delete(orders).where(and(eq(orders.tenantId, tenantId), inArray(orders.id, ids)));
}
