import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { createLeadBody, leadChanges, leadFormValues, qualifyBody } from './lead-form.values.ts';
import type { Lead } from './lead.types.ts';

const lead = { name: '张伟', mobile: '+8613811110001', company: '杭州云帆科技有限公司', title: null, email: null, province: '浙江省', city: null, industry: null, companySize: '50-199', creditCode: null, address: null, notes: null, channel: '展会' } as unknown as Lead;

describe('lead form values', () => {
  it('creates with trimmed, filled fields only', () => {
    expect(createLeadBody({ name: ' 张伟 ', mobile: '13811110001', company: '', email: '  ', source: 'referral', companySize: '1000+' })).toEqual({ name: '张伟', mobile: '13811110001', source: 'referral', companySize: '1000+' });
  });

  it('patches only what changed, a cleared field as null', () => {
    const values = { ...leadFormValues(lead), company: '  ', title: '采购经理', channel: '展会' };
    expect(leadChanges(lead, values)).toEqual({ company: null, title: '采购经理' });
    expect(leadChanges(lead, leadFormValues(lead))).toEqual({});
  });
});

describe('qualify body', () => {
  it('sends the opportunity only when asked for and named', () => {
    expect(qualifyBody({ kind: 'company', withOpportunity: false, opportunityName: '机床采购', amount: 5 })).toEqual({ kind: 'company' });
    expect(qualifyBody({ kind: 'person', withOpportunity: true, opportunityName: '  ', amount: 5 })).toEqual({ kind: 'person' });
    expect(qualifyBody({ kind: 'company', withOpportunity: true, opportunityName: ' 机床采购 ', amount: null })).toEqual({ kind: 'company', opportunity: { name: '机床采购' } });
    expect(qualifyBody({ kind: 'company', withOpportunity: true, opportunityName: '机床采购', amount: 0 })).toEqual({ kind: 'company', opportunity: { name: '机床采购', amount: 0 } });
  });

  it('sends the chosen pipeline and the close date as a calendar date', () => {
    const pipelineId = '0b6f3c1e-6a4d-4f7e-9a51-2f0c5d7e8a90';
    expect(qualifyBody({ kind: 'company', withOpportunity: true, opportunityName: '机床采购', pipelineId, expectedCloseDate: dayjs('2030-06-30T23:30:00') })).toEqual({
      kind: 'company',
      opportunity: { name: '机床采购', pipelineId, expectedCloseDate: '2030-06-30' },
    });
    expect(qualifyBody({ kind: 'company', withOpportunity: true, opportunityName: '机床采购', pipelineId: null, expectedCloseDate: null })).toEqual({ kind: 'company', opportunity: { name: '机床采购' } });
    expect(qualifyBody({ kind: 'company', withOpportunity: false, opportunityName: '机床采购', pipelineId, expectedCloseDate: dayjs('2030-06-30') })).toEqual({ kind: 'company' });
  });
});
