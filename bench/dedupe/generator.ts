/**
 * A seeded data set for measuring dedupe quality: customers (persons and companies) built
 * like the demo data, some of them entered again with the faults real channels produce, and
 * the list of which records are the same customer.
 *
 * Duplicates get one to three of these changes:
 * - persons: a typo in the name (a homophone picked in the input method, or a syllable one
 *   key off), two swapped characters, the name in pinyin (either order, any case), traditional
 *   characters, only surname + form of address (王先生), mobile / e-mail / ID number /
 *   address dropped, the address moved (same city, another street), the mobile typed with
 *   full-width digits;
 * - companies: region prefix added, dropped or moved into brackets, another or no legal
 *   form, traditional characters, a typo or swap in the name, credit code / mobile / e-mail /
 *   address dropped, address moved, full-width mobile.
 * Every duplicate stays recognisable to a person (see `recognisable`): a customer with
 * nothing but a name on file gets no duplicate.
 * Hard negatives that must stay apart: namesakes (another person with the same name in the
 * same city, often the same district), household members (same address, mostly the same
 * surname, half of them on the same mobile) and sibling companies (the same name in another city,
 * a branch office 分公司 with its own credit code).
 */
import { Converter } from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import type { MatchRecord } from '../../src/modules/dedupe/rules/match-record.ts';
import { generateCompanyName } from '../../src/modules/demo/company-names.ts';
import { createContactRegistry, uniqueEmail, uniqueMobile, type ContactRegistry } from '../../src/modules/demo/contacts.ts';
import { DIVISIONS, formatAddress, listPlaces, type Place } from '../../src/modules/demo/divisions.ts';
import { generateCreditCode, generateNationalId } from '../../src/modules/demo/identity-numbers.ts';
import { generatePersonName, PERSON_NAME_LISTS, type PersonName } from '../../src/modules/demo/person-names.ts';
import { createRandom, type Random } from '../../src/modules/demo/random.ts';

export type DedupeSetOptions = {
  seed: number;
  /** Distinct customers before duplication (hard negatives included). */
  entities: number;
  /** Share of customers entered more than once (0..1). */
  dupRate: number;
  /**
   * Also keep duplicates that share nothing but a name and a region with their original
   * (see `recognisable`); default false. For measuring how much of that tail is lost.
   */
  unrecognisable?: boolean;
};

export type DedupeSet = {
  records: MatchRecord[];
  /** Clusters of record ids that are the same customer (only clusters of 2+ records). */
  truth: string[][];
  /** For each duplicate record, the changes applied to it. */
  changes: Record<string, string[]>;
  /** Pairs of ids that look alike by construction but are different customers. */
  hardNegatives: [string, string][];
};

/** Birth dates in generated ID numbers lie before this fixed date (no clock). */
const NOW = new Date('2025-01-01T00:00:00Z');

const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '310000': 20, '330000': 20, '440000': 20, '320000': 14, '110000': 12, '420000': 7, '510000': 7,
};

const toTraditional = Converter({ from: 'cn', to: 'hk' });

/**
 * Characters an input method offers for a syllable: the name and brand characters of the
 * demo lists plus common characters, grouped by toneless pinyin.
 */
const COMMON_CHARS =
  '的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感' +
  '见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通师立象数四失满战远格士音轻目条呢病始达深完今提求清王化空业思切怎非找片罗钱吗语元喜曾离飞科言干流欢约各即指合反题必该论交终林请医晚制球决传画保读运及则房早院量苦火布品近坐产答星精视五连司巴奇管类未朋且婚台夜青北队久乎越观落尽形影红爸百令周吧识步希亚术留市半热送兴造谈容极随演收首根讲整式取照办强石古华拿计您装似足双妻尼转诉米称丽客南领节衣站黑刻统断福城故历惊脸选包紧争另建维绝树系伤示愿持千史谁准联妇纪基买志静阿诗独复痛消社算义竟确酒需单治卡幸兰念举仅钟怕共毛句息功官待究跟穿室易游程号居考突皮哪费倒价图具刚脑永歌响商礼细专黄块脚味灵改据般破引食仍存众注笔甚某沉血备习校默务土微娘须试怀料调广苏显赛查密议底列富梦错座参八除跑亮假印设线温虽掉京初养香停际致阳纸李纳验助激够严证帝饭忘趣支春集丈木研班普导顿睡展跳获艺六波察群皇段急庭创区奥器谢弟店否害草排背止组州朝封睛板角况曲馆育忙质河续哥呼若推境遇雨标姐充围案伦护冷警贝著雪索剧啊船险烟依斗值帮汉慢佛肯闻唱沙局伯族低玩资屋击速顾泪洲团圣旁堂兵七露园牛哭旅街劳型烈姑陈莫鱼异抱宝权鲁简态级票怪寻杀律胜份汽右洋范床舞秘午登楼贵吸责例追较职属渐左录丝牙党继托赶章智冲叶胡吉卖坚喝肉遗救修松临藏担戏善卫药悲敢靠伊村戴词森耳差短祖云规窗散迷油旧适乡架恩投弹铁博雷府压超负勒杂醒洗采毫嘴毕九冰既状乱景席珍童顶派素脱农疑练野按犯拍征坏骨余承置彩灯巨琴免环姆暗换技翻束增忍餐洛塞缺忆判欧层付阵玛批岛项狗休懂武革良恶恋委拥娜妙探呀营退摇弄桌熟诺宣银势奖宫忽套康供优课鸟喊降夏困刘罪亡鞋健模败伴守挥鲜财孤枪禁恐伙杰迹妹遍盖副坦牌江顺秋萨菜划授归浪听凡预奶雄升编典袋莱含盛济蒙棋端腿招释介烧误';

const CHARS_BY_PINYIN: ReadonlyMap<string, readonly string[]> = (() => {
  const pool = new Set<string>([...COMMON_CHARS].filter((c) => /\p{Script=Han}/u.test(c)));
  for (const [text] of [...PERSON_NAME_LISTS.surnames, ...PERSON_NAME_LISTS.maleGiven, ...PERSON_NAME_LISTS.femaleGiven]) {
    for (const c of text) pool.add(c);
  }
  const map = new Map<string, string[]>();
  for (const c of [...pool].sort()) {
    const py = pinyin(c, { toneType: 'none', v: true });
    const list = map.get(py) ?? [];
    list.push(c);
    map.set(py, list);
  }
  return map;
})();

const QWERTY_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa', w: 'qeas', e: 'wrsd', r: 'etdf', t: 'ryfg', y: 'tugh', u: 'yihj', i: 'uojk', o: 'ipkl', p: 'ol',
  a: 'qwsz', s: 'awedxz', d: 'serfcx', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', j: 'huikmn', k: 'jiolm',
  l: 'kop', z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

/** Another character with the same toneless pinyin, or null. */
function homophone(random: Random, ch: string): string | null {
  const py = pinyin(ch, { toneType: 'none', v: true });
  const options = (CHARS_BY_PINYIN.get(py) ?? []).filter((c) => c !== ch);
  return options.length > 0 ? random.pick(options) : null;
}

/** A character whose pinyin is one key off (jun → hun), as a slip on a pinyin keyboard gives. */
function keyboardSlip(random: Random, ch: string): string | null {
  const py = pinyin(ch, { toneType: 'none', v: true });
  const options: string[] = [];
  for (let i = 0; i < py.length; i++) {
    for (const n of QWERTY_NEIGHBOURS[py.charAt(i)] ?? '') {
      const other = py.slice(0, i) + n + py.slice(i + 1);
      for (const c of CHARS_BY_PINYIN.get(other) ?? []) options.push(c);
    }
  }
  return options.length > 0 ? random.pick(options) : null;
}

function replaceAt(text: string, index: number, ch: string): string {
  const chars = [...text];
  chars[index] = ch;
  return chars.join('');
}

function swapAdjacent(text: string, index: number): string {
  const chars = [...text];
  const a = chars[index] as string;
  chars[index] = chars[index + 1] as string;
  chars[index + 1] = a;
  return chars.join('');
}

const fullWidth = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

type PersonBase = { kind: 'person'; name: PersonName };
type CompanyBase = {
  kind: 'company';
  /** Registered name, and its parts to rebuild variants from. */
  name: string;
  latin: boolean;
  brand: string;
  legalForm: string;
  brandAscii: string;
};
type Entity = {
  base: PersonBase | CompanyBase;
  place: Place;
  record: Omit<MatchRecord, 'id'>;
};

const LEGAL_FORMS = ['集团有限公司', '股份有限公司', '有限责任公司', '有限公司'] as const;
const LATIN_FORMS = ['Co., Ltd.', 'Co.,Ltd', 'Company Limited', 'Limited', 'Ltd.', 'Co., Ltd'] as const;

/** Splits a demo company name into region-free brand+industry and legal form. */
function companyParts(name: string, place: Place): { brand: string; legalForm: string } {
  if (!/\p{Script=Han}/u.test(name)) {
    const brand = name.replace(/\s*\([^)]*\)/, '').replace(/\s*Co\., Ltd\.$/, '');
    return { brand, legalForm: 'Co., Ltd.' };
  }
  const form = LEGAL_FORMS.find((f) => name.endsWith(f)) ?? '有限公司';
  let brand = name.slice(0, -form.length).replace(/（[^）]*）/u, '');
  for (const prefix of [place.city.shortName, place.province.shortName]) {
    if (brand.startsWith(prefix)) {
      brand = brand.slice(prefix.length);
      break;
    }
  }
  return { brand, legalForm: form };
}

function location(random: Random, place: Place, withStreetShare = 0.85): Pick<MatchRecord, 'province' | 'city' | 'district' | 'street' | 'address'> {
  const base = { province: place.province.name, city: place.city.name, district: place.district.name };
  if (!random.chance(withStreetShare)) return { ...base, street: null, address: null };
  const street = random.pick(place.district.streets);
  let detail = ` ${random.int(1, 999)} 号`;
  const extra = random.next();
  if (extra < 0.25) detail += ` ${random.int(2, 28)} 楼`;
  else if (extra < 0.45) detail += ` ${random.pick(['A', 'B', 'C'])} 座 ${random.int(2, 28)}${String(random.int(1, 20)).padStart(2, '0')} 室`;
  return { ...base, street, address: formatAddress(place, street, detail) };
}

function personEmail(random: Random, person: PersonName, contacts: ContactRegistry): string {
  const domain = random.pick(['example.com', 'example.net', 'example.org']);
  const { givenAscii: given, familyAscii: family } = person;
  const local = person.latin
    ? random.pick([`${given}.${family}`, `${given}${family}`, `${given.charAt(0)}${family}`])
    : random.weighted([
        [`${family}${given}`, 3],
        [`${given}.${family}`, 2],
        [`${family}${given}${random.int(70, 99)}`, 2],
        [String(random.int(10_000_000, 3_999_999_999)), 2],
      ] as const);
  return uniqueEmail(contacts, local, domain);
}

const e164 = (national: string): string => `+86${national}`;

type Ctx = {
  random: Random;
  places: readonly Place[];
  placeWeights: readonly (readonly [Place, number])[];
  contacts: ContactRegistry;
  nationalIds: Set<string>;
  creditCodes: Set<string>;
  companyCores: Set<string>;
};

function unique(taken: Set<string>, make: () => string): string {
  for (;;) {
    const v = make();
    if (!taken.has(v)) {
      taken.add(v);
      return v;
    }
  }
}

function newPerson(ctx: Ctx, place: Place, name: PersonName): Entity {
  const { random } = ctx;
  const nationalId =
    !name.latin && random.chance(0.35)
      ? unique(ctx.nationalIds, () =>
          generateNationalId(random, {
            regionCode: random.chance(0.7) ? place.district.code : random.pick(ctx.places).district.code,
            sex: name.sex,
            now: NOW,
            minAge: 18,
            maxAge: 75,
          }),
        )
      : null;
  return {
    base: { kind: 'person', name },
    place,
    record: {
      kind: 'person',
      name: name.name,
      mobile: random.chance(0.9) ? e164(uniqueMobile(random, ctx.contacts)) : null,
      email: random.chance(0.4) ? personEmail(random, name, ctx.contacts) : null,
      nationalId,
      creditCode: null,
      ...location(random, place),
    },
  };
}

function newCompany(ctx: Ctx, place: Place, name: string, brandAscii: string): Entity {
  const { random } = ctx;
  const parts = companyParts(name, place);
  return {
    base: { kind: 'company', name, latin: !/\p{Script=Han}/u.test(name), brand: parts.brand, legalForm: parts.legalForm, brandAscii },
    place,
    record: {
      kind: 'company',
      name,
      mobile: random.chance(0.65) ? e164(uniqueMobile(random, ctx.contacts)) : null,
      email: random.chance(0.55)
        ? uniqueEmail(ctx.contacts, random.pick(['info', 'sales', 'contact', 'service', 'admin']), `${brandAscii}.example.com`)
        : null,
      nationalId: null,
      creditCode: random.chance(0.85) ? unique(ctx.creditCodes, () => generateCreditCode(random, place)) : null,
      ...location(random, place, 0.9),
    },
  };
}

function freshCompanyName(ctx: Ctx, place: Place): { name: string; brandAscii: string } {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const c = generateCompanyName(ctx.random, place, { latinShare: 0.06, extraBrand: attempt >= 5 });
    const core = companyParts(c.name, place).brand;
    if (!ctx.companyCores.has(core)) {
      ctx.companyCores.add(core);
      return { name: c.name, brandAscii: c.brandAscii };
    }
  }
  throw new Error('could not find a unique company name');
}

// ---------------------------------------------------------------- duplicates

type Change = { name: string; weight: number; nameChange: boolean };

const PERSON_CHANGES: readonly Change[] = [
  { name: 'typo_homophone', weight: 10, nameChange: true },
  { name: 'typo_keyboard', weight: 5, nameChange: true },
  { name: 'swap_chars', weight: 5, nameChange: true },
  { name: 'pinyin', weight: 8, nameChange: true },
  { name: 'traditional', weight: 6, nameChange: true },
  { name: 'honorific', weight: 3, nameChange: true },
  { name: 'drop_mobile', weight: 10, nameChange: false },
  { name: 'drop_email', weight: 5, nameChange: false },
  { name: 'drop_national_id', weight: 5, nameChange: false },
  { name: 'drop_address', weight: 6, nameChange: false },
  { name: 'moved_address', weight: 8, nameChange: false },
  { name: 'fullwidth_mobile', weight: 5, nameChange: false },
];

const COMPANY_CHANGES: readonly Change[] = [
  { name: 'region_form', weight: 12, nameChange: true },
  { name: 'legal_form', weight: 10, nameChange: true },
  { name: 'traditional', weight: 6, nameChange: true },
  { name: 'typo_homophone', weight: 6, nameChange: true },
  { name: 'typo_keyboard', weight: 3, nameChange: true },
  { name: 'swap_chars', weight: 3, nameChange: true },
  { name: 'drop_credit_code', weight: 8, nameChange: false },
  { name: 'drop_mobile', weight: 6, nameChange: false },
  { name: 'drop_email', weight: 4, nameChange: false },
  { name: 'drop_address', weight: 5, nameChange: false },
  { name: 'moved_address', weight: 6, nameChange: false },
  { name: 'fullwidth_mobile', weight: 3, nameChange: false },
];

function pickChanges(random: Random, options: readonly Change[]): string[] {
  const count = random.weighted([[1, 40], [2, 40], [3, 20]] as const);
  const chosen: string[] = [];
  let nameChanged = false;
  for (let guard = 0; chosen.length < count && guard < 50; guard++) {
    const available = options.filter((o) => !chosen.includes(o.name) && !(o.nameChange && nameChanged));
    const pick = random.weighted(available.map((o) => [o, o.weight] as const));
    chosen.push(pick.name);
    nameChanged ||= pick.nameChange;
  }
  return chosen;
}

function typoInName(random: Random, name: string, firstEditable: number, kind: 'typo_homophone' | 'typo_keyboard'): string {
  const chars = [...name];
  const positions = chars.map((_, i) => i).filter((i) => i >= firstEditable && /\p{Script=Han}/u.test(chars[i] as string));
  for (let attempt = 0; attempt < 6 && positions.length > 0; attempt++) {
    const at = random.pick(positions);
    const ch = chars[at] as string;
    const other = kind === 'typo_homophone' ? homophone(random, ch) : (keyboardSlip(random, ch) ?? homophone(random, ch));
    if (other) return replaceAt(name, at, other);
  }
  return name;
}

function moveAddress(random: Random, entity: Entity, places: readonly Place[]): Pick<MatchRecord, 'province' | 'city' | 'district' | 'street' | 'address'> {
  const sameCity = places.filter((p) => p.city.code === entity.place.city.code);
  const place = random.pick(sameCity);
  const moved = location(random, place, 1);
  return moved.street === entity.record.street && moved.address === entity.record.address ? location(random, place, 1) : moved;
}

function applyPersonChange(ctx: Ctx, entity: Entity, base: PersonBase, rec: Omit<MatchRecord, 'id'>, change: string): void {
  const { random } = ctx;
  const p = base.name;
  switch (change) {
    case 'typo_homophone':
    case 'typo_keyboard':
      if (!p.latin) rec.name = typoInName(random, rec.name, random.chance(0.2) ? 0 : 1, change);
      else rec.name = rec.name.replace(/[aeiou](?=[a-z])/, (v) => random.pick([...QWERTY_NEIGHBOURS[v] ?? v]));
      break;
    case 'swap_chars': {
      const n = [...rec.name].length;
      if (!p.latin && n >= 3) rec.name = swapAdjacent(rec.name, random.int(1, n - 2));
      else if (!p.latin) rec.name = typoInName(random, rec.name, 1, 'typo_homophone');
      else rec.name = rec.name.split(' ').reverse().join(' ');
      break;
    }
    case 'pinyin': {
      if (p.latin) {
        rec.name = rec.name.split(' ').reverse().join(' ');
        break;
      }
      const family = capitalise(p.familyAscii);
      const given = random.chance(0.2) && p.givenAscii.length > 4 ? splitSyllables(p.givenAscii) : capitalise(p.givenAscii);
      rec.name = random.weighted([
        [`${family} ${given}`, 4],
        [`${given} ${family}`, 4],
        [`${family.toUpperCase()} ${given}`, 2],
      ] as const);
      break;
    }
    case 'traditional':
      rec.name = toTraditional(rec.name);
      if (rec.address) rec.address = toTraditional(rec.address);
      break;
    case 'honorific':
      if (!p.latin) rec.name = `${[...rec.name].slice(0, rec.name.startsWith('欧阳') ? 2 : 1).join('')}${p.sex === 'male' ? random.pick(['先生', '总']) : random.pick(['女士', '小姐'])}`;
      break;
    default:
      applyFieldChange(ctx, entity, rec, change);
  }
}

/** xiaoming → Xiao Ming, by the syllables of the demo list's characters. */
function splitSyllables(ascii: string): string {
  const m = /^(.+?[aeiouv]+n?g?)([^aeiouv].*)$/.exec(ascii);
  return m ? `${capitalise(m[1] as string)} ${capitalise(m[2] as string)}` : capitalise(ascii);
}

function applyCompanyChange(ctx: Ctx, entity: Entity, base: CompanyBase, rec: Omit<MatchRecord, 'id'>, change: string): void {
  const { random } = ctx;
  const { place } = entity;
  switch (change) {
    case 'region_form':
      if (base.latin) {
        rec.name = random.chance(0.5) ? `${base.brand} ${base.legalForm}` : `${base.brand} (${place.city.latinName}) ${base.legalForm}`;
        if (rec.name === base.name) rec.name = `${place.city.latinName} ${base.brand} ${base.legalForm}`;
      } else {
        const options = [
          `${base.brand}${base.legalForm}`,
          `${place.city.shortName}${base.brand}${base.legalForm}`,
          `${place.city.name}${base.brand}${base.legalForm}`,
          `${base.brand}（${place.city.shortName}）${base.legalForm}`,
          `${place.province.isMunicipality ? '' : place.province.shortName}${place.city.shortName}${base.brand}${base.legalForm}`,
        ].filter((n) => n !== base.name);
        rec.name = random.pick(options);
      }
      break;
    case 'legal_form':
      if (base.latin) {
        const form = random.pick(LATIN_FORMS.filter((f) => f !== base.legalForm));
        rec.name = rec.name.replace(base.legalForm, form);
        if (random.chance(0.3)) rec.name = rec.name.toUpperCase();
      } else {
        const form = random.pick(['有限公司', '有限责任公司', '公司', '', '股份有限公司'].filter((f) => f !== base.legalForm));
        rec.name = rec.name.slice(0, rec.name.length - base.legalForm.length) + form;
      }
      break;
    case 'traditional':
      rec.name = base.latin ? fullWidth(rec.name) : toTraditional(rec.name);
      if (rec.address) rec.address = toTraditional(rec.address);
      break;
    case 'typo_homophone':
    case 'typo_keyboard':
    case 'swap_chars': {
      if (base.latin) {
        rec.name = rec.name.replace(/[aeiou](?=[a-z])/, (v) => random.pick([...QWERTY_NEIGHBOURS[v] ?? v]));
        break;
      }
      // Only inside brand + industry, never in the region or legal form.
      const at = rec.name.indexOf(base.brand);
      if (at < 0) break;
      let brand = base.brand;
      if (change === 'swap_chars') brand = swapAdjacent(brand, random.int(0, [...brand].length - 2));
      else brand = typoInName(random, brand, 0, change);
      rec.name = rec.name.slice(0, at) + brand + rec.name.slice(at + base.brand.length);
      break;
    }
    default:
      applyFieldChange(ctx, entity, rec, change);
  }
}

function applyFieldChange(ctx: Ctx, entity: Entity, rec: Omit<MatchRecord, 'id'>, change: string): void {
  switch (change) {
    case 'drop_mobile':
      rec.mobile = null;
      break;
    case 'drop_email':
      rec.email = null;
      break;
    case 'drop_national_id':
      rec.nationalId = null;
      break;
    case 'drop_credit_code':
      rec.creditCode = null;
      break;
    case 'drop_address':
      rec.street = null;
      rec.address = null;
      if (ctx.random.chance(0.3)) {
        rec.district = null;
        rec.city = null;
        rec.province = null;
      }
      break;
    case 'moved_address':
      Object.assign(rec, moveAddress(ctx.random, entity, ctx.places));
      break;
    case 'fullwidth_mobile':
      if (rec.mobile) rec.mobile = fullWidth(rec.mobile.replace(/^\+86/, ''));
      break;
    default:
      throw new Error(`unknown change ${change}`);
  }
}

/**
 * True when a person could still tell that `dup` is `original` entered again: they share a
 * mobile, an e-mail, an ID number or credit code, or the address down to the house number;
 * for a company, also an unchanged brand and industry (a registered name identifies a firm).
 * A pair sharing only a person's name is indistinguishable from two namesakes (which the set
 * contains on purpose), so nobody could label it, and it is not generated.
 */
function recognisable(dup: Omit<MatchRecord, 'id'>, original: Omit<MatchRecord, 'id'>, changes: readonly string[]): boolean {
  const digits = (m: string | null | undefined) => (m ? m.normalize('NFKC').replace(/^\+86/, '') : null);
  const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a === b;
  if (same(digits(dup.mobile), digits(original.mobile))) return true;
  if (same(dup.email, original.email) || same(dup.nationalId, original.nationalId) || same(dup.creditCode, original.creditCode)) return true;
  if (dup.address && original.address && dup.street === original.street && !changes.includes('moved_address')) return true;
  return dup.kind === 'company' && !changes.some((c) => c.startsWith('typo_') || c === 'swap_chars');
}

function duplicate(ctx: Ctx, entity: Entity, keepAll: boolean): { record: Omit<MatchRecord, 'id'>; changes: string[] } | null {
  const base = entity.base;
  for (let attempt = 0; attempt < 10; attempt++) {
    const rec = { ...entity.record };
    const changes = pickChanges(ctx.random, base.kind === 'person' ? PERSON_CHANGES : COMPANY_CHANGES);
    for (const change of changes) {
      if (base.kind === 'person') applyPersonChange(ctx, entity, base, rec, change);
      else applyCompanyChange(ctx, entity, base, rec, change);
    }
    if (keepAll || recognisable(rec, entity.record, changes)) return { record: rec, changes };
  }
  return null;
}

// ---------------------------------------------------------------- hard negatives

function namesake(ctx: Ctx, entity: Entity, base: PersonBase): Entity {
  const { random } = ctx;
  const sameCity = ctx.places.filter((p) => p.city.code === entity.place.city.code);
  const place = random.chance(0.5) ? entity.place : random.pick(sameCity);
  return newPerson(ctx, place, base.name);
}

/**
 * Another member of the household: the same address, often the same surname, and half the
 * time the same mobile (parents' accounts are often registered with a child's phone).
 */
function householdMember(ctx: Ctx, entity: Entity, base: PersonBase): Entity | null {
  const { random } = ctx;
  if (base.name.latin || !entity.record.address) return null;
  let name = generatePersonName(random, 0);
  const surname = base.name.name.startsWith('欧阳') ? '欧阳' : base.name.name.charAt(0);
  if (random.chance(0.7)) {
    const given = name.name.slice(name.name.startsWith('欧阳') ? 2 : 1);
    name = { ...name, name: surname + given, familyAscii: base.name.familyAscii };
  }
  if (name.name === base.name.name) return null;
  const member = newPerson(ctx, entity.place, name);
  Object.assign(member.record, {
    province: entity.record.province,
    city: entity.record.city,
    district: entity.record.district,
    street: entity.record.street,
    address: entity.record.address,
  });
  if (random.chance(0.5)) member.record.mobile = entity.record.mobile;
  return member;
}

function siblingCompany(ctx: Ctx, entity: Entity, base: CompanyBase): Entity | null {
  const { random } = ctx;
  if (base.latin) return null;
  const others = ctx.places.filter((p) => p.city.code !== entity.place.city.code);
  const place = random.pick(others);
  if (random.chance(0.5)) {
    // The same brand registered in another city.
    return newCompany(ctx, place, `${place.city.shortName}${base.brand}${base.legalForm}`, base.brandAscii);
  }
  // A branch office in another city, with its own credit code.
  const sibling = newCompany(ctx, place, `${base.name}${place.city.shortName}分公司`, base.brandAscii);
  sibling.record.creditCode = unique(ctx.creditCodes, () => generateCreditCode(random, place));
  return sibling;
}

// ---------------------------------------------------------------- the set

export function generateDedupeSet(opts: DedupeSetOptions): DedupeSet {
  if (!Number.isInteger(opts.entities) || opts.entities < 1) throw new RangeError('entities must be a positive integer');
  if (!(opts.dupRate >= 0 && opts.dupRate <= 1)) throw new RangeError('dupRate must be in 0..1');
  const random = createRandom(opts.seed);
  const places = listPlaces(DIVISIONS);
  const placeWeights = places.map((place) => {
    const inProvince = places.filter((p) => p.province.code === place.province.code).length;
    return [place, (PROVINCE_WEIGHTS[place.province.code] ?? 1) / inProvince] as const;
  });
  const ctx: Ctx = {
    random,
    places,
    placeWeights,
    contacts: createContactRegistry(),
    nationalIds: new Set(),
    creditCodes: new Set(),
    companyCores: new Set(),
  };

  // Entities: each a list of records (the first is the original).
  const groups: { records: Omit<MatchRecord, 'id'>[]; changes: string[][] }[] = [];
  const negatives: [number, number][] = [];
  while (groups.length < opts.entities) {
    const place = random.weighted(placeWeights);
    let entity: Entity;
    if (random.chance(0.6)) {
      entity = newPerson(ctx, place, generatePersonName(random, 0.06));
    } else {
      const company = freshCompanyName(ctx, place);
      entity = newCompany(ctx, place, company.name, company.brandAscii);
    }
    const group = { records: [entity.record], changes: [[] as string[]] };
    if (random.chance(opts.dupRate)) {
      const copies = random.chance(0.15) ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        const dup = duplicate(ctx, entity, opts.unrecognisable ?? false);
        if (!dup) continue;
        group.records.push(dup.record);
        group.changes.push(dup.changes);
      }
    }
    groups.push(group);
    const index = groups.length - 1;
    // Hard negatives, as entities of their own.
    const base = entity.base;
    let negative: Entity | null = null;
    if (base.kind === 'person' && random.chance(0.05)) negative = namesake(ctx, entity, base);
    else if (base.kind === 'person' && random.chance(0.03)) negative = householdMember(ctx, entity, base);
    if (base.kind === 'company' && random.chance(0.05)) negative = siblingCompany(ctx, entity, base);
    if (negative && groups.length < opts.entities) {
      groups.push({ records: [negative.record], changes: [[]] });
      negatives.push([index, groups.length - 1]);
    }
  }

  // Shuffle the records so that nothing can be read from their order or ids.
  const flat = groups.flatMap((g, gi) => g.records.map((record, ri) => ({ record, gi, changes: g.changes[ri] ?? [] })));
  for (let i = flat.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [flat[i], flat[j]] = [flat[j] as (typeof flat)[number], flat[i] as (typeof flat)[number]];
  }
  const width = String(flat.length).length;
  const records: MatchRecord[] = [];
  const idsByGroup = new Map<number, string[]>();
  const changes: Record<string, string[]> = {};
  flat.forEach((item, i) => {
    const id = `r${String(i + 1).padStart(width, '0')}`;
    records.push({ id, ...item.record });
    const ids = idsByGroup.get(item.gi) ?? [];
    ids.push(id);
    idsByGroup.set(item.gi, ids);
    if (item.changes.length > 0) changes[id] = item.changes;
  });
  const truth = [...idsByGroup.values()].filter((ids) => ids.length > 1);
  const hardNegatives = negatives.flatMap(([a, b]) => {
    const first = idsByGroup.get(a)?.[0];
    const second = idsByGroup.get(b)?.[0];
    return first && second ? [[first, second] as [string, string]] : [];
  });
  return { records, truth, changes, hardNegatives };
}
