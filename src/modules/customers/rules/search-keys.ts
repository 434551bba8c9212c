import { pinyin } from 'pinyin-pro';
import { memoizeText } from '../../../lib/memo.ts';

/**
 * Pinyin and initials of a name, so that "zhangsan", "zs" or "zhang" find 张三. Surnames are read
 * in surname mode (单 → shan). Latin parts are kept as they are, lower-cased, without spaces.
 */
export const nameSearchKeys = memoizeText(computeNameSearchKeys);

function computeNameSearchKeys(name: string): { pinyin: string; initials: string } {
  const normalised = name.normalize('NFKC').trim();
  const syllables = pinyin(normalised, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const hasHan = /\p{Script=Han}/u.test(normalised);
  const latinWords = normalised.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return {
    pinyin: syllables.join(''),
    initials: hasHan ? syllables.map((s) => s[0]).join('') : latinWords.map((w) => w[0]).join(''),
  };
}
