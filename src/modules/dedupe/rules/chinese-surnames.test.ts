import { describe, expect, it } from 'vitest';
import { isSurname, SURNAME_ROMANISATIONS, surnameLength } from './chinese-surnames.ts';

describe('chinese surnames', () => {
  it('splits compound surnames off names of three or more characters', () => {
    expect(surnameLength('欧阳娜')).toBe(2);
    expect(surnameLength('司马光')).toBe(2);
    expect(surnameLength('欧阳')).toBe(1);
    expect(surnameLength('张三')).toBe(1);
    expect(surnameLength('')).toBe(0);
  });

  it('knows common surnames and their romanisations', () => {
    expect(isSurname('王')).toBe(true);
    expect(isSurname('诸葛')).toBe(true);
    expect(isSurname('伟')).toBe(false);
    for (const s of ['zhang', 'ouyang', 'lv', 'shan', 'wong', 'chan']) expect(SURNAME_ROMANISATIONS.has(s), s).toBe(true);
    expect(SURNAME_ROMANISATIONS.has('emily')).toBe(false);
  });
});
