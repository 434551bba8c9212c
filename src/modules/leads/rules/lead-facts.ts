import { ageBandOf, daysBetween, regionOf, type LeadFacts } from '../../../lib/sales-facts.ts';

export type LeadFactsSource = {
  source: string;
  channel: string | null;
  industry: string | null;
  province: string | null;
  companySize: string | null;
  birthYear: number | null;
  company: string | null;
  creditCode: string | null;
  mobile: string | null;
  email: string | null;
  completeness: number;
  createdAt: Date;
  lastActivityAt: Date | null;
  activityCount: number;
  score: number | null;
};

/** The facts scoring and assignment read, from a lead row (or a lead about to be inserted). */
export function leadFacts(lead: LeadFactsSource, now: Date): LeadFacts {
  return {
    source: lead.source,
    channel: lead.channel,
    industry: lead.industry,
    province: lead.province,
    region: regionOf(lead.province),
    companySize: lead.companySize,
    ageBand: ageBandOf(lead.birthYear, now),
    hasCompany: Boolean(lead.company),
    hasCreditCode: Boolean(lead.creditCode),
    hasMobile: Boolean(lead.mobile),
    hasEmail: Boolean(lead.email),
    completeness: lead.completeness,
    daysSinceCreated: Math.max(0, daysBetween(lead.createdAt, now)),
    // Never contacted counts from the day the lead came in: "no contact in 30 days" must catch it.
    daysSinceActivity: Math.max(0, daysBetween(lead.lastActivityAt ?? lead.createdAt, now)),
    activityCount: lead.activityCount,
    score: lead.score,
  };
}
