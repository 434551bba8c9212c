import { foldText, hasHan, stripPunctuation } from './chinese-text.ts';
import { regionPrefix, lookupRegion, type Region } from './regions.ts';
import { diceSimilarity, editSimilarity, isSubsequence, jaroWinkler } from './text-similarity.ts';

/**
 * A company name reduced to what identifies the company: the brand (字号) and industry words,
 * without legal form (有限公司, Co., Ltd.), region (杭州, （上海）), width, script or punctuation.
 */
export type CompanyName = {
  /** 杭州雲帆網絡科技有限公司, 云帆网络科技（杭州）有限公司 → 云帆网络科技. */
  core: string;
  /** The most specific region named in the name (short form: 杭州), or null. */
  region: string | null;
  /** The legal form found (有限公司, co ltd…), or null. */
  legalForm: string | null;
  /**
   * Null for a head office; for a branch (分公司, branch) the text that tells branches
   * apart, e.g. `上海` in 云帆网络科技有限公司上海分公司 ('' when there is none).
   */
  branch: string | null;
};

/** Longest first, so that 股份有限公司 wins over 有限公司. */
const HAN_LEGAL_FORMS = [
  '集团股份有限公司', '集团有限责任公司', '股份有限公司', '有限责任公司', '集团有限公司',
  '有限合伙企业', '普通合伙企业', '个人独资企业', '股份合作公司', '有限合伙', '普通合伙',
  '有限公司', '股份公司', '集团公司', '总公司', '合伙企业', '公司', '集团',
];

const LATIN_LEGAL_TOKENS = new Set([
  'co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'llp',
  'lp', 'plc', 'gmbh', 'ag', 'kg', 'sa', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'oy', 'pte',
  'pty', 'kk', 'group', 'holdings',
]);

const BRANCH_HAN = /(分公司|分店|分厂|分部|分所|分行|办事处|营业部|经营部|分支机构)$/u;
const BRACKETS = /[(\[【〔［<《]([^)\]】〕］>》]*)[)\]】〕］>》]/gu;

/** See CompanyName. */
export function normalizeCompanyName(name: string): CompanyName {
  let text = foldText(name);
  let region: Region | null = null;
  let legalForm: string | null = null;

  // Bracketed parts: a region (（杭州）, (Shanghai)) or a legal form (（有限合伙）) is taken out;
  // anything else stays, without the brackets.
  text = text.replace(BRACKETS, (_whole, inner: string) => {
    const bare = stripPunctuation(inner);
    const found = lookupRegion(bare);
    if (found.length > 0) {
      region ??= pickRegion(found);
      return ' ';
    }
    if (HAN_LEGAL_FORMS.includes(bare)) {
      legalForm ??= bare;
      return ' ';
    }
    return ` ${inner} `;
  });

  if (hasHan(text)) {
    const result = normalizeHan(stripPunctuation(text));
    return {
      core: result.core,
      region: result.region?.short ?? (region as Region | null)?.short ?? null,
      legalForm: result.legalForm ?? legalForm,
      branch: result.branch,
    };
  }
  const result = normalizeLatin(text);
  return {
    core: result.core,
    region: result.region?.short ?? (region as Region | null)?.short ?? null,
    legalForm: result.legalForm ?? legalForm,
    branch: result.branch,
  };
}

type Parts = { core: string; region: Region | null; legalForm: string | null; branch: string | null };

function pickRegion(found: readonly Region[]): Region {
  return found.find((r) => r.level === 'city') ?? found.find((r) => r.level === 'province') ?? (found[0] as Region);
}

function stripHanLegalForm(text: string): { rest: string; form: string | null } {
  let rest = text;
  let form: string | null = null;
  for (let guard = 0; guard < 3 && !HAN_LEGAL_FORMS.includes(rest); guard++) {
    const hit = HAN_LEGAL_FORMS.find((f) => rest.endsWith(f) && rest.length > f.length);
    if (!hit) break;
    form ??= hit;
    rest = rest.slice(0, -hit.length);
  }
  return { rest, form };
}

function normalizeHan(input: string): Parts {
  let text = input;
  let branch: string | null = null;
  const branchMatch = BRANCH_HAN.exec(text);
  if (branchMatch && branchMatch.index > 0) {
    const before = text.slice(0, branchMatch.index);
    // 云帆网络科技有限公司上海分公司: the head office's name ends with its legal form.
    let cut = -1;
    let cutLength = 0;
    for (const form of HAN_LEGAL_FORMS) {
      const at = before.lastIndexOf(form);
      if (at > 0 && (at > cut || (at === cut && form.length > cutLength))) {
        cut = at;
        cutLength = form.length;
      }
    }
    if (cut > 0) {
      branch = before.slice(cut + cutLength);
      text = before.slice(0, cut + cutLength);
    } else {
      // 云帆网络科技上海分公司: a region right before 分公司 names the branch.
      branch = trailingRegion(before) ?? '';
      text = before.slice(0, before.length - branch.length);
    }
  }

  const stripped = stripHanLegalForm(text);
  text = stripped.rest;

  // Leading regions: 浙江杭州云帆… → 云帆…; at least two characters must stay.
  let region: Region | null = null;
  for (let guard = 0; guard < 3; guard++) {
    const hit = regionPrefix(text, region ?? undefined);
    if (!hit || text.length - hit.length < 2) break;
    region = hit.region;
    text = text.slice(hit.length);
  }
  // A legal form before the region (rare, 有限公司 already gone) or a trailing region: 云帆网络科技杭州.
  if (!region) {
    const tail = trailingRegion(text);
    if (tail && text.length - tail.length >= 4) {
      region = pickRegion(lookupRegion(tail));
      text = text.slice(0, text.length - tail.length);
    }
  }
  return { core: text, region, legalForm: stripped.form, branch };
}

function trailingRegion(text: string): string | null {
  for (let len = Math.min(8, text.length - 1); len >= 2; len--) {
    const tail = text.slice(text.length - len);
    if (lookupRegion(tail).some((r) => r.level !== 'district' || r.name === tail)) return tail;
  }
  return null;
}

function normalizeLatin(input: string): Parts {
  let tokens = input.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  let branch: string | null = null;
  const branchAt = tokens.lastIndexOf('branch');
  if (branchAt > 0 && branchAt >= tokens.length - 2) {
    // "… Co., Ltd. Shanghai Branch"
    const legalAt = findLastIndex(tokens.slice(0, branchAt), (t) => LATIN_LEGAL_TOKENS.has(t));
    branch = legalAt >= 0 ? tokens.slice(legalAt + 1, branchAt).join('') : '';
    tokens = legalAt >= 0 ? tokens.slice(0, legalAt + 1) : tokens.slice(0, branchAt);
  }
  let legalForm: string | null = null;
  while (tokens.length > 1 && LATIN_LEGAL_TOKENS.has(tokens[tokens.length - 1] as string)) {
    legalForm = `${tokens[tokens.length - 1] as string}${legalForm ? ` ${legalForm}` : ''}`;
    tokens = tokens.slice(0, -1);
  }
  let region: Region | null = null;
  const first = lookupRegion(tokens[0] ?? '');
  if (tokens.length > 2 && first.length > 0) {
    region = pickRegion(first);
    tokens = tokens.slice(1);
  }
  const last = lookupRegion(tokens[tokens.length - 1] ?? '');
  if (tokens.length > 2 && last.length > 0) {
    region ??= pickRegion(last);
    tokens = tokens.slice(0, -1);
  }
  return { core: tokens.join(''), region, legalForm, branch };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

/**
 * Similarity of two normalised company cores in 0..1: the best of Jaro–Winkler, an edit
 * similarity where a swap costs half, and bigram Dice; an abbreviation that keeps the brand
 * and the order of the characters (云帆科技 in 云帆网络科技) counts as close.
 */
export function companyCoreSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  const edit = editSimilarity(a, b);
  const jw = jaroWinkler(a, b);
  const dice = diceSimilarity(a, b);
  // Jaro–Winkler flatters long shared suffixes (…网络科技), so it is damped.
  let best = Math.max(edit, dice, jw - 0.1);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && short.slice(0, 2) === long.slice(0, 2) && isSubsequence(short, long)) {
    best = Math.max(best, 0.8 + 0.15 * (short.length / long.length));
  }
  return Math.min(1, best);
}
