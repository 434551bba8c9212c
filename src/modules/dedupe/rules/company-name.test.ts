import { describe, expect, it } from 'vitest';
import { companyCoreSimilarity, normalizeCompanyName } from './company-name.ts';

describe('normalizeCompanyName', () => {
  it('gives one core for region prefix, bracketed region and traditional characters', () => {
    const forms = ['杭州云帆网络科技有限公司', '云帆网络科技（杭州）有限公司', '杭州雲帆網絡科技有限公司', '浙江杭州云帆网络科技有限公司', '杭州市云帆网络科技有限责任公司', '云帆网络科技(杭州)有限公司'];
    for (const name of forms) {
      expect(normalizeCompanyName(name), name).toMatchObject({ core: '云帆网络科技', region: '杭州', branch: null });
    }
  });

  it('strips the legal form and reports it', () => {
    expect(normalizeCompanyName('上海市恒泰贸易股份有限公司')).toEqual({ core: '恒泰贸易', region: '上海', legalForm: '股份有限公司', branch: null });
    expect(normalizeCompanyName('北京华信集团有限公司')).toMatchObject({ core: '华信', legalForm: '集团有限公司' });
    expect(normalizeCompanyName('深圳前海微众银行股份有限公司').core).toBe('前海微众银行');
    expect(normalizeCompanyName('宁波云帆投资合伙企业（有限合伙）')).toMatchObject({ core: '云帆投资', region: '宁波' });
  });

  it('handles full-width letters and Latin legal forms in all their spellings', () => {
    const forms = ['Blue Harbor Technology (Shanghai) Co., Ltd.', 'BLUE HARBOR TECHNOLOGY CO.,LTD', 'Blue Harbor Technology Limited', 'Ｂｌｕｅ Ｈａｒｂｏｒ Ｔｅｃｈｎｏｌｏｇｙ Ｉｎｃ．', 'Blue Harbor Technology Corp.', 'Blue Harbor Technology GmbH'];
    for (const name of forms) expect(normalizeCompanyName(name).core, name).toBe('blueharbortechnology');
    expect(normalizeCompanyName('Blue Harbor Technology (Shanghai) Co., Ltd.').region).toBe('上海');
  });

  it('keeps a flag and the place of a branch office', () => {
    expect(normalizeCompanyName('杭州云帆网络科技有限公司上海分公司')).toMatchObject({ core: '云帆网络科技', region: '杭州', branch: '上海' });
    expect(normalizeCompanyName('云帆网络科技上海分公司')).toMatchObject({ core: '云帆网络科技', branch: '上海' });
    expect(normalizeCompanyName('Blue Harbor Technology Co., Ltd. Shanghai Branch')).toMatchObject({ core: 'blueharbortechnology', branch: 'shanghai' });
  });

  it('does not strip a brand that is also the short name of a county', () => {
    expect(normalizeCompanyName('永安贸易有限公司').core).toBe('永安贸易');
    expect(normalizeCompanyName('杭州嘉禾食品有限公司').core).toBe('嘉禾食品');
  });

  it('strips a county after its own city only', () => {
    expect(normalizeCompanyName('杭州余杭云帆网络科技有限公司')).toMatchObject({ core: '云帆网络科技', region: '余杭' });
    expect(normalizeCompanyName('义乌市小商品贸易有限公司')).toMatchObject({ core: '小商品贸易', region: '义乌' });
  });

  it('keeps at least two characters of the name', () => {
    expect(normalizeCompanyName('上海有限公司').core).toBe('上海');
    expect(normalizeCompanyName('有限公司').core).toBe('有限公司');
  });
});

describe('companyCoreSimilarity', () => {
  it('scores a one-character typo high and another brand in the same industry low', () => {
    expect(companyCoreSimilarity('云帆网络科技', '云凡网络科技')).toBeGreaterThan(0.8);
    expect(companyCoreSimilarity('云帆网络科技', '恒泰网络科技')).toBeLessThan(0.7);
    expect(companyCoreSimilarity('云帆网络科技', '云帆贸易')).toBeLessThan(0.6);
  });

  it('counts swapped characters and abbreviations as close', () => {
    expect(companyCoreSimilarity('云帆网络科技', '云帆络网科技')).toBeGreaterThan(0.85);
    expect(companyCoreSimilarity('云帆科技', '云帆网络科技')).toBeGreaterThan(0.85);
  });

  it('is 1 for equal and 0 for empty', () => {
    expect(companyCoreSimilarity('云帆', '云帆')).toBe(1);
    expect(companyCoreSimilarity('', '云帆')).toBe(0);
  });
});
