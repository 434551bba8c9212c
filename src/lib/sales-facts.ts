import { regionOf } from './regions.ts';

/**
 * What scoring and assignment know about a lead: flat, explainable facts derived from the lead row.
 * The leads module builds them; scoring and assignment read them without touching lead tables.
 */
export type LeadFacts = {
  source: string;
  channel: string | null;
  industry: string | null;
  province: string | null;
  region: string | null;
  companySize: string | null;
  ageBand: string | null;
  hasCompany: boolean;
  hasCreditCode: boolean;
  hasMobile: boolean;
  hasEmail: boolean;
  completeness: number;
  daysSinceCreated: number;
  /** Days since the last call/visit/note, or since the lead came in when never contacted. */
  daysSinceActivity: number | null;
  activityCount: number;
  /** The lead's score, when assignment rules read it (e.g. score ≥ 60). */
  score: number | null;
};

/** Field names a lead condition may use, for rule editors and validation. */
export const LEAD_FACT_FIELDS = [
  'source', 'channel', 'industry', 'province', 'region', 'companySize', 'ageBand', 'hasCompany', 'hasCreditCode',
  'hasMobile', 'hasEmail', 'completeness', 'daysSinceCreated', 'daysSinceActivity', 'activityCount', 'score',
] as const satisfies readonly (keyof LeadFacts)[];

/** What scoring knows about an open opportunity. */
export type OpportunityFacts = {
  pipeline: string;
  stage: string;
  stageProbability: number;
  amount: number;
  productCount: number;
  source: string | null;
  industry: string | null;
  region: string | null;
  customerKind: 'person' | 'company';
  daysOpen: number;
  daysInStage: number;
  daysSinceActivity: number | null;
  /** Days until the expected close date; negative when overdue, null when none. */
  daysToClose: number | null;
};

export const OPPORTUNITY_FACT_FIELDS = [
  'pipeline', 'stage', 'stageProbability', 'amount', 'productCount', 'source', 'industry', 'region', 'customerKind',
  'daysOpen', 'daysInStage', 'daysSinceActivity', 'daysToClose',
] as const satisfies readonly (keyof OpportunityFacts)[];

export const COMPANY_SIZES = ['1-49', '50-199', '200-999', '1000+'] as const;

/** '<25', '25-34', '35-44', '45-54', '55+' from a birth year. */
export function ageBandOf(birthYear: number | null | undefined, now: Date): string | null {
  if (!birthYear) return null;
  const age = now.getUTCFullYear() - birthYear;
  if (age < 0 || age > 120) return null;
  if (age < 25) return '<25';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

const DAY = 86_400_000;
export const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);

export { regionOf };
