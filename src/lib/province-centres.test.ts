import { describe, expect, it } from 'vitest';
import { provinceCentre } from './province-centres.ts';
import { distanceKm } from '../modules/pool/rules/entry.ts';

describe('province centres', () => {
  it('knows full and short province names and nothing else', () => {
    expect(provinceCentre('浙江省')).toEqual({ lat: 30.274, lng: 120.155 });
    expect(provinceCentre('浙江')).toEqual(provinceCentre('浙江省'));
    expect(provinceCentre('广西')).toEqual(provinceCentre('广西壮族自治区'));
    expect(provinceCentre('火星')).toBeNull();
    expect(provinceCentre(null)).toBeNull();
  });

  it('puts Hangzhou about 165 km from Shanghai and 1,050 km from Beijing', () => {
    const d = (a: string, b: string) => distanceKm(provinceCentre(a)!, provinceCentre(b)!);
    expect(d('浙江省', '上海市')).toBeGreaterThan(150);
    expect(d('浙江省', '上海市')).toBeLessThan(180);
    expect(d('浙江省', '北京市')).toBeGreaterThan(1000);
    expect(d('浙江省', '北京市')).toBeLessThan(1150);
  });
});
