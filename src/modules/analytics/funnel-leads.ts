import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { leadFunnelRows } from '../leads/index.ts';
import type { FunnelLead } from './rules/funnel.ts';

/** Leads created in the period, in the caller's scope (the leads module applies it). */
export async function funnelLeads(tx: Tx, caller: Caller, period: { from: Date; to: Date }): Promise<FunnelLead[]> {
  return leadFunnelRows(tx, caller, period);
}
