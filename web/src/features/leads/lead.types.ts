/** Shapes of the leads API (src/modules/leads/leads.schema.ts, web-forms.routes.ts), as the web app reads them. */

export type LeadStatus = 'new' | 'working' | 'qualified' | 'disqualified';
export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'working', 'qualified', 'disqualified'];

export type DisqualifyReason = 'no_need' | 'no_budget' | 'unreachable' | 'competitor' | 'duplicate' | 'spam' | 'other';
export const DISQUALIFY_REASONS: readonly DisqualifyReason[] = ['no_need', 'no_budget', 'unreachable', 'competitor', 'duplicate', 'spam', 'other'];

export type ActivityKind = 'call' | 'visit' | 'wechat' | 'email' | 'note';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['call', 'visit', 'wechat', 'email', 'note'];

/** Sources the app knows by name; any other text is shown as it is. */
export const KNOWN_SOURCES = ['manual', 'web_form', 'referral', 'event', 'import', 'call_list', 'api'] as const;
export const COMPANY_SIZES = ['1-49', '50-199', '200-999', '1000+'] as const;

/**
 * One reason behind a score. A rule's label is the name the tenant gave it; a model factor's
 * label is data (`source = referral`, `completeness ≥ 80`) that the page translates.
 */
export type ScoreReason = {
  kind: 'rule' | 'model';
  label: string;
  weight: number;
  field?: string;
  value?: string | number | boolean | null;
  field2?: string;
  value2?: string | number | boolean | null;
  from?: number;
  to?: number | null;
};

export type Lead = {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  creditCode: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  industry: string | null;
  companySize: string | null;
  birthYear: number | null;
  source: string;
  channel: string | null;
  status: LeadStatus;
  disqualifyReason: string | null;
  customerId: string | null;
  linkedExisting: boolean;
  ownerUserId: string | null;
  ownerName: string | null;
  queueTeamId: string | null;
  assignedAt: string | null;
  score: number | null;
  scoreReasons: ScoreReason[];
  completeness: number;
  lastActivityAt: string | null;
  activityCount: number;
  qualifiedAt: string | null;
  disqualifiedAt: string | null;
  notes: string | null;
  flags: string[];
  createdAt: string;
  updatedAt: string;
};

export type LeadActivity = { id: string; kind: ActivityKind; note: string | null; userId: string | null; userName: string | null; at: string };

/** One line of the assignment log; `reason` is JSON written by the assigner (rule, method, who was skipped…). */
export type AssignmentEntry = {
  id: string;
  at: string;
  method: string;
  ruleId: string | null;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  byUserId: string | null;
  byUserName: string | null;
  reason: unknown;
};

export type LeadReject = { id: string; source: string; channel: string | null; payload: Record<string, unknown>; reasons: string[]; createdAt: string };

export type QualifyResult = { lead: Lead; customerId: string; customerCreated: boolean; opportunityId: string | null };

export const FORM_FIELDS = ['name', 'mobile', 'company', 'email', 'title', 'province', 'city', 'industry', 'companySize', 'notes'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type WebForm = {
  id: string;
  key: string;
  name: string;
  channel: string | null;
  fields: FormField[];
  thankYou: string | null;
  enabled: boolean;
  submissions: number;
  leads: number;
  createdAt: string;
};

export type LeadOwnerFilter = 'me' | 'none';
export type LeadSort = '-createdAt' | '-score' | 'score';

/** The list's filter as it sits in the address bar. */
export type LeadFilter = {
  q?: string;
  status?: LeadStatus;
  /** Only new and working leads. */
  open?: boolean;
  owner?: LeadOwnerFilter;
  queueTeamId?: string;
  source?: string;
  channel?: string;
  minScore?: number;
  sort?: LeadSort;
};
