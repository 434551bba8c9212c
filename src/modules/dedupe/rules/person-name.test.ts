import { describe, expect, it } from 'vitest';
import { comparePersonNames, normalizePersonName, syllableSimilarity } from './person-name.ts';

const compare = (a: string, b: string) => comparePersonNames(normalizePersonName(a), normalizePersonName(b));

describe('normalizePersonName', () => {
  it('makes 张三, 張三, Zhang San and San Zhang comparable', () => {
    const forms = ['张三', '張三', 'Zhang San', 'San Zhang', 'ZHANG San', 'zhang  san'].map(normalizePersonName);
    for (const form of forms) {
      expect(form.pinyin).toBe('zhangsan');
      expect(form.initials).toBe('zs');
      expect(form.latinTokens).toEqual(['san', 'zhang']);
    }
    expect(forms[0]).toMatchObject({ han: '张三', syllables: ['zhang', 'san'], partial: false });
    expect(forms[2]?.han).toBeNull();
  });

  it('reads surnames with their surname pronunciation', () => {
    expect(normalizePersonName('单雄信').pinyin).toBe('shanxiongxin');
    expect(normalizePersonName('曾小贤').pinyin).toBe('zengxiaoxian');
    expect(normalizePersonName('欧阳娜').latinTokens).toEqual(['na', 'ouyang']);
    expect(normalizePersonName('吕布').pinyin).toBe('lvbu');
  });

  it('keeps the written order of a Latin name unless only the last token is a Chinese surname', () => {
    expect(normalizePersonName('Emily Chen')).toMatchObject({ pinyin: 'chenemily', latinTokens: ['chen', 'emily'] });
    expect(normalizePersonName('Wang Li').pinyin).toBe('wangli');
    expect(normalizePersonName('Xiao-ming Zhang').pinyinVariants).toEqual(['xiaomingzhang', 'zhangxiaoming']);
    expect(normalizePersonName('Mr. David Smith').latinTokens).toEqual(['david', 'smith']);
  });

  it('recognises a surname with a form of address', () => {
    expect(normalizePersonName('王先生')).toMatchObject({ han: '王', partial: true });
    expect(normalizePersonName('欧阳女士')).toMatchObject({ han: '欧阳', partial: true });
    expect(normalizePersonName('张总')).toMatchObject({ han: '张', partial: true });
    // Not a surname before 总: a name, not a form of address.
    expect(normalizePersonName('一总').partial).toBe(false);
  });

  it('drops the middle dot of minority names', () => {
    expect(normalizePersonName('买买提·艾力').han).toBe('买买提艾力');
  });
});

describe('comparePersonNames', () => {
  it('sees the same name in both scripts and both orders', () => {
    expect(compare('张三', '張三').kind).toBe('exact');
    expect(compare('张三', 'San Zhang').kind).toBe('pinyin');
    expect(compare('张晓明', 'Xiao Ming Zhang').kind).toBe('pinyin');
    expect(compare('Emily Chen', 'Chen Emily').kind).toBe('exact');
  });

  it('sees homophone typos as the same sound', () => {
    expect(compare('张伟', '张玮')).toEqual({ kind: 'pinyin', similarity: 0.95 });
    expect(compare('王芳', '汪芳').kind).toBe('pinyin');
  });

  it('finds swapped characters and one-key slips close', () => {
    expect(compare('张伟明', '张明伟').similarity).toBeGreaterThanOrEqual(0.85);
    expect(compare('罗子豪', '罗子告').similarity).toBeGreaterThanOrEqual(0.7);
    expect(compare('林雪梅', '林梅学').similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('does not let a shared surname make different people look alike', () => {
    expect(compare('张伟', '张强')).toMatchObject({ kind: 'different' });
    expect(compare('张伟', '张强').similarity).toBeLessThan(0.3);
    expect(compare('周丽娟', '周宇轩').similarity).toBeLessThan(0.4);
    expect(compare('张建国', '张伟').similarity).toBeLessThan(0.2);
    expect(compare('杨玉兰', '曾梓涵').kind).toBe('different');
    expect(compare('Emily Chen', 'Grace Chen').kind).toBe('different');
  });

  it('treats a form of address as compatible with any name of that surname', () => {
    expect(compare('王先生', '王伟').kind).toBe('partial');
    expect(compare('张小姐', 'Haiyan Zhang').kind).toBe('partial');
    expect(compare('王先生', '李伟').kind).toBe('different');
  });
});

describe('syllableSimilarity', () => {
  it('charges half an edit for a syllable one letter off and little for a swap', () => {
    expect(syllableSimilarity(['zi', 'hao'], ['zi', 'gao'])).toBeCloseTo(0.75);
    expect(syllableSimilarity(['xue', 'mei'], ['mei', 'xue'])).toBeCloseTo(0.85);
    expect(syllableSimilarity(['li', 'juan'], ['yu', 'xuan'])).toBeLessThan(0.3);
    expect(syllableSimilarity([], [])).toBe(1);
  });
});
