/** A lead as the funnel sees it (from the leads module). */
export type FunnelLead = {
  id: string;
  channel: string | null;
  source: string;
  ownerUserId: string | null;
  createdAt: Date;
  qualifiedAt: Date | null;
  status: string;
};

/** An opportunity as the funnel sees it (from the pipeline module). */
export type FunnelOpportunity = {
  id: string;
  leadId: string | null;
  ownerUserId: string | null;
  createdAt: Date;
  status: 'open' | 'won' | 'lost';
  closedAt: Date | null;
  amount: string;
};

export type FunnelRow = {
  /** The channel or owner id; null for leads without one. */
  key: string | null;
  leads: number;
  qualified: number;
  opportunities: number;
  won: number;
  wonAmount: string;
  /** Conversion from the step before; overall = won / leads. Null when the step before is empty. */
  rates: { qualified: number | null; opportunities: number | null; won: number | null; overall: number | null };
  /** Median days: lead created → qualified, qualified → first opportunity, first opportunity → won. */
  medianDays: { toQualified: number | null; toOpportunity: number | null; toWon: number | null };
};

export type Funnel = { total: FunnelRow; byChannel: FunnelRow[]; byOwner: FunnelRow[] };

const DAY = 86_400_000;

/** The middle value; for an even count the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const days = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / DAY);
const roundDays = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

type LeadPath = {
  lead: FunnelLead;
  qualifiedAt: Date | null;
  qualified: boolean;
  firstOpportunityAt: Date | null;
  wonAt: Date | null;
  wonCents: number;
};

/** Where each lead got to. A lead with an opportunity counts as qualified, a won one as having an opportunity: the funnel never widens. */
function pathOf(lead: FunnelLead, opportunities: readonly FunnelOpportunity[]): LeadPath {
  const first = opportunities.reduce<Date | null>((min, o) => (!min || o.createdAt < min ? o.createdAt : min), null);
  const won = opportunities.filter((o) => o.status === 'won');
  const wonAt = won.reduce<Date | null>((min, o) => (o.closedAt && (!min || o.closedAt < min) ? o.closedAt : min), null);
  return {
    lead,
    qualifiedAt: lead.qualifiedAt,
    qualified: lead.qualifiedAt !== null || lead.status === 'qualified' || first !== null,
    firstOpportunityAt: first,
    wonAt: won.length > 0 ? (wonAt ?? first) : null,
    wonCents: won.reduce((sum, o) => sum + Math.round(Number(o.amount) * 100), 0),
  };
}

function row(key: string | null, paths: readonly LeadPath[]): FunnelRow {
  const qualified = paths.filter((p) => p.qualified);
  const withOpportunity = paths.filter((p) => p.firstOpportunityAt);
  const won = paths.filter((p) => p.wonAt);
  return {
    key,
    leads: paths.length,
    qualified: qualified.length,
    opportunities: withOpportunity.length,
    won: won.length,
    wonAmount: (won.reduce((sum, p) => sum + p.wonCents, 0) / 100).toFixed(2),
    rates: {
      qualified: rate(qualified.length, paths.length),
      opportunities: rate(withOpportunity.length, qualified.length),
      won: rate(won.length, withOpportunity.length),
      overall: rate(won.length, paths.length),
    },
    medianDays: {
      toQualified: roundDays(median(paths.flatMap((p) => (p.qualifiedAt ? [days(p.lead.createdAt, p.qualifiedAt)] : [])))),
      toOpportunity: roundDays(median(withOpportunity.map((p) => days(p.qualifiedAt ?? p.lead.createdAt, p.firstOpportunityAt!)))),
      toWon: roundDays(median(won.map((p) => days(p.firstOpportunityAt!, p.wonAt!)))),
    },
  };
}

function groupBy(paths: readonly LeadPath[], keyOf: (lead: FunnelLead) => string | null): FunnelRow[] {
  const groups = new Map<string | null, LeadPath[]>();
  for (const p of paths) {
    const key = keyOf(p.lead);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .map(([key, members]) => row(key, members))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : b.leads - a.leads || a.key.localeCompare(b.key)));
}

/** Leads → qualified → opportunities → won, in total and per channel and per owner. Opportunities without a lead in `leads` are ignored. */
export function funnel(leads: readonly FunnelLead[], opportunities: readonly FunnelOpportunity[]): Funnel {
  const byLead = new Map<string, FunnelOpportunity[]>();
  for (const o of opportunities) if (o.leadId) byLead.set(o.leadId, [...(byLead.get(o.leadId) ?? []), o]);
  const paths = leads.map((lead) => pathOf(lead, byLead.get(lead.id) ?? []));
  return {
    total: row(null, paths),
    byChannel: groupBy(paths, (l) => l.channel),
    byOwner: groupBy(paths, (l) => l.ownerUserId),
  };
}
