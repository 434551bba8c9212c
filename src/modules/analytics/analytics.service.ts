import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { invalid } from '../../server/errors.ts';
import { userNames } from '../org/index.ts';
import { opportunityFunnelRows } from '../pipeline/index.ts';
import { funnelLeads } from './funnel-leads.ts';
import { funnel, type FunnelRow } from './rules/funnel.ts';

export type FunnelGroupBy = 'channel' | 'owner';
export type FunnelReport = {
  from: string;
  to: string;
  groupBy: FunnelGroupBy;
  total: FunnelRow;
  groups: (FunnelRow & { label: string | null })[];
};

const MAX_DAYS = 366 * 3;

/** Leads created in [from, to) in the caller's scope, followed through qualification, opportunities and wins (whenever those came). */
export async function funnelReport(tx: Tx, caller: Caller, query: { from: Date; to: Date; groupBy: FunnelGroupBy }): Promise<FunnelReport> {
  if (query.to <= query.from) throw invalid({ to: 'before_from' });
  if (query.to.getTime() - query.from.getTime() > MAX_DAYS * 86_400_000) throw invalid({ to: 'period_too_long' });
  const leads = await funnelLeads(tx, caller, query);
  const opportunities = await opportunityFunnelRows(tx, { from: query.from, to: query.to, leadIds: leads.map((l) => l.id) });
  const result = funnel(leads, opportunities);
  const groups = query.groupBy === 'channel' ? result.byChannel : result.byOwner;
  const names = query.groupBy === 'owner' ? await userNames(tx, groups.flatMap((g) => (g.key ? [g.key] : []))) : new Map<string, string>();
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    groupBy: query.groupBy,
    total: result.total,
    groups: groups.map((g) => ({ ...g, label: g.key === null ? null : query.groupBy === 'owner' ? (names.get(g.key) ?? g.key) : g.key })),
  };
}
