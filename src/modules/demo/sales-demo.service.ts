import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { addActivity, disqualifyLead, intakeLeads, qualifyLead, type LeadInput } from '../leads/index.ts';
import { closeOpportunity, listPipelines, moveStage } from '../pipeline/index.ts';
import { PERMISSION_KEYS } from '../org/index.ts';
import { seedPoolClocks } from '../pool/index.ts';
import { generateCompanyName } from './company-names.ts';
import { listPlaces } from './divisions.ts';
import { generatePersonName } from './person-names.ts';
import { createRandom, deriveSeed } from './random.ts';

const SOURCES: readonly (readonly [string, number])[] = [['web_form', 35], ['referral', 15], ['event', 12], ['import', 20], ['api', 10], ['call_list', 8]];
const CHANNELS: Record<string, readonly (string | null)[]> = { web_form: ['baidu', 'wechat', 'douyin', 'website'], event: ['expo', 'seminar'], referral: [null], import: ['dealer'], api: ['partner'], call_list: [null] };
const SIZES = ['1-49人', '50-199人', '200-999人', '1000人以上'];
const INDUSTRY_NAMES: Record<string, string> = {
  software: '软件和信息技术', trade: '批发零售', manufacturing: '制造业', food: '食品', logistics: '物流', construction: '建筑',
  healthcare: '医疗健康', media: '文化传媒', education: '教育', energy: '能源', apparel: '服装', consulting: '咨询服务',
};
const DISQUALIFY = ['no_need', 'no_budget', 'unreachable', 'competitor'] as const;

export type SalesDemoSummary = { leads: number; qualified: number; disqualified: number; opportunities: number };

/**
 * Leads in every state for a demo tenant: new and worked leads owned by the sales staff, some
 * qualified into customers with opportunities spread over the pipeline (a few won or lost), some
 * disqualified. Everything goes through the modules' own services, so it is what a user would see.
 */
export async function fillDemoSales(tx: Tx, tenantId: string, people: { actingUserId: string; sellerIds: string[] }, seed: number, count = 120): Promise<SalesDemoSummary> {
  const random = createRandom(deriveSeed(seed, 'sales'));
  const places = listPlaces();
  const caller: Caller = {
    tenantId,
    userId: people.actingUserId,
    name: 'demo',
    roleKey: 'admin',
    dataScope: 'all',
    teamId: null,
    permissions: [...PERMISSION_KEYS],
    locale: 'zh-CN',
    via: 'token',
    ip: null,
    requestId: null,
  };
  const bySource = new Map<string, LeadInput[]>();
  for (let i = 0; i < count; i++) {
    const place = random.pick(places);
    const person = generatePersonName(random, 0.02);
    const company = random.chance(0.8) ? generateCompanyName(random, place, { latinShare: 0.03, extraBrand: i > 60 }) : null;
    const source = random.weighted(SOURCES);
    const input: LeadInput = {
      name: person.name,
      mobile: `1${random.pick(['38', '39', '50', '58', '86', '37'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      company: company?.name ?? null,
      title: company ? random.pick(['采购经理', '总经理', 'IT 负责人', '行政主管', '老板']) : null,
      email: company && random.chance(0.4) ? `${person.familyAscii}.${person.givenAscii}@${company.brandAscii}.example.cn` : null,
      province: place.province.name,
      city: place.city.name,
      industry: company ? (INDUSTRY_NAMES[company.industry] ?? null) : null,
      companySize: company ? random.pick(SIZES) : null,
      channel: random.pick(CHANNELS[source] ?? [null]),
      // Every fourth lead is nobody's yet: the public pool has something to claim.
      ownerUserId: people.sellerIds.length && i % 4 !== 3 ? people.sellerIds[i % people.sellerIds.length]! : null,
    };
    bySource.set(source, [...(bySource.get(source) ?? []), input]);
  }
  const leadIds: string[] = [];
  for (const [source, inputs] of bySource) {
    const { results } = await intakeLeads(tx, caller, inputs, { source, assign: false });
    for (const r of results) if (r.outcome === 'created') leadIds.push(r.leadId);
  }

  const [pipeline] = await listPipelines(tx, caller);
  const openStages = pipeline!.stages.filter((s) => s.kind === 'open');
  let qualified = 0;
  let disqualified = 0;
  let opportunities = 0;
  for (const [i, id] of leadIds.entries()) {
    const roll = random.next();
    if (roll < 0.45) continue; // still new
    await addActivity(tx, caller, id, { kind: random.pick(['call', 'wechat', 'visit'] as const), note: random.pick(['初次沟通，发了资料', '约了下周拜访', '客户在比较几家', '需求明确，等预算']) });
    if (roll < 0.7) continue; // being worked
    if (roll < 0.82) {
      await disqualifyLead(tx, caller, id, { reason: random.pick(DISQUALIFY) });
      disqualified++;
      continue;
    }
    const amount = random.int(2, 60) * 10_000;
    const result = await qualifyLead(tx, caller, id, { opportunity: { name: `${random.pick(['年度采购', '系统升级', '新门店', '集团试点'])}项目 ${i + 1}`, amount } });
    qualified++;
    if (!result.opportunityId) continue;
    opportunities++;
    const steps = random.int(0, openStages.length - 1);
    for (let s = 1; s <= steps; s++) await moveStage(tx, caller, result.opportunityId, { stageId: openStages[s]!.id });
    if (steps === openStages.length - 1 && random.chance(0.6)) {
      const won = random.chance(0.6);
      await closeOpportunity(tx, caller, result.opportunityId, won ? { outcome: 'won' } : { outcome: 'lost', reason: random.pick(['价格高于竞品', '预算取消', '选择了竞品']) });
    }
  }
  // Held for a while, some not followed up lately: a few are near their recycle deadline.
  await seedPoolClocks(
    tx,
    leadIds.map((id) => {
      const heldDays = random.int(0, 12);
      return { type: 'lead' as const, id, claimedAt: daysAgo(heldDays), lastFollowUpAt: random.chance(0.5) ? daysAgo(random.int(0, heldDays)) : null };
    }),
  );
  return { leads: leadIds.length, qualified, disqualified, opportunities };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 - 3_600_000);
