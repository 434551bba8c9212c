import { describe, expect, it } from 'vitest';
import { cleanLead, normalizeCompanySize } from './clean-lead.ts';
import { leadFacts } from './lead-facts.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('cleanLead', () => {
  it('normalises numbers, parses the address and scores completeness', () => {
    const r = cleanLead({ name: ' 张三 ', mobile: '138 0013 8000', company: '杭州云帆科技有限公司', address: '浙江省杭州市西湖区文三路 90 号', companySize: '50-199人' }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lead).toMatchObject({ name: '张三', mobile: '+8613800138000', province: '浙江省', city: '杭州市', district: '西湖区', companySize: '50-199' });
    expect(r.lead.completeness).toBe(63); // name, mobile, company, province, size of 8
  });

  it('rejects leads nobody can reach, with the reason', () => {
    expect(cleanLead({ name: '李四' }, now)).toEqual({ ok: false, reasons: ['mobile_empty'], flags: [] });
    expect(cleanLead({ name: '李四', mobile: '12345' }, now)).toMatchObject({ ok: false, reasons: ['mobile_invalid'] });
    expect(cleanLead({ name: '李四', mobile: '', email: 'not-an-email' }, now)).toMatchObject({ ok: false, reasons: ['contact_missing'], flags: ['email_invalid'] });
    expect(cleanLead({ mobile: '13800138000' }, now)).toMatchObject({ ok: false, reasons: ['name_missing'] });
  });

  it('keeps a lead with a bad number but a good e-mail, flagged', () => {
    const r = cleanLead({ name: 'Wang Wu', mobile: 'abc', email: 'WW@Example.com', creditCode: '91330100000000000X' }, now);
    expect(r).toMatchObject({ ok: true, lead: { mobile: null, email: 'ww@example.com', creditCode: null, flags: ['mobile_invalid', 'credit_code_invalid'] } });
  });

  it('uses the company as the name when no person is named', () => {
    const r = cleanLead({ company: '宁波海天贸易有限公司', mobile: '0574-87654321' }, now);
    expect(r).toMatchObject({ ok: true, lead: { name: '宁波海天贸易有限公司', mobile: '+8657487654321', flags: ['mobile_not_mobile'] } });
  });
});

describe('normalizeCompanySize', () => {
  it('reads sizes as people write them', () => {
    expect(normalizeCompanySize('1000人以上')).toBe('1000+');
    expect(normalizeCompanySize('20')).toBe('1-49');
    expect(normalizeCompanySize('200-999')).toBe('200-999');
    expect(normalizeCompanySize('很多')).toBeNull();
  });
});

describe('leadFacts', () => {
  it('derives region, age band, presence and day counts', () => {
    const facts = leadFacts(
      { source: 'referral', channel: 'wechat', industry: '制造业', province: '浙江省', companySize: '50-199', birthYear: 1988, company: 'X', creditCode: null, mobile: '+8613800138000', email: null, completeness: 75, createdAt: new Date('2026-05-01T00:00:00Z'), lastActivityAt: null, activityCount: 0, score: null },
      now,
    );
    expect(facts).toMatchObject({ region: '华东', ageBand: '35-44', hasCompany: true, hasCreditCode: false, hasMobile: true, daysSinceCreated: 31, daysSinceActivity: 31 });
  });
});
