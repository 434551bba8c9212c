/**
 * A small bundled extract of the administrative divisions (GB/T 2260, codes as published
 * by the Ministry of Civil Affairs) with a few real street names per district, for demo
 * addresses and for the region prefixes of generated identity numbers and credit codes.
 *
 * For the municipalities the city level is officially "市辖区" (e.g. 310100); it is named
 * after the municipality here so that addresses read naturally.
 */
export type District = { code: string; name: string; streets: readonly string[] };
export type City = {
  code: string;
  name: string;
  shortName: string;
  /** Romanised name, for Latin company names (`… (Shanghai) Co., Ltd.`). */
  latinName: string;
  districts: readonly District[];
};
export type Province = {
  code: string;
  name: string;
  shortName: string;
  isMunicipality: boolean;
  cities: readonly City[];
};

export const DIVISIONS: readonly Province[] = [
  {
    code: '110000',
    name: '北京市',
    shortName: '北京',
    isMunicipality: true,
    cities: [
      {
        code: '110100',
        name: '北京市',
        shortName: '北京',
        latinName: 'Beijing',
        districts: [
          { code: '110101', name: '东城区', streets: ['王府井大街', '东直门内大街', '东四北大街'] },
          { code: '110102', name: '西城区', streets: ['金融大街', '西单北大街', '德胜门外大街'] },
          { code: '110105', name: '朝阳区', streets: ['建国路', '东三环中路', '朝阳北路', '酒仙桥路'] },
          { code: '110108', name: '海淀区', streets: ['中关村大街', '学院路', '知春路', '海淀大街'] },
        ],
      },
    ],
  },
  {
    code: '310000',
    name: '上海市',
    shortName: '上海',
    isMunicipality: true,
    cities: [
      {
        code: '310100',
        name: '上海市',
        shortName: '上海',
        latinName: 'Shanghai',
        districts: [
          { code: '310101', name: '黄浦区', streets: ['南京东路', '淮海中路', '西藏中路'] },
          { code: '310104', name: '徐汇区', streets: ['漕溪北路', '肇嘉浜路', '宜山路'] },
          { code: '310105', name: '长宁区', streets: ['延安西路', '天山路', '仙霞路'] },
          { code: '310106', name: '静安区', streets: ['南京西路', '延安中路', '共和新路'] },
          { code: '310112', name: '闵行区', streets: ['沪闵路', '七莘路', '虹井路'] },
          { code: '310115', name: '浦东新区', streets: ['世纪大道', '张江路', '陆家嘴环路', '浦东南路'] },
        ],
      },
    ],
  },
  {
    code: '320000',
    name: '江苏省',
    shortName: '江苏',
    isMunicipality: false,
    cities: [
      {
        code: '320100',
        name: '南京市',
        shortName: '南京',
        latinName: 'Nanjing',
        districts: [
          { code: '320102', name: '玄武区', streets: ['珠江路', '北京东路', '龙蟠路'] },
          { code: '320104', name: '秦淮区', streets: ['中华路', '太平南路', '建康路'] },
          { code: '320105', name: '建邺区', streets: ['江东中路', '庐山路', '嘉陵江东街'] },
          { code: '320106', name: '鼓楼区', streets: ['中山北路', '湖南路', '广州路'] },
        ],
      },
      {
        code: '320500',
        name: '苏州市',
        shortName: '苏州',
        latinName: 'Suzhou',
        districts: [
          { code: '320505', name: '虎丘区', streets: ['长江路', '狮山路', '竹园路'] },
          { code: '320506', name: '吴中区', streets: ['东吴北路', '宝带西路'] },
          { code: '320508', name: '姑苏区', streets: ['人民路', '干将路', '观前街'] },
        ],
      },
    ],
  },
  {
    code: '330000',
    name: '浙江省',
    shortName: '浙江',
    isMunicipality: false,
    cities: [
      {
        code: '330100',
        name: '杭州市',
        shortName: '杭州',
        latinName: 'Hangzhou',
        districts: [
          { code: '330102', name: '上城区', streets: ['解放路', '延安路', '钱江路'] },
          { code: '330105', name: '拱墅区', streets: ['莫干山路', '湖墅南路', '丽水路'] },
          { code: '330106', name: '西湖区', streets: ['文三路', '天目山路', '文二路', '古墩路'] },
          { code: '330108', name: '滨江区', streets: ['江南大道', '网商路', '滨盛路', '长河路'] },
          { code: '330109', name: '萧山区', streets: ['市心北路', '金城路'] },
          { code: '330110', name: '余杭区', streets: ['文一西路', '五常大道', '良睦路'] },
        ],
      },
      {
        code: '330200',
        name: '宁波市',
        shortName: '宁波',
        latinName: 'Ningbo',
        districts: [
          { code: '330203', name: '海曙区', streets: ['中山西路', '解放南路', '药行街'] },
          { code: '330205', name: '江北区', streets: ['人民路', '大庆南路'] },
          { code: '330212', name: '鄞州区', streets: ['天童南路', '四明中路', '首南中路'] },
        ],
      },
    ],
  },
  {
    code: '420000',
    name: '湖北省',
    shortName: '湖北',
    isMunicipality: false,
    cities: [
      {
        code: '420100',
        name: '武汉市',
        shortName: '武汉',
        latinName: 'Wuhan',
        districts: [
          { code: '420102', name: '江岸区', streets: ['解放大道', '沿江大道', '中山大道'] },
          { code: '420103', name: '江汉区', streets: ['建设大道', '新华路', '江汉路'] },
          { code: '420106', name: '武昌区', streets: ['中南路', '中北路', '武珞路'] },
          { code: '420111', name: '洪山区', streets: ['珞喻路', '雄楚大道'] },
        ],
      },
    ],
  },
  {
    code: '440000',
    name: '广东省',
    shortName: '广东',
    isMunicipality: false,
    cities: [
      {
        code: '440100',
        name: '广州市',
        shortName: '广州',
        latinName: 'Guangzhou',
        districts: [
          { code: '440104', name: '越秀区', streets: ['环市东路', '中山五路', '东风中路'] },
          { code: '440105', name: '海珠区', streets: ['新港中路', '江南大道中', '工业大道'] },
          { code: '440106', name: '天河区', streets: ['天河路', '体育西路', '天河北路', '黄埔大道西'] },
          { code: '440111', name: '白云区', streets: ['机场路', '白云大道'] },
          { code: '440113', name: '番禺区', streets: ['番禺大道北', '迎宾路'] },
        ],
      },
      {
        code: '440300',
        name: '深圳市',
        shortName: '深圳',
        latinName: 'Shenzhen',
        districts: [
          { code: '440303', name: '罗湖区', streets: ['人民南路', '深南东路', '东门中路'] },
          { code: '440304', name: '福田区', streets: ['深南大道', '福华路', '益田路', '华强北路'] },
          { code: '440305', name: '南山区', streets: ['科苑路', '南海大道', '高新南一道'] },
          { code: '440306', name: '宝安区', streets: ['宝安大道', '创业一路'] },
          { code: '440307', name: '龙岗区', streets: ['龙岗大道', '龙翔大道'] },
        ],
      },
    ],
  },
  {
    code: '510000',
    name: '四川省',
    shortName: '四川',
    isMunicipality: false,
    cities: [
      {
        code: '510100',
        name: '成都市',
        shortName: '成都',
        latinName: 'Chengdu',
        districts: [
          { code: '510104', name: '锦江区', streets: ['春熙路', '红星路', '东大街'] },
          { code: '510105', name: '青羊区', streets: ['蜀都大道', '青华路'] },
          { code: '510107', name: '武侯区', streets: ['人民南路四段', '科华北路', '武侯祠大街'] },
          { code: '510108', name: '成华区', streets: ['建设路', '府青路'] },
        ],
      },
    ],
  },
];

/** A district together with the city and province it belongs to. */
export type Place = { province: Province; city: City; district: District };

/** Every district in DIVISIONS, flattened. */
export function listPlaces(divisions: readonly Province[] = DIVISIONS): Place[] {
  return divisions.flatMap((province) =>
    province.cities.flatMap((city) => city.districts.map((district) => ({ province, city, district }))),
  );
}

/**
 * `浙江省杭州市西湖区文三路 123 号`; for municipalities the city is not repeated
 * (`上海市浦东新区张江路 88 号`). `detail` is appended after the street.
 */
export function formatAddress(place: Place, street: string, detail: string): string {
  const cityPart = place.province.isMunicipality ? '' : place.city.name;
  return `${place.province.name}${cityPart}${place.district.name}${street}${detail}`;
}
