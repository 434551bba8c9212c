import { pinyin } from 'pinyin-pro';
import type { Random } from './random.ts';

/**
 * Demo person names: Chinese names with their pinyin (for ASCII e-mail addresses) and a
 * few Latin names. Surname weights roughly follow their share of the population.
 */
export type DemoSex = 'male' | 'female';

export type PersonName = {
  /** As displayed: `张伟` or `Emily Chen`. */
  name: string;
  latin: boolean;
  sex: DemoSex;
  /** Lower-case ASCII parts for e-mail local parts: `wei` / `zhang`. */
  givenAscii: string;
  familyAscii: string;
};

type Entry = readonly [text: string, ascii: string];

const SURNAMES: readonly (readonly [Entry, number])[] = [
  [['王', 'wang'], 71], [['李', 'li'], 70], [['张', 'zhang'], 68], [['刘', 'liu'], 54],
  [['陈', 'chen'], 45], [['杨', 'yang'], 31], [['黄', 'huang'], 22], [['赵', 'zhao'], 20],
  [['吴', 'wu'], 20], [['周', 'zhou'], 19], [['徐', 'xu'], 15], [['孙', 'sun'], 14],
  [['马', 'ma'], 12], [['朱', 'zhu'], 12], [['胡', 'hu'], 11], [['郭', 'guo'], 11],
  [['何', 'he'], 10], [['林', 'lin'], 10], [['高', 'gao'], 10], [['罗', 'luo'], 9],
  [['郑', 'zheng'], 9], [['梁', 'liang'], 8], [['谢', 'xie'], 7], [['宋', 'song'], 6],
  [['唐', 'tang'], 6], [['许', 'xu'], 6], [['韩', 'han'], 6], [['冯', 'feng'], 6],
  [['邓', 'deng'], 5], [['曹', 'cao'], 5], [['彭', 'peng'], 5], [['曾', 'zeng'], 5],
  [['肖', 'xiao'], 5], [['田', 'tian'], 5], [['董', 'dong'], 5], [['潘', 'pan'], 4],
  [['袁', 'yuan'], 4], [['蔡', 'cai'], 4], [['蒋', 'jiang'], 4], [['余', 'yu'], 4],
  [['于', 'yu'], 4], [['杜', 'du'], 4], [['叶', 'ye'], 4], [['程', 'cheng'], 4],
  [['魏', 'wei'], 4], [['苏', 'su'], 3], [['吕', 'lv'], 3], [['丁', 'ding'], 3],
  [['沈', 'shen'], 3], [['姚', 'yao'], 3], [['卢', 'lu'], 3], [['钟', 'zhong'], 3],
  [['姜', 'jiang'], 3], [['崔', 'cui'], 3], [['谭', 'tan'], 3], [['陆', 'lu'], 3],
  [['范', 'fan'], 3], [['汪', 'wang'], 3], [['廖', 'liao'], 3], [['石', 'shi'], 3],
  [['金', 'jin'], 3], [['贾', 'jia'], 2], [['夏', 'xia'], 2], [['方', 'fang'], 2],
  [['邹', 'zou'], 2], [['熊', 'xiong'], 2], [['白', 'bai'], 2], [['孟', 'meng'], 2],
  [['秦', 'qin'], 2], [['邱', 'qiu'], 2], [['江', 'jiang'], 2], [['顾', 'gu'], 1],
  [['欧阳', 'ouyang'], 0.5],
];

const MALE_GIVEN: readonly Entry[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'],
  ['涛', 'tao'], ['斌', 'bin'], ['超', 'chao'], ['明', 'ming'], ['浩', 'hao'], ['鹏', 'peng'],
  ['凯', 'kai'], ['亮', 'liang'], ['刚', 'gang'], ['辉', 'hui'], ['健', 'jian'], ['峰', 'feng'],
  ['建国', 'jianguo'], ['建华', 'jianhua'], ['建军', 'jianjun'], ['志强', 'zhiqiang'],
  ['志明', 'zhiming'], ['俊杰', 'junjie'], ['浩然', 'haoran'], ['宇轩', 'yuxuan'],
  ['子豪', 'zihao'], ['博文', 'bowen'], ['晨阳', 'chenyang'], ['昊天', 'haotian'],
  ['家豪', 'jiahao'], ['天宇', 'tianyu'], ['鹏飞', 'pengfei'], ['海涛', 'haitao'],
  ['国华', 'guohua'], ['晓东', 'xiaodong'], ['立伟', 'liwei'], ['文杰', 'wenjie'],
  ['永强', 'yongqiang'], ['振华', 'zhenhua'], ['宏伟', 'hongwei'], ['子轩', 'zixuan'],
  ['一鸣', 'yiming'], ['思远', 'siyuan'], ['嘉诚', 'jiacheng'], ['明轩', 'mingxuan'],
  ['卫东', 'weidong'], ['少华', 'shaohua'], ['正阳', 'zhengyang'], ['文彬', 'wenbin'],
];

const FEMALE_GIVEN: readonly Entry[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'],
  ['娟', 'juan'], ['霞', 'xia'], ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'], ['颖', 'ying'],
  ['慧', 'hui'], ['倩', 'qian'], ['玲', 'ling'], ['璐', 'lu'], ['瑶', 'yao'], ['萍', 'ping'],
  ['秀英', 'xiuying'], ['桂英', 'guiying'], ['丽娟', 'lijuan'], ['晓燕', 'xiaoyan'],
  ['雅婷', 'yating'], ['欣怡', 'xinyi'], ['梓涵', 'zihan'], ['诗涵', 'shihan'],
  ['思琪', 'siqi'], ['雨桐', 'yutong'], ['佳怡', 'jiayi'], ['梦瑶', 'mengyao'],
  ['婉清', 'wanqing'], ['晓丽', 'xiaoli'], ['海燕', 'haiyan'], ['春梅', 'chunmei'],
  ['丹丹', 'dandan'], ['文静', 'wenjing'], ['雪梅', 'xuemei'], ['美玲', 'meiling'],
  ['慧敏', 'huimin'], ['嘉欣', 'jiaxin'], ['子琪', 'ziqi'], ['若曦', 'ruoxi'],
  ['可馨', 'kexin'], ['晓雯', 'xiaowen'], ['静怡', 'jingyi'], ['玉兰', 'yulan'],
];

const LATIN_MALE = ['David', 'Kevin', 'Jason', 'Eric', 'Tony', 'Leo', 'Frank', 'Peter', 'Michael', 'Lukas', 'Daniel', 'Andy'] as const;
const LATIN_FEMALE = ['Emily', 'Grace', 'Vivian', 'Cindy', 'Michelle', 'Amy', 'Helen', 'Sophie', 'Anna', 'Olivia', 'Joyce', 'Linda'] as const;
/** Mostly Chinese surnames in their usual romanisations, plus a few foreign ones. */
const LATIN_FAMILY: readonly (readonly [string, number])[] = [
  ['Chen', 5], ['Wang', 5], ['Li', 4], ['Zhang', 4], ['Liu', 3], ['Lin', 3], ['Huang', 2],
  ['Wong', 2], ['Lee', 2], ['Chan', 1], ['Smith', 1], ['Brown', 1], ['Schmidt', 1],
  ['Martin', 1], ['Tanaka', 1], ['Kim', 1], ['Nguyen', 1],
];

/** Characters of composed given names: the common lists above are the head, these the long tail. */
const MALE_CHARS = [...'安斌彬波博超辰成承诚驰聪达德东栋锋峰福刚国海涵浩皓恒宏鸿华辉骏军俊凯康坤磊力立良亮林霖龙明铭楠鹏平奇启谦强庆然荣瑞森山善胜晟世书帅松涛天庭威伟文武翔祥鑫新兴星旭轩学阳耀毅逸义勇宇煜远岳云泽哲振正志智忠'];
const FEMALE_CHARS = [...'爱安佳蓓碧彩婵春丹芳菲芬凤桂含涵红虹慧惠佳洁瑾婧静娟可兰岚蕾莉丽琳玲璐露曼美梅梦敏娜宁琪琴晴秋蓉茹蕊珊诗淑舒爽素婷彤婉薇文霞仙娴笑欣馨秀萱雪雅妍艳燕瑶怡宜颖莹瑜玉媛月悦云芸珍贞芝紫'];

/**
 * `wide`: two given names in three are composed from a pool of characters (one or two of them),
 * so that, as in real life, a few names are common and most are rare.
 */
export function generatePersonName(random: Random, latinShare: number, wide = false): PersonName {
  const sex: DemoSex = random.chance(0.5) ? 'male' : 'female';
  if (random.chance(latinShare)) {
    const given = random.pick(sex === 'male' ? LATIN_MALE : LATIN_FEMALE);
    const family = random.weighted(LATIN_FAMILY);
    return {
      name: `${given} ${family}`,
      latin: true,
      sex,
      givenAscii: given.toLowerCase(),
      familyAscii: family.toLowerCase(),
    };
  }
  const [family, familyAscii] = random.weighted(SURNAMES);
  const [given, givenAscii] = wide && random.chance(2 / 3) ? composedGiven(random, sex) : random.pick(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return { name: family + given, latin: false, sex, givenAscii, familyAscii };
}

function composedGiven(random: Random, sex: DemoSex): readonly [string, string] {
  const pool = sex === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const given = random.chance(0.2) ? random.pick(pool) : random.pick(pool) + random.pick(pool);
  return [given, pinyin(given, { toneType: 'none', v: true }).replace(/\s+/g, '')];
}

/** Exposed for data-quality tests. */
export const PERSON_NAME_LISTS = {
  surnames: SURNAMES.map(([entry]) => entry),
  maleGiven: MALE_GIVEN,
  femaleGiven: FEMALE_GIVEN,
} as const;
