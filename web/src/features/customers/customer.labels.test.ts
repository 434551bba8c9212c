import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enUS from '../../locales/en-US.json';
import zhCN from '../../locales/zh-CN.json';
import { flagHelp, flagLabel, percentOf, reasonLabel } from './customer.labels.ts';
import { KNOWN_FLAGS } from './customer.types.ts';

const t = i18n.t.bind(i18n);

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe('match reason labels', () => {
  it('translates codes and fills in the detail', async () => {
    expect(reasonLabel(t, { code: 'same_mobile', weight: 3 })).toBe('手机号相同');
    expect(reasonLabel(t, { code: 'name_similar', weight: 1, detail: '0.93' })).toBe('名称相似度 93%');
    expect(reasonLabel(t, { code: 'same_district', weight: 1, detail: '西湖区' })).toBe('同在西湖区');
    await i18n.changeLanguage('en-US');
    expect(reasonLabel(t, { code: 'name_similar', weight: 1, detail: '0.93' })).toBe('Name 93% similar');
    await i18n.changeLanguage('zh-CN');
  });

  it('falls back to the code (and its detail) for codes it does not know', () => {
    expect(reasonLabel(t, { code: 'same_wechat', weight: 2 })).toBe('same_wechat');
    expect(reasonLabel(t, { code: 'same_wechat', weight: 2, detail: 'wx1' })).toBe('same_wechat (wx1)');
  });

  it('turns a 0..1 detail into a percentage and leaves other details alone', () => {
    expect(percentOf('0.5')).toBe('50%');
    expect(percentOf('西湖区')).toBe('西湖区');
    expect(percentOf('7')).toBe('7');
  });
});

describe('flag labels', () => {
  it('has a label and an explanation for every known flag', () => {
    for (const flag of KNOWN_FLAGS) {
      expect(flagLabel(t, flag)).not.toBe(flag);
      expect(flagHelp(t, flag)).toBeTruthy();
    }
    expect(flagLabel(t, 'new_flag')).toBe('new_flag');
    expect(flagHelp(t, 'new_flag')).toBeUndefined();
  });
});
