import { pinyin } from 'pinyin-pro';
import type { Place } from './divisions.ts';
import type { Random } from './random.ts';

/**
 * Demo company names in the shape of registered Chinese names —
 * region + brand (字号) + industry (行业) + legal form (组织形式), e.g. 杭州云帆网络科技有限公司 —
 * plus a few Latin names of foreign-invested companies.
 */
export type Industry =
  | 'software'
  | 'trade'
  | 'manufacturing'
  | 'food'
  | 'logistics'
  | 'construction'
  | 'healthcare'
  | 'media'
  | 'education'
  | 'energy'
  | 'apparel'
  | 'consulting';

export const INDUSTRIES: readonly Industry[] = [
  'software', 'trade', 'manufacturing', 'food', 'logistics', 'construction',
  'healthcare', 'media', 'education', 'energy', 'apparel', 'consulting',
];

export type CompanyName = {
  name: string;
  latin: boolean;
  industry: Industry;
  /** Lower-case ASCII brand, for the demo e-mail domain. */
  brandAscii: string;
};

type Entry = readonly [text: string, ascii: string];

const BRANDS: readonly Entry[] = [
  ['云帆', 'yunfan'], ['恒泰', 'hengtai'], ['华信', 'huaxin'], ['鼎盛', 'dingsheng'],
  ['瑞丰', 'ruifeng'], ['鸿达', 'hongda'], ['金诚', 'jincheng'], ['新宇', 'xinyu'],
  ['海纳', 'haina'], ['博远', 'boyuan'], ['天成', 'tiancheng'], ['启明', 'qiming'],
  ['卓越', 'zhuoyue'], ['汇通', 'huitong'], ['中泰', 'zhongtai'], ['星辰', 'xingchen'],
  ['锦程', 'jincheng'], ['嘉禾', 'jiahe'], ['永安', 'yongan'], ['百川', 'baichuan'],
  ['万象', 'wanxiang'], ['蓝海', 'lanhai'], ['远景', 'yuanjing'], ['宏图', 'hongtu'],
  ['德润', 'derun'], ['同创', 'tongchuang'], ['青禾', 'qinghe'], ['明德', 'mingde'],
  ['优品', 'youpin'], ['安达', 'anda'], ['协力', 'xieli'], ['长青', 'changqing'],
  ['信达', 'xinda'], ['正元', 'zhengyuan'], ['和泰', 'hetai'], ['佳联', 'jialian'],
  ['东升', 'dongsheng'], ['润邦', 'runbang'], ['凯瑞', 'kairui'], ['思创', 'sichuang'],
  ['誉丰', 'yufeng'], ['晟达', 'shengda'], ['宝源', 'baoyuan'], ['易通', 'yitong'],
  ['华美', 'huamei'], ['盛和', 'shenghe'], ['立诚', 'licheng'], ['致远', 'zhiyuan'],
];

/**
 * Characters registered brands are made of (auspicious, trade and nature words). Two or three
 * of them give tens of thousands of brands, about as often shared as in a real register.
 */
const BRAND_CHARS = [
  ...'安邦宝北博材昌畅辰诚驰创春达大德鼎东都恩发帆方丰峰福富冠光广贵国海瀚豪禾和恒弘宏泓洪鸿华辉汇惠佳嘉建江杰金锦晶精景久聚俊凯康科坤蓝朗乐力立利联良林领隆龙禄路伦茂美铭明南宁诺鹏品平祺启千乾强勤青庆荣瑞润森山尚升晟盛胜世泰天通同拓万旺威伟文祥翔新鑫信星兴旭轩亚扬阳耀业一亿益毅逸银英盈永优宇元源远悦越云泽展兆哲振正志智中众卓资尊',
] as const;

const INDUSTRY_WORDS: Readonly<Record<Industry, readonly string[]>> = {
  software: ['网络科技', '信息技术', '软件', '电子商务', '数据科技'],
  trade: ['贸易', '商贸', '进出口'],
  manufacturing: ['机械设备', '电子', '精密制造', '包装材料'],
  food: ['食品', '餐饮管理', '农业科技'],
  logistics: ['物流', '供应链管理', '国际货运代理'],
  construction: ['建材', '建筑工程', '装饰工程'],
  healthcare: ['医疗器械', '生物科技', '医药'],
  media: ['文化传媒', '广告', '会展服务'],
  education: ['教育咨询', '职业技能培训'],
  energy: ['新能源', '环保科技', '光伏科技'],
  apparel: ['服饰', '纺织品'],
  consulting: ['企业管理咨询', '财务咨询', '人力资源'],
};

const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['software', 16], ['trade', 16], ['manufacturing', 14], ['food', 8], ['logistics', 8],
  ['construction', 7], ['healthcare', 6], ['media', 6], ['education', 4], ['energy', 5],
  ['apparel', 5], ['consulting', 5],
];

const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 70], ['有限责任公司', 20], ['股份有限公司', 7], ['集团有限公司', 3],
];

const LATIN_FIRST = ['Blue', 'Silver', 'Golden', 'North', 'Bright', 'Pacific', 'Summit', 'Green', 'Red Maple', 'Evergreen', 'Oak', 'Crystal'] as const;
const LATIN_SECOND = ['Harbor', 'Star', 'River', 'Bridge', 'Peak', 'Leaf', 'Stone', 'Wave', 'Field', 'Gate'] as const;
const LATIN_INDUSTRY: Readonly<Record<Industry, string>> = {
  software: 'Technology',
  trade: 'Trading',
  manufacturing: 'Machinery',
  food: 'Foods',
  logistics: 'Logistics',
  construction: 'Building Materials',
  healthcare: 'Medical',
  media: 'Media',
  education: 'Education',
  energy: 'Energy',
  apparel: 'Apparel',
  consulting: 'Consulting',
};

/**
 * `extraBrand` is for callers that ran out of unique names with one brand word: it adds a
 * second brand word (云帆恒泰…) to widen the name space.
 */
export function generateCompanyName(
  random: Random,
  place: Place,
  opts: { latinShare: number; extraBrand: boolean; wideBrands?: boolean },
): CompanyName {
  const industry = random.weighted(INDUSTRY_WEIGHTS);
  if (random.chance(opts.latinShare)) {
    const first = random.pick(LATIN_FIRST);
    const second = random.pick(LATIN_SECOND);
    const city = random.chance(0.4) ? ` (${place.city.latinName})` : '';
    const extra = opts.extraBrand ? ` ${random.pick(LATIN_SECOND)}` : '';
    return {
      name: `${first} ${second}${extra} ${LATIN_INDUSTRY[industry]}${city} Co., Ltd.`,
      latin: true,
      industry,
      brandAscii: `${first}${second}`.toLowerCase().replace(/[^a-z]/g, ''),
    };
  }

  let [brand, brandAscii] = opts.wideBrands ? composedBrand(random) : random.pick(BRANDS);
  if (opts.extraBrand && !opts.wideBrands) {
    const [brand2, ascii2] = random.pick(BRANDS);
    if (brand2 !== brand) {
      brand += brand2;
      brandAscii += ascii2;
    }
  }
  const word = random.pick(INDUSTRY_WORDS[industry]);
  const form = random.weighted(LEGAL_FORMS);
  const style = random.weighted([
    ['city', 78],
    ['province', 14],
    ['suffix', 8],
  ] as const);
  let name: string;
  switch (style) {
    case 'city':
      name = `${place.city.shortName}${brand}${word}${form}`;
      break;
    case 'province':
      name = `${place.province.shortName}${brand}${word}${form}`;
      break;
    case 'suffix':
      // 字号 + 行业（行政区划）+ 组织形式, as allowed by the name registration rules.
      name = `${brand}${word}（${place.city.shortName}）${form}`;
      break;
  }
  return { name, latin: false, industry, brandAscii };
}

/** Exposed for data-quality tests. */
export const COMPANY_NAME_LISTS = { brands: BRANDS.map(([text]) => text) } as const;

function composedBrand(random: Random): [string, string] {
  const length = random.chance(0.15) ? 3 : 2;
  let brand = '';
  while ([...brand].length < length) {
    const c = random.pick(BRAND_CHARS);
    if (!brand.includes(c)) brand += c;
  }
  return [brand, pinyin(brand, { toneType: 'none', v: true }).replace(/\s+/g, '')];
}
