import type { Dayjs } from 'dayjs';
import type { Lead } from './lead.types.ts';

export type LeadFormValues = {
  name?: string;
  mobile?: string;
  company?: string;
  title?: string;
  email?: string;
  province?: string;
  city?: string;
  industry?: string;
  companySize?: string;
  creditCode?: string;
  address?: string;
  notes?: string;
  source?: string;
  channel?: string;
};

const TEXT_FIELDS = ['name', 'mobile', 'company', 'title', 'email', 'province', 'city', 'industry', 'creditCode', 'address', 'notes', 'channel'] as const;

/** Channels people commonly type; any other text is fine. */
export const CHANNEL_SUGGESTIONS = ['baidu', 'wechat', 'douyin', 'website', 'expo', 'seminar', 'dealer'];

/** The POST body for a new lead: blank fields left out. */
export function createLeadBody(values: LeadFormValues): Record<string, string> {
  const body: Record<string, string> = {};
  for (const key of [...TEXT_FIELDS, 'companySize', 'source'] as const) {
    const value = values[key]?.trim();
    if (value) body[key] = value;
  }
  return body;
}

/** What changed in the edit drawer, for a PATCH; a cleared field is sent as null. */
export function leadChanges(lead: Lead, values: LeadFormValues): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const key of [...TEXT_FIELDS, 'companySize'] as const) {
    if (!(key in values)) continue;
    const next = values[key]?.trim() || null;
    if (next !== (lead[key] ?? null)) changes[key] = next;
  }
  return changes;
}

export const leadFormValues = (lead: Lead): LeadFormValues =>
  Object.fromEntries([...TEXT_FIELDS, 'companySize'].map((key) => [key, lead[key as keyof Lead] ?? undefined])) as LeadFormValues;

export type QualifyValues = {
  kind: 'person' | 'company';
  withOpportunity: boolean;
  opportunityName?: string;
  amount?: number | null;
  pipelineId?: string | null;
  /** The DatePicker's value; only its calendar date is sent. */
  expectedCloseDate?: Dayjs | null;
};

/** The body of POST /leads/:id/qualify from the modal's values; a pipeline left empty means the default one. */
export function qualifyBody(values: QualifyValues) {
  const name = values.opportunityName?.trim();
  if (!values.withOpportunity || !name) return { kind: values.kind };
  return {
    kind: values.kind,
    opportunity: {
      name,
      ...(typeof values.amount === 'number' ? { amount: values.amount } : {}),
      ...(values.pipelineId ? { pipelineId: values.pipelineId } : {}),
      ...(values.expectedCloseDate ? { expectedCloseDate: values.expectedCloseDate.format('YYYY-MM-DD') } : {}),
    },
  };
}
