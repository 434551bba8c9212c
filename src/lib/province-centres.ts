import { regionOf } from './regions.ts';

/**
 * Where each province's capital is (latitude, longitude): a coarse position for records that have
 * an address but no map point yet, so "nearby first" in the public pool still puts the same
 * province before distant ones. A precise point (a visit check-in, a manual edit) replaces it.
 */
const CENTRES: Record<string, readonly [number, number]> = {
  北京市: [39.904, 116.407],
  天津市: [39.125, 117.19],
  河北省: [38.042, 114.514],
  山西省: [37.87, 112.549],
  内蒙古自治区: [40.842, 111.749],
  辽宁省: [41.805, 123.431],
  吉林省: [43.817, 125.324],
  黑龙江省: [45.803, 126.535],
  上海市: [31.23, 121.474],
  江苏省: [32.06, 118.797],
  浙江省: [30.274, 120.155],
  安徽省: [31.821, 117.227],
  福建省: [26.075, 119.296],
  江西省: [28.682, 115.858],
  山东省: [36.651, 117.12],
  河南省: [34.747, 113.625],
  湖北省: [30.593, 114.305],
  湖南省: [28.228, 112.939],
  广东省: [23.129, 113.264],
  广西壮族自治区: [22.817, 108.366],
  海南省: [20.044, 110.199],
  重庆市: [29.563, 106.551],
  四川省: [30.573, 104.066],
  贵州省: [26.647, 106.63],
  云南省: [25.038, 102.718],
  西藏自治区: [29.652, 91.172],
  陕西省: [34.341, 108.94],
  甘肃省: [36.061, 103.834],
  青海省: [36.617, 101.778],
  宁夏回族自治区: [38.487, 106.231],
  新疆维吾尔自治区: [43.825, 87.617],
  香港特别行政区: [22.32, 114.169],
  澳门特别行政区: [22.199, 113.544],
  台湾省: [25.033, 121.565],
};

const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const byShort = new Map(Object.entries(CENTRES).map(([name, c]) => [name.replace(SUFFIX, ''), c]));

/** The capital's position for a province (full or short name), or null when unknown. */
export function provinceCentre(province: string | null | undefined): { lat: number; lng: number } | null {
  if (!province || !regionOf(province)) return null;
  const c = CENTRES[province.trim()] ?? byShort.get(province.trim().replace(SUFFIX, ''));
  return c ? { lat: c[0], lng: c[1] } : null;
}
