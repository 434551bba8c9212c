/** China's customary sales regions (大区) by province, as sales teams split territories. */
const REGIONS: Record<string, readonly string[]> = {
  华北: ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区'],
  东北: ['辽宁省', '吉林省', '黑龙江省'],
  华东: ['上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省'],
  华中: ['河南省', '湖北省', '湖南省'],
  华南: ['广东省', '广西壮族自治区', '海南省', '香港特别行政区', '澳门特别行政区'],
  西南: ['重庆市', '四川省', '贵州省', '云南省', '西藏自治区'],
  西北: ['陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区'],
  港澳台: ['台湾省'],
};

export const REGION_NAMES = Object.keys(REGIONS);

const byProvince = new Map<string, string>();
for (const [region, provinces] of Object.entries(REGIONS)) {
  for (const province of provinces) {
    byProvince.set(province, region);
    // Short forms people type: 浙江, 广西, 内蒙古.
    byProvince.set(province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''), region);
  }
}

/** The region of a province (full or short name), or null when unknown. */
export function regionOf(province: string | null | undefined): string | null {
  if (!province) return null;
  return byProvince.get(province.trim()) ?? null;
}
