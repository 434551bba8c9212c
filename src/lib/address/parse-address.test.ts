import { describe, expect, it } from 'vitest';
import { parseAddress } from './parse-address.ts';

const parts = (text: string) => {
  const r = parseAddress(text);
  return [r.province, r.city, r.district, r.street, r.rest];
};

describe('parseAddress', () => {
  it('splits a full address into province, city, district, road and the rest, with codes', () => {
    expect(parseAddress('浙江省杭州市西湖区文三路478号华星时代广场A座')).toEqual({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      street: '文三路',
      rest: '478号华星时代广场A座',
      provinceCode: '330000',
      cityCode: '330100',
      districtCode: '330106',
      streetCode: null,
    });
  });

  it('reads short names and returns the full ones', () => {
    expect(parts('浙江杭州西湖区文三路478号')).toEqual(['浙江省', '杭州市', '西湖区', '文三路', '478号']);
    expect(parts('广东深圳南山区科技园')).toEqual(['广东省', '深圳市', '南山区', null, '科技园']);
  });

  it('infers the province from the city', () => {
    expect(parseAddress('杭州市西湖区文三路')).toMatchObject({ province: '浙江省', provinceCode: '330000', city: '杭州市', district: '西湖区', street: '文三路' });
    expect(parts('广州天河区天河路385号')).toEqual(['广东省', '广州市', '天河区', '天河路', '385号']);
  });

  it('infers the city and the province from a district that exists only once', () => {
    expect(parts('余杭区文一西路969号')).toEqual(['浙江省', '杭州市', '余杭区', '文一西路', '969号']);
    expect(parseAddress('义乌市稠城街道工人北路')).toMatchObject({ province: '浙江省', city: '金华市', district: '义乌市', street: '稠城街道', streetCode: '330782001', rest: '工人北路' });
  });

  it('handles the municipalities with or without their city level', () => {
    expect(parseAddress('北京市朝阳区建国路88号SOHO现代城')).toMatchObject({
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      districtCode: '110105',
      cityCode: '110100',
      street: '建国路',
      rest: '88号SOHO现代城',
    });
    expect(parts('上海浦东新区世纪大道100号')).toEqual(['上海市', '上海市', '浦东新区', '世纪大道', '100号']);
    expect(parts('北京市市辖区东城区东华门街道')).toEqual(['北京市', '北京市', '东城区', '东华门街道', '']);
    expect(parts('北京市北京市海淀区中关村大街27号')).toEqual(['北京市', '北京市', '海淀区', '中关村大街', '27号']);
    expect(parseAddress('重庆城口县葛城街道')).toMatchObject({ city: '重庆市', cityCode: '500200', district: '城口县' });
  });

  it('accepts the short form of a district name with the usual suffix', () => {
    expect(parts('上海市浦东区世纪大道100号')).toEqual(['上海市', '上海市', '浦东新区', '世纪大道', '100号']);
  });

  it('reads autonomous regions by full and by short name', () => {
    expect(parts('广西壮族自治区南宁市青秀区民族大道136号')).toEqual(['广西壮族自治区', '南宁市', '青秀区', '民族大道', '136号']);
    expect(parts('广西南宁青秀区民族大道')).toEqual(['广西壮族自治区', '南宁市', '青秀区', '民族大道', '']);
    expect(parts('新疆乌鲁木齐市天山区')).toEqual(['新疆维吾尔自治区', '乌鲁木齐市', '天山区', null, '']);
    expect(parts('内蒙古呼和浩特市')).toEqual(['内蒙古自治区', '呼和浩特市', null, null, '']);
  });

  it('prefers the district that belongs to the city given', () => {
    expect(parseAddress('吉林省长春市朝阳区人民大街').districtCode).toBe('220104');
    expect(parseAddress('北京朝阳区酒仙桥路10号').districtCode).toBe('110105');
    expect(parseAddress('江苏省南京市鼓楼区中山北路').districtCode).toBe('320106');
    expect(parseAddress('江苏省徐州市鼓楼区中山北路').districtCode).toBe('320302');
  });

  it('does not guess between districts of the same name when nothing tells them apart', () => {
    expect(parseAddress('朝阳区建国路')).toMatchObject({ province: null, district: null, rest: '朝阳区建国路' });
    // Both 鼓楼区 of Jiangsu: the province is certain, the city is not.
    expect(parseAddress('江苏鼓楼区中山北路')).toMatchObject({ province: '江苏省', city: null, district: null });
  });

  it('tells 吉林 the city from 吉林 the province', () => {
    expect(parts('吉林市船营区北京路')).toEqual(['吉林省', '吉林市', '船营区', '北京路', '']);
    expect(parts('吉林省吉林市船营区')).toEqual(['吉林省', '吉林市', '船营区', null, '']);
  });

  it('returns the street-level division from the data, inferring the district from it', () => {
    expect(parseAddress('杭州市西溪街道')).toMatchObject({ district: '西湖区', street: '西溪街道', streetCode: '330106004' });
    expect(parts('中国 浙江省 杭州市 余杭区 五常街道 文一西路969号')).toEqual(['浙江省', '杭州市', '余杭区', '五常街道', '文一西路969号']);
  });

  it('puts the county-level cities under their province and the district-less cities without district', () => {
    expect(parseAddress('湖北省仙桃市沙嘴街道')).toMatchObject({ province: '湖北省', city: '仙桃市', cityCode: '429004', district: null, street: '沙嘴街道' });
    expect(parseAddress('广东省东莞市南城街道鸿福路')).toMatchObject({ city: '东莞市', cityCode: '441900', district: null, street: '南城街道', streetCode: '441900004', rest: '鸿福路' });
  });

  it('does not read a road named after a city as that city', () => {
    expect(parts('上海市南京东路100号')).toEqual(['上海市', '上海市', null, '南京东路', '100号']);
    expect(parts('中山路88号')).toEqual([null, null, null, '中山路', '88号']);
    expect(parts('义乌市场路5号')).toEqual([null, null, null, null, '义乌市场路5号']);
  });

  it('keeps a bare road and an unknown text as they are', () => {
    expect(parts('文三路478号')).toEqual([null, null, null, '文三路', '478号']);
    expect(parts('某某小区3幢')).toEqual([null, null, null, null, '某某小区3幢']);
    expect(parts('')).toEqual([null, null, null, null, '']);
  });

  it('ignores full-width characters, separators, a country prefix and a postcode', () => {
    expect(parts('310000 浙江省/杭州市/西湖区 文三路４７８号')).toEqual(['浙江省', '杭州市', '西湖区', '文三路', '478号']);
    expect(parts('中华人民共和国北京市海淀区')).toEqual(['北京市', '北京市', '海淀区', null, '']);
  });

  it('reads a province alone, and prefers the province when a short name is also a prefecture', () => {
    expect(parseAddress('海南')).toMatchObject({ province: '海南省', city: null });
    expect(parseAddress('河北承德')).toMatchObject({ province: '河北省', city: '承德市', cityCode: '130800', district: null });
  });
});
