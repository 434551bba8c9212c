import { COMPANY_SIZES, regionOf, type LeadFacts } from '../../lib/sales-facts.ts';
import { sigmoid } from './rules/logistic.ts';
import type { HistoryRow } from './rules/train.ts';

/**
 * A seeded lead history whose true drivers are known (for the scoring bench and quality tests):
 * the chance a lead is won is σ(truthLogit(facts)). It includes an interaction the default rules
 * cannot see (manufacturing × larger companies), effects of channel and region, and graded
 * effects of completeness and activity where the rules only have thresholds.
 */
export function truthLogit(f: LeadFacts): number {
  let z = -1.3;
  z += SOURCE_EFFECT[f.source] ?? 0;
  if (f.channel === 'douyin') z -= 0.4;
  if (f.channel === 'wechat') z += 0.2;
  if (f.industry === '制造业' && (f.companySize === '200-999' || f.companySize === '1000+')) z += 1.4;
  if (f.industry === '软件和信息技术' && f.companySize === '1-49') z -= 0.8;
  if (f.region === '华东') z += 0.3;
  if (f.region === '西北') z -= 0.3;
  z += (1.6 * (f.completeness - 60)) / 40;
  if (f.daysSinceActivity === null) z -= 0.9;
  else if (f.daysSinceActivity > 30) z -= 0.7;
  z += 0.35 * Math.log1p(f.activityCount);
  if (f.hasCreditCode) z += 0.3;
  return z;
}

export const truthProbability = (f: LeadFacts) => sigmoid(truthLogit(f));

const SOURCE_EFFECT: Record<string, number> = { referral: 1.3, event: 0.5, web_form: 0.1, api: 0, import: -0.5, call_list: -0.8 };
const SOURCES: Array<[string, number]> = [['web_form', 35], ['import', 20], ['api', 10], ['referral', 15], ['event', 12], ['call_list', 8]];
const CHANNELS: Record<string, Array<[string | null, number]>> = {
  web_form: [['baidu', 3], ['wechat', 3], ['douyin', 3], ['website', 2]],
  event: [['expo', 2], ['seminar', 1]],
  import: [['dealer', 2], [null, 1]],
};
const INDUSTRIES = ['制造业', '零售', '软件和信息技术', '教育', '医疗健康', '建筑', '物流'];
const PROVINCES = ['上海市', '浙江省', '江苏省', '广东省', '北京市', '四川省', '湖北省', '河南省', '陕西省', '辽宁省', '山东省', '福建省'];
const AGE_BANDS = [null, '25-34', '35-44', '45-54', '55+', '<25'];

/** mulberry32: small, seeded, and stable across dependency upgrades. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    let roll = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
    return items[items.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

/** One lead's facts, drawn with realistic correlations (a credit code comes with a fuller record). */
export function generateLeadFacts(random: ReturnType<typeof seeded>): LeadFacts {
  const source = random.weighted(SOURCES);
  const channels = CHANNELS[source];
  const province = random.pick(PROVINCES);
  const hasCompany = random.next() < 0.85;
  const hasCreditCode = hasCompany && random.next() < 0.55;
  const hasEmail = random.next() < 0.5;
  const base = 30 + random.int(0, 50) + (hasCreditCode ? 10 : 0) + (hasEmail ? 8 : 0);
  const completeness = Math.min(100, base);
  const contacted = random.next() < 0.8;
  const daysSinceActivity = contacted ? Math.floor(-Math.log(1 - random.next()) * 20) : null;
  return {
    source,
    channel: channels ? random.weighted(channels) : null,
    industry: random.next() < 0.92 ? random.pick(INDUSTRIES) : null,
    province,
    region: regionOf(province),
    companySize: hasCompany ? random.weighted(COMPANY_SIZES.map((s, i) => [s, [5, 4, 3, 2][i]!] as const)) : null,
    ageBand: random.pick(AGE_BANDS),
    hasCompany,
    hasCreditCode,
    hasMobile: random.next() < 0.95,
    hasEmail,
    completeness,
    daysSinceCreated: random.int(1, 200),
    daysSinceActivity,
    activityCount: contacted ? random.int(1, 12) : 0,
    score: null,
  };
}

export type GeneratedHistory = { rows: Array<HistoryRow & { facts: LeadFacts; truth: number }> };

/** `count` closed leads over `days` days from `start`, each won with its true probability. */
export function generateLeadHistory(options: { seed: number; count: number; start?: Date; days?: number }): GeneratedHistory {
  const random = seeded(options.seed);
  const start = (options.start ?? new Date('2025-01-01T00:00:00Z')).getTime();
  const span = (options.days ?? 365) * 86_400_000;
  const rows: GeneratedHistory['rows'] = [];
  for (let i = 0; i < options.count; i++) {
    const facts = generateLeadFacts(random);
    const truth = truthProbability(facts);
    rows.push({ facts, truth, won: random.next() < truth, at: new Date(start + Math.floor(random.next() * span)) });
  }
  return { rows };
}

/** Open leads to score (no outcome), for throughput measurements. */
export function generateOpenLeads(seed: number, count: number): LeadFacts[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => generateLeadFacts(random));
}
