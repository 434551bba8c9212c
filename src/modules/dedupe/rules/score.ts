import { addressSimilarity } from './address.ts';
import { companyCoreSimilarity } from './company-name.ts';
import type { MatchRecord } from './match-record.ts';
import { comparePersonNames } from './person-name.ts';
import { prepareRecord, type PreparedRecord } from './prepare.ts';
import { regionsCompatible } from './regions.ts';

export type ReasonCode =
  | 'same_mobile'
  | 'same_email'
  | 'same_national_id'
  | 'same_credit_code'
  | 'different_credit_code'
  | 'different_national_id'
  | 'different_mobile'
  | 'different_email'
  | 'name_equal'
  | 'name_pinyin_equal'
  | 'name_similar'
  | 'name_partial'
  | 'name_different'
  | 'branch_office'
  | 'region_conflict'
  | 'same_district'
  | 'same_city'
  | 'different_city'
  | 'address_similar'
  | 'different_kind';

/**
 * One piece of evidence. `weight` is its contribution to the log-odds that the two records
 * are the same customer (positive: for, negative: against); `detail` is what the UI shows
 * next to the code (a similarity, a district).
 */
export type Reason = { code: ReasonCode; weight: number; detail?: string };

export type PairScore = { score: number; reasons: Reason[] };

/**
 * Log-odds before any evidence, for a pair that blocking put together. With no evidence
 * either way the score is sigmoid(PRIOR) ≈ 0.05.
 */
const PRIOR = -3;

/**
 * The weights are set by judgement and checked against the generated benchmark
 * (bench/dedupe.bench.ts): same strong identifier ≫ same contact channel > same name >
 * same place. Two different valid identity numbers or credit codes outweigh everything else:
 * they are two legal persons.
 */
const W = {
  sameValidId: 7,
  /** Equal but failing the check character: still the same typed string. */
  sameInvalidId: 4,
  differentValidId: -8,
  /** One of the two fails its check: likely a typo of the other. */
  differentInvalidId: -1,
  sameMobile: { person: 4.5, company: 3.5 },
  differentMobile: { person: -1.5, company: -0.7 },
  sameEmail: { person: 4, company: 3 },
  differentEmail: -0.5,
  personName: { exact: 3, pinyin: 2.2, partial: 0.5 },
  /** pinyin: +0.2 per character beyond 4, up to +1 (a long name that sounds the same is rarely another firm). */
  companyName: { exact: 5, exactShort: 3.5, pinyin: 3.8, numberDiffers: -3 },
  branch: -6,
  regionConflict: -3.5,
  /** Same name in the same district and nothing else stays below review: nobody could decide it. */
  sameDistrict: 0.8,
  sameCity: 0.4,
  differentCity: -1.5,
  /** The same address down to the house number (and floor or room if given). */
  addressSame: 2.4,
  /** One address continues the other (文三路123号 / 文三路123号5楼), or a near spelling. */
  addressNear: 1.5,
  /** A close spelling without house numbers on both sides: the same street at best. */
  addressClose: 0.6,
} as const;

/**
 * The numbers that tell sister entities apart: digits, 第三…, 一号 / 二厂 / 三期…; not numerals
 * inside ordinary words (百川, 千禧, 一鸣).
 */
const NUMBERED = /\d+|第[零〇一二三四五六七八九十百千]+|[零〇一二三四五六七八九十百千]+(?=号|厂|期|分|店|部|所|处|队|车间|门市)/gu;
const numbersIn = (text: string): string => (text.match(NUMBERED) ?? []).join(',');

/** sigmoid(1.5) ≈ 0.82: at most "review" under the default thresholds. */
const NAMES_DISAGREE_CAP = 1.5;

const HOUSE_NUMBER = /\d号/u;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Log-odds weight of a person-name similarity (see comparePersonNames; given names when the
 * surnames agree): +2.2 from 0.82 (swapped characters, one pinyin key off in a long name),
 * +1.2 at 0.72 (one key off in a two-character given name), 0 at 0.6, −4 at 0.2 (张伟 / 张强),
 * −6 for nothing in common. Names this different outweigh a shared phone and address:
 * family members share both.
 */
function personSimilarityWeight(s: number): number {
  return Math.max(-6, Math.min(2.2, (s - 0.6) * 10));
}

/** Company cores: +2 at 0.83 (one character of six), −0.5 at 0.67 (another brand, same industry), −5 at 0.37. */
function companySimilarityWeight(s: number): number {
  return Math.max(-5, Math.min(3, (s - 0.7) * 15));
}

/** Adds the reason for two identity numbers or credit codes; true when they are the same valid one. */
function compareId(
  reasons: Reason[],
  a: PreparedRecord['nationalId'],
  b: PreparedRecord['nationalId'],
  same: 'same_national_id' | 'same_credit_code',
  different: 'different_national_id' | 'different_credit_code',
): boolean {
  if (!a || !b) return false;
  if (a.value === b.value) {
    reasons.push(a.valid ? { code: same, weight: W.sameValidId } : { code: same, weight: W.sameInvalidId, detail: 'check character fails' });
    return a.valid;
  }
  reasons.push({ code: different, weight: a.valid && b.valid ? W.differentValidId : W.differentInvalidId });
  return false;
}

/** Scores two prepared records; see scorePair. */
export function scorePrepared(a: PreparedRecord, b: PreparedRecord): PairScore {
  if (a.kind !== b.kind) return { score: 0, reasons: [{ code: 'different_kind', weight: -Infinity }] };
  const kind = a.kind;
  const reasons: Reason[] = [];

  const sameStrongId =
    compareId(reasons, a.nationalId, b.nationalId, 'same_national_id', 'different_national_id') ||
    compareId(reasons, a.creditCode, b.creditCode, 'same_credit_code', 'different_credit_code');
  if (a.mobile && b.mobile) {
    reasons.push(
      a.mobile === b.mobile
        ? { code: 'same_mobile', weight: W.sameMobile[kind] }
        : { code: 'different_mobile', weight: W.differentMobile[kind] },
    );
  }
  if (a.email && b.email) {
    reasons.push(
      a.email === b.email
        ? { code: 'same_email', weight: W.sameEmail[kind] }
        : { code: 'different_email', weight: W.differentEmail },
    );
  }

  if (a.person && b.person) {
    const match = comparePersonNames(a.person, b.person);
    switch (match.kind) {
      case 'exact':
        reasons.push({ code: 'name_equal', weight: W.personName.exact });
        break;
      case 'pinyin':
        reasons.push({ code: 'name_pinyin_equal', weight: W.personName.pinyin });
        break;
      case 'partial':
        reasons.push({ code: 'name_partial', weight: W.personName.partial });
        break;
      case 'similar':
      case 'different': {
        const weight = personSimilarityWeight(match.similarity);
        reasons.push({ code: weight > 0 ? 'name_similar' : 'name_different', weight, detail: round2(match.similarity).toFixed(2) });
        break;
      }
    }
  }

  if (a.company && b.company) {
    const ca = a.company;
    const cb = b.company;
    const length = [...ca.core].length;
    if (ca.core === cb.core) {
      reasons.push({ code: 'name_equal', weight: length >= 4 ? W.companyName.exact : W.companyName.exactShort });
    } else if (numbersIn(ca.core) !== numbersIn(cb.core)) {
      // 云帆一号 / 云帆二号, 第一分厂 / 第二分厂: numbered sister entities, not typos.
      reasons.push({ code: 'name_different', weight: W.companyName.numberDiffers, detail: 'number' });
    } else if (ca.corePinyin === cb.corePinyin && ca.corePinyin !== '') {
      reasons.push({ code: 'name_pinyin_equal', weight: W.companyName.pinyin + Math.min(1, Math.max(0, 0.2 * (length - 4))) });
    } else {
      const s = companyCoreSimilarity(ca.core, cb.core);
      const weight = companySimilarityWeight(s);
      reasons.push({ code: weight > 0 ? 'name_similar' : 'name_different', weight, detail: round2(s).toFixed(2) });
    }
    if (ca.branch !== cb.branch) {
      reasons.push({ code: 'branch_office', weight: W.branch, detail: ca.branch ?? cb.branch ?? '' });
    }
    if (ca.region && cb.region && !regionsCompatible(ca.region, cb.region)) {
      reasons.push({ code: 'region_conflict', weight: W.regionConflict, detail: `${ca.region} / ${cb.region}` });
    }
  }

  const cityKnown = a.city !== null && b.city !== null;
  const sameCity = cityKnown && a.city === b.city;
  if (cityKnown && !sameCity) {
    reasons.push({ code: 'different_city', weight: W.differentCity, detail: `${a.city} / ${b.city}` });
  } else if (sameCity && a.district !== null && a.district === b.district) {
    reasons.push({ code: 'same_district', weight: W.sameDistrict, detail: a.district });
  } else if (sameCity) {
    reasons.push({ code: 'same_city', weight: W.sameCity, detail: a.city ?? '' });
  }
  if (!(cityKnown && !sameCity)) {
    const s = addressSimilarity(a.address, b.address);
    // Only addresses down to a house number say much; the same street alone says little.
    const specific = HOUSE_NUMBER.test(a.address) && HOUSE_NUMBER.test(b.address);
    if (specific && s === 1) reasons.push({ code: 'address_similar', weight: W.addressSame, detail: '1.00' });
    else if (specific && s >= 0.9) reasons.push({ code: 'address_similar', weight: W.addressNear, detail: round2(s).toFixed(2) });
    else if (s >= 0.75) reasons.push({ code: 'address_similar', weight: W.addressClose, detail: round2(s).toFixed(2) });
  }

  let logit = reasons.reduce((sum, r) => sum + r.weight, PRIOR);
  // A shared phone, e-mail or address never merges two different names on its own: families
  // share phones and homes, sister companies share switchboards and offices. Only the same
  // valid identity number or credit code can; otherwise a person decides.
  const namesDisagree = reasons.some((r) => r.code === 'name_different');
  if (namesDisagree && !sameStrongId) logit = Math.min(logit, NAMES_DISAGREE_CAP);
  return { score: 1 / (1 + Math.exp(-logit)), reasons };
}

/**
 * How likely two records are the same customer, in 0..1, with the evidence for and
 * against. Identifiers, contact channels, names (characters, pinyin, similarity), region and
 * address each add or take log-odds; the sum goes through a logistic function.
 */
export function scorePair(a: MatchRecord, b: MatchRecord): PairScore {
  return scorePrepared(prepareRecord(a), prepareRecord(b));
}
