import { describe, expect, it } from 'vitest';
import { formToSettings, moveItem, settingsToForm, type CustomerSettings } from './data-settings.ts';

const settings: CustomerSettings = {
  thresholds: { autoMergeAt: 0.9, reviewAt: 0.7 },
  sourceTrust: ['ERP', '天猫店铺'],
  survivorship: { mobile: 'most_trusted_source', wechat: 'newest_non_empty' },
  fieldTemplates: {
    person: { required: ['name', 'mobile'], wanted: ['province', 'city'] },
    company: { required: ['name', 'creditCode'], wanted: ['industry'] },
  },
};

describe('data settings form', () => {
  it('shows thresholds as percentages and every field with a weight and a rule', () => {
    const form = settingsToForm(settings);
    expect(form.thresholds).toEqual({ autoMergeAt: 90, reviewAt: 70 });
    expect(form.templates.person).toMatchObject({ name: 'required', mobile: 'required', city: 'wanted', email: 'none' });
    expect(form.survivorship).toMatchObject({ mobile: 'most_trusted_source', name: 'newest_non_empty', wechat: 'newest_non_empty' });
  });

  it('round-trips to the same settings (plus the default rule for listed fields)', () => {
    const back = formToSettings(settingsToForm(settings));
    expect(back.thresholds).toEqual(settings.thresholds);
    expect(back.sourceTrust).toEqual(settings.sourceTrust);
    expect(back.fieldTemplates.person.required.sort()).toEqual(['mobile', 'name']);
    expect(back.fieldTemplates.company.wanted).toEqual(['industry']);
    expect(back.survivorship.mobile).toBe('most_trusted_source');
  });

  it('cleans the trust list and keeps threshold precision', () => {
    const form = settingsToForm(settings);
    const back = formToSettings({ ...form, thresholds: { autoMergeAt: 92.5, reviewAt: 65 }, sourceTrust: [' ERP ', 'ERP', '', '经销商'] });
    expect(back.thresholds).toEqual({ autoMergeAt: 0.925, reviewAt: 0.65 });
    expect(back.sourceTrust).toEqual(['ERP', '经销商']);
  });

  it('moves list entries within bounds only', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
