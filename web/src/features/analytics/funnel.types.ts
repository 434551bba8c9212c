export type FunnelRow = {
  key: string | null;
  label?: string | null;
  leads: number;
  qualified: number;
  opportunities: number;
  won: number;
  wonAmount: string;
  rates: { qualified: number | null; opportunities: number | null; won: number | null; overall: number | null };
  medianDays: { toQualified: number | null; toOpportunity: number | null; toWon: number | null };
};
export type FunnelGroupBy = 'channel' | 'owner';
export type FunnelReport = { from: string; to: string; groupBy: FunnelGroupBy; total: FunnelRow; groups: FunnelRow[] };
