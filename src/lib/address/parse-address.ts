import { divisionIndex, type City, type District, type DivisionIndex, type NameHit, type Province, type Street } from './division-index.ts';

/**
 * A Chinese address split into its administrative parts. Names are the official full names
 * (浙江省, 杭州市, 西湖区) whatever the input used; codes are GB/T 2260. `street` is the
 * street-level division (街道/镇/乡) when there is one, otherwise the road (文三路), and `rest` is
 * what follows (478号华星时代广场). A part that cannot be told is null, and its text stays in
 * `rest`.
 *
 * Conventions: for the municipalities the city is the municipality (北京市 / 110100); for the
 * county-level cities and counties that report straight to a province (湖北省仙桃市) the city is
 * that county-level city and the district is null; for cities without districts (东莞市) the
 * district is null and the street is the town (东莞市南城街道).
 */
export type ParsedAddress = {
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  rest: string;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  /** 9-digit code when the street is a street-level division from the data, else null. */
  streetCode: string | null;
};

/** `end` is where the name ends, `next` where the next level may start (after a suffix, separators, noise). */
type Token<T> = { entry: T; short: boolean; start: number; end: number; next: number };

type Candidate = {
  province?: Token<Province>;
  city?: Token<City>;
  district?: Token<District>;
  street?: Token<Street>;
  score: number;
};

/** What a candidate resolves to, level by level (inferred parents included). */
type Resolved = {
  province: Province | null;
  city: { name: string; code: string | null } | null;
  district: District | null;
  street: Street | null;
  /** Where the text of each level ends, 0 when the level was inferred rather than read. */
  ends: [number, number, number, number];
};

const SEPARATOR = /[\s,，、;；/\\|·:：\-—_]/;
/** What may follow a short name such as 南京 or 中山 without it being a road or a building. */
const NOT_AFTER_SHORT = /^(市场|路|街|道|巷|弄|胡同|里|村|镇|乡|号|桥|大道|大街|大厦|广场|小区|花园|公园|东路|西路|南路|北路|中路)/;
/** 义乌市场 is a market, not 义乌市 + 场. */
const NOT_AFTER_FULL_CITY = /^场/;
/** Placeholder levels some exports write out: 北京市市辖区朝阳区, 湖北省省直辖县级行政区划仙桃市. */
const NOISE = ['自治区直辖县级行政区划', '省直辖县级行政区划', '直辖县级行政区划', '市辖区'];
const TOWN = /^([\u4e00-\u9fff]{1,8}?)(街道|镇|乡)(?![路街道巷村])/;
const ROAD = /^([\u4e00-\u9fffA-Za-z0-9]{1,12}?)(大道|大街|胡同|路|街|巷|弄)/;
/** A town or road name does not run across these: they mark a district, a zone or a building. */
const NOT_IN_NAME = /[省市区县号楼室座幢栋园厦]/;

/** Splits an address into province, city, district, street and the rest, inferring what is missing. */
export function parseAddress(text: string, index: DivisionIndex = divisionIndex()): ParsedAddress {
  const s = normalize(text);
  const start = skipSeparators(s, 0);
  const candidates = enumerate(s, start, index);
  const best = pickBest(candidates, index);
  return assemble(s, start, best);
}

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/^(中华人民共和国|中国大陆|中国|china)\s*/i, '')
    .replace(/^\d{6}\s*(?=[\u4e00-\u9fff])/, ''); // a leading postcode
}

function skipSeparators(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && SEPARATOR.test(s.charAt(p))) p++;
  return p;
}

/** After a short name, an own-level suffix is taken along: 浦东区 (浦东新区), 广西省, 余杭县 (now 余杭区). */
function afterToken(s: string, token: Token<unknown>, suffixes: string): number {
  let p = token.end;
  if (token.short && suffixes.includes(s.charAt(p))) p++;
  return skipSeparators(s, p);
}

function skipNoise(s: string, pos: number, province: Province | undefined): number {
  let p = pos;
  for (let changed = true; changed; ) {
    changed = false;
    // 北京市北京市朝阳区, 上海上海市浦东新区: the municipality named again at the city level.
    const words = province?.municipality ? [province.name, province.name.slice(0, -1), ...NOISE] : NOISE;
    for (const word of words) {
      if (s.startsWith(word, p)) {
        p = skipSeparators(s, p + word.length);
        changed = true;
        break;
      }
    }
  }
  return p;
}

function prefixHits<T extends { name: string }>(
  s: string,
  pos: number,
  names: ReadonlyMap<string, NameHit<T>[]>,
  lengths: ReadonlyMap<string, number[]>,
  level: 'province' | 'city' | 'district',
): Token<T>[] {
  const out: Token<T>[] = [];
  for (const len of lengths.get(s.charAt(pos)) ?? []) {
    if (pos + len > s.length) continue;
    const hits = names.get(s.slice(pos, pos + len));
    if (!hits) continue;
    const after = s.slice(pos + len, pos + len + 2); // two characters: enough for the guards
    for (const hit of hits) {
      // 浙江省 read in full makes 浙江 + 省 a second, identical reading.
      if (hit.short && out.some((t) => t.entry === hit.entry)) continue;
      if (hit.short && NOT_AFTER_SHORT.test(after)) continue;
      if (!hit.short && level !== 'province' && hit.entry.name.endsWith('市') && NOT_AFTER_FULL_CITY.test(after)) continue;
      out.push({ entry: hit.entry, short: hit.short, start: pos, end: pos + len, next: pos + len });
    }
  }
  return out;
}

/** Streets of one district (or, without a district, of one city) whose name starts at `pos`. */
function streetHits(s: string, pos: number, within: ReadonlyMap<string, Street[]> | undefined): Token<Street>[] {
  const out: Token<Street>[] = [];
  for (const entry of within?.get(s.charAt(pos)) ?? []) {
    if (s.startsWith(entry.name, pos)) {
      const end = pos + entry.name.length;
      out.push({ entry, short: false, start: pos, end, next: skipSeparators(s, end) });
    }
  }
  return out;
}

function enumerate(s: string, start: number, index: DivisionIndex): Candidate[] {
  const { prefixLengths: lengths } = index;
  const out: Candidate[] = [];
  // The same positions come up under several readings: look each one up once.
  const cityAt = memo((p) => prefixHits(s, p, index.cityNames, lengths.city, 'city'));
  const districtAt = memo((p) => prefixHits(s, p, index.districtNames, lengths.district, 'district'));
  const provinces = [undefined, ...prefixHits(s, start, index.provinceNames, lengths.province, 'province')];
  for (const province of provinces) {
    if (province) province.next = skipNoise(s, afterToken(s, province, '省市'), province.entry);
    const p1 = province ? province.next : start;
    const cities = [
      undefined,
      ...cityAt(p1).filter((c) => !province || c.entry.provinceCode === province.entry.code),
    ];
    for (const city of cities) {
      if (city) city.next = skipNoise(s, afterToken(s, city, '市'), undefined); // the same for every reading
      const p2 = city ? city.next : p1;
      const districts = [
        undefined,
        ...districtAt(p2).filter((d) =>
          city ? d.entry.cityCode === city.entry.code : province ? d.entry.provinceCode === province.entry.code : true,
        ),
      ];
      for (const district of districts) {
        if (district) district.next = afterToken(s, district, '区县市旗');
        const p3 = district ? district.next : p2;
        // Streets are only looked up where a city or district narrows them down.
        const within = district ? index.streetsByDistrict.get(district.entry.code) : city ? index.streetsByCity.get(city.entry.code) : undefined;
        const streets: (Token<Street> | undefined)[] = [undefined, ...streetHits(s, p3, within)];
        for (const street of streets) {
          if (!province && !city && !district && !street) continue;
          out.push({ province, city, district, street, score: score([province, city, district, street], province) });
        }
      }
    }
  }
  return out;
}

function memo<T>(fn: (pos: number) => T[]): (pos: number) => T[] {
  const seen = new Map<number, T[]>();
  return (pos) => {
    let hit = seen.get(pos);
    if (!hit) seen.set(pos, (hit = fn(pos)));
    return hit;
  };
}

/** Characters read count most; a full name beats a short one; a province breaks a tie (海南). */
function score(tokens: (Token<unknown> | undefined)[], province: Token<Province> | undefined): number {
  let total = province ? 1 : 0;
  for (const token of tokens) if (token) total += (token.end - token.start) * 10 + (token.short ? 0 : 3);
  return total;
}

function resolve(c: Candidate, index: DivisionIndex): Resolved {
  const street = c.street?.entry ?? null;
  const districtEntry = c.district?.entry ?? (street ? (index.districts.get(street.districtCode) ?? null) : null);
  const provinceCode = c.province?.entry.code ?? c.city?.entry.provinceCode ?? districtEntry?.provinceCode ?? null;
  const province = provinceCode ? (index.provinces.get(provinceCode) ?? null) : null;

  let city: Resolved['city'] = null;
  let district: District | null = districtEntry && districtEntry.ownName ? districtEntry : null;
  if (c.city) city = { name: c.city.entry.name, code: c.city.entry.code };
  else if (districtEntry && province?.municipality) city = { name: province.name, code: districtEntry.cityCode };
  else if (districtEntry && districtEntry.cityCode === null) {
    // 仙桃市 reports to 湖北省 directly: it is the city, there is no district above the street.
    city = { name: districtEntry.name, code: districtEntry.code };
    district = null;
  } else if (districtEntry?.cityCode) {
    const entry = index.cities.get(districtEntry.cityCode);
    if (entry) city = { name: entry.name, code: entry.code };
  } else if (province?.municipality) {
    city = { name: province.name, code: province.code === '500000' ? null : `${province.code.slice(0, 2)}0100` };
  }

  const cityEnd = c.city?.next ?? (districtEntry && !district ? (c.district?.next ?? 0) : 0);
  return {
    province,
    city,
    district,
    street,
    ends: [c.province?.next ?? 0, cityEnd, district ? (c.district?.next ?? 0) : 0, c.street?.next ?? 0],
  };
}

/**
 * The best-scoring reading. When several readings score the same (朝阳区 is in Beijing and in
 * Changchun), only the levels they all agree on are kept.
 */
function pickBest(candidates: Candidate[], index: DivisionIndex): Resolved | null {
  if (candidates.length === 0) return null;
  let top = -1;
  for (const c of candidates) if (c.score > top) top = c.score;
  const best = candidates.filter((c) => c.score === top).map((c) => resolve(c, index));
  const first = best[0];
  if (!first) return null;
  if (best.length === 1) return first;

  const same = (pick: (r: Resolved) => string | null | undefined) => best.every((r) => pick(r) === pick(first));
  const agreed: Resolved = { province: null, city: null, district: null, street: null, ends: [0, 0, 0, 0] };
  const end = (level: 0 | 1 | 2 | 3) => Math.max(...best.map((r) => r.ends[level]));
  if (!same((r) => r.province?.code)) return agreed.province ? agreed : null;
  agreed.province = first.province;
  agreed.ends[0] = end(0);
  if (!same((r) => r.city?.code ?? r.city?.name)) return agreed;
  agreed.city = first.city;
  agreed.ends[1] = end(1);
  if (!same((r) => r.district?.code)) return agreed;
  agreed.district = first.district;
  agreed.ends[2] = end(2);
  if (!same((r) => r.street?.code)) return agreed;
  agreed.street = first.street;
  agreed.ends[3] = end(3);
  return agreed;
}

function assemble(s: string, start: number, r: Resolved | null): ParsedAddress {
  let pos = skipSeparators(s, Math.max(start, ...(r?.ends ?? [0])));
  let street = r?.street?.name ?? null;
  const streetCode = r?.street?.code ?? null;
  if (!street) {
    const rest = s.slice(pos);
    const town = TOWN.exec(rest);
    const road = town ? null : ROAD.exec(rest);
    const found = town ?? road;
    if (found && !NOT_IN_NAME.test(found[1] ?? '')) {
      street = found[0];
      pos = skipSeparators(s, pos + found[0].length);
    }
  }
  return {
    province: r?.province?.name ?? null,
    city: r?.city?.name ?? null,
    district: r?.district?.name ?? null,
    street,
    rest: s.slice(pos).trim(),
    provinceCode: r?.province?.code ?? null,
    cityCode: r?.city?.code ?? null,
    districtCode: r?.district?.code ?? null,
    streetCode,
  };
}
