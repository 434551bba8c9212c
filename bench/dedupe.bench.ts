// Dedupe quality: pairwise precision, recall and F1 of blocking → scoring → decision on a
// generated set with known duplicates (bench/dedupe/generator.ts). Goal (issue 3): F1 ≥ 0.97.
// npm run bench -- dedupe [--entities 20000] [--dup-rate 0.1] [--seed 20240603] [--max-block 100]
//                          [--unrecognisable] [--examples 10]
import { blockingKeys } from '../src/modules/dedupe/rules/blocking.ts';
import { candidatePairsFromKeys } from '../src/modules/dedupe/rules/blocking.ts';
import { decidePair, DEFAULT_THRESHOLDS, type PairDecision } from '../src/modules/dedupe/rules/decide.ts';
import { prepareRecord } from '../src/modules/dedupe/rules/prepare.ts';
import { scorePrepared, type PairScore } from '../src/modules/dedupe/rules/score.ts';
import { generateDedupeSet } from './dedupe/generator.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const seed = option('seed', 20240603);
const entities = option('entities', 20_000);
const dupRate = option('dup-rate', 0.1);
const maxBlockSize = option('max-block', 100);
const examples = option('examples', 0);
// Keep duplicates nobody could recognise (they share only a name and a region with the original).
const unrecognisable = process.argv.includes('--unrecognisable');

const t0 = performance.now();
const set = generateDedupeSet({ seed, entities, dupRate, unrecognisable });
const t1 = performance.now();
const { records, truth } = set;
const indexOf = new Map(records.map((r, i) => [r.id, i]));
const n = records.length;
const pairCode = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);

const truePairs = new Set<number>();
for (const cluster of truth) {
  for (let x = 0; x < cluster.length; x++) {
    for (let y = x + 1; y < cluster.length; y++) {
      truePairs.add(pairCode(indexOf.get(cluster[x] as string) as number, indexOf.get(cluster[y] as string) as number));
    }
  }
}

const prepared = records.map(prepareRecord);
const t2 = performance.now();
const keys = prepared.map(blockingKeys);
const candidates = candidatePairsFromKeys(keys, { maxBlockSize });
const t3 = performance.now();
const scored: { i: number; j: number; result: PairScore; decision: PairDecision }[] = [];
for (const [i, j] of candidates.pairs) {
  const result = scorePrepared(prepared[i]!, prepared[j]!);
  scored.push({ i, j, result, decision: decidePair(result.score) });
}
const t4 = performance.now();

type Metrics = { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
function metrics(predicted: (d: PairDecision) => boolean): Metrics {
  let tp = 0;
  let fp = 0;
  for (const s of scored) {
    if (!predicted(s.decision)) continue;
    if (truePairs.has(pairCode(s.i, s.j))) tp++;
    else fp++;
  }
  const fn = truePairs.size - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truePairs.size === 0 ? 1 : tp / truePairs.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const merge = metrics((d) => d === 'merge');

// What the product ends up with: merges join clusters (a record merged into a survivor is
// compared as part of it), so a true pair counts as found when both records land in one
// cluster, and every pair inside a predicted cluster is a predicted pair.
function closureMetrics(predicted: (d: PairDecision) => boolean): Metrics {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const s of scored) if (predicted(s.decision)) parent[find(s.i)] = find(s.j);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  let tp = 0;
  let predictedPairs = 0;
  for (const list of members.values()) {
    predictedPairs += (list.length * (list.length - 1)) / 2;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) if (truePairs.has(pairCode(list[x]!, list[y]!))) tp++;
    }
  }
  const fp = predictedPairs - tp;
  const fn = truePairs.size - tp;
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs.size === 0 ? 1 : tp / truePairs.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}
const mergeClosure = closureMetrics((d) => d === 'merge');
const mergeOrReview = metrics((d) => d !== 'distinct');
const candidateTrue = candidates.pairs.filter(([i, j]) => truePairs.has(pairCode(i, j))).length;
const allPairs = (n * (n - 1)) / 2;
const reviewCount = scored.filter((s) => s.decision === 'review').length;
const merged = new Set(scored.filter((s) => s.decision === 'merge').map((s) => pairCode(s.i, s.j)));
const hardNegativesMerged = set.hardNegatives.filter(([a, b]) =>
  merged.has(pairCode(indexOf.get(a) as number, indexOf.get(b) as number)),
).length;
// True pairs that share nothing exact: no identifier, no contact channel, not the same address.
// No rule can merge these safely; they bound the reachable recall.
let bare = 0;
let bareMerged = 0;
for (const code of truePairs) {
  const a = prepared[Math.floor(code / n)]!;
  const b = prepared[code % n]!;
  const shared =
    (a.mobile !== null && a.mobile === b.mobile) ||
    (a.email !== null && a.email === b.email) ||
    (a.nationalId !== null && a.nationalId.value === b.nationalId?.value) ||
    (a.creditCode !== null && a.creditCode.value === b.creditCode?.value) ||
    (a.address !== '' && a.address === b.address);
  if (!shared) {
    bare++;
    if (merged.has(code)) bareMerged++;
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
const int = (x: number): string => x.toLocaleString('en-US');
const ms = (x: number): string => `${(x / 1000).toFixed(2)} s`;

console.log(`\n## Dedupe quality (seed ${seed}, ${int(entities)} entities, dup rate ${dupRate}${unrecognisable ? ', unrecognisable duplicates kept' : ''}, thresholds merge ≥ ${DEFAULT_THRESHOLDS.autoMergeAt}, review ≥ ${DEFAULT_THRESHOLDS.reviewAt})\n`);
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| records | ${int(n)} (${int(truth.length)} duplicate clusters, ${int(truePairs.size)} true pairs) |`);
console.log(`| hard negatives (namesakes, households, sibling companies) | ${int(set.hardNegatives.length)}, merged: ${hardNegativesMerged} |`);
console.log(`| all pairs | ${int(allPairs)} |`);
console.log(`| candidate pairs (blocking) | ${int(candidates.pairs.length)} (${(candidates.pairs.length / allPairs * 100).toFixed(4)} % of all pairs) |`);
console.log(`| blocks compared / skipped (> ${maxBlockSize}) / largest | ${int(candidates.blocks)} / ${candidates.skippedBlocks} / ${candidates.largestBlock} |`);
console.log(`| blocking recall (true pairs among candidates) | ${pct(candidateTrue / truePairs.size)} |`);
console.log(`| **merge: precision / recall / F1** | **${pct(merge.precision)} / ${pct(merge.recall)} / ${pct(merge.f1)}** (TP ${merge.tp}, FP ${merge.fp}, FN ${merge.fn}) |`);
console.log(`| merge, clusters after merging (transitive): precision / recall / F1 | ${pct(mergeClosure.precision)} / ${pct(mergeClosure.recall)} / ${pct(mergeClosure.f1)} (TP ${mergeClosure.tp}, FP ${mergeClosure.fp}, FN ${mergeClosure.fn}) |`);
console.log(`| merge + review: precision / recall / F1 | ${pct(mergeOrReview.precision)} / ${pct(mergeOrReview.recall)} / ${pct(mergeOrReview.f1)} (TP ${mergeOrReview.tp}, FP ${mergeOrReview.fp}, FN ${mergeOrReview.fn}) |`);
console.log(`| true pairs sharing no identifier, contact or address | ${int(bare)} (${pct(bare / truePairs.size)}), merged: ${bareMerged} |`);
console.log(`| pairs sent to review | ${int(reviewCount)} |`);
console.log(`| time: generate / prepare / blocking / scoring | ${ms(t1 - t0)} / ${ms(t2 - t1)} / ${ms(t3 - t2)} / ${ms(t4 - t3)} |`);
console.log(`| throughput (prepare + blocking + scoring) | ${int(Math.round(n / ((t4 - t1) / 1000)))} records/s |`);

// Where the misses come from: the changes made to the duplicate records of each missed pair.
const missedBy = new Map<string, number>();
const seenBy = new Map<string, number>();
for (const cluster of truth) {
  for (let x = 0; x < cluster.length; x++) {
    for (let y = x + 1; y < cluster.length; y++) {
      const a = cluster[x] as string;
      const b = cluster[y] as string;
      const tags = [...new Set([...(set.changes[a] ?? []), ...(set.changes[b] ?? [])])];
      const missed = !merged.has(pairCode(indexOf.get(a) as number, indexOf.get(b) as number));
      for (const tag of tags) {
        seenBy.set(tag, (seenBy.get(tag) ?? 0) + 1);
        if (missed) missedBy.set(tag, (missedBy.get(tag) ?? 0) + 1);
      }
    }
  }
}
for (const kind of ['person', 'company'] as const) {
  let total = 0;
  let found = 0;
  for (const code of truePairs) {
    if (records[Math.floor(code / n)]!.kind !== kind) continue;
    total++;
    if (merged.has(code)) found++;
  }
  console.log(`| recall at merge, ${kind} | ${pct(found / total)} of ${int(total)} |`);
}
console.log('\n| change in the duplicate | pairs | missed at merge | recall |');
console.log('|---|---|---|---|');
for (const [tag, count] of [...seenBy].sort((x, y) => y[1] - x[1])) {
  const missed = missedBy.get(tag) ?? 0;
  console.log(`| ${tag} | ${count} | ${missed} | ${pct(1 - missed / count)} |`);
}

if (examples > 0) {
  const show = (title: string, rows: typeof scored) => {
    console.log(`\n### ${title}`);
    for (const s of rows.slice(0, examples)) {
      const a = records[s.i]!;
      const b = records[s.j]!;
      const fmt = (r: typeof a) =>
        `${r.name} | ${r.mobile ?? '-'} | ${r.email ?? '-'} | ${r.nationalId ?? r.creditCode ?? '-'} | ${r.city ?? '-'} ${r.district ?? '-'} ${r.address ?? '-'}`;
      console.log(`- ${s.result.score.toFixed(3)} ${s.result.reasons.map((r) => `${r.code}${r.detail ? `(${r.detail})` : ''} ${r.weight.toFixed(1)}`).join(', ')}`);
      console.log(`  ${fmt(a)}  [${(set.changes[a.id] ?? []).join(',')}]`);
      console.log(`  ${fmt(b)}  [${(set.changes[b.id] ?? []).join(',')}]`);
    }
  };
  const signatures = (rows: typeof scored) => {
    const counts = new Map<string, number>();
    for (const s of rows) {
      const sig = s.result.reasons.map((r) => r.code).sort().join(' + ');
      counts.set(sig, (counts.get(sig) ?? 0) + 1);
    }
    return [...counts].sort((x, y) => y[1] - x[1]).slice(0, 25);
  };
  console.log('\n### evidence of missed duplicates (scored, not merged)');
  for (const [sig, count] of signatures(scored.filter((s) => s.decision !== 'merge' && truePairs.has(pairCode(s.i, s.j))))) {
    console.log(`- ${count} × ${sig}`);
  }
  console.log('\n### evidence of pairs sent to review that are not duplicates');
  for (const [sig, count] of signatures(scored.filter((s) => s.decision === 'review' && !truePairs.has(pairCode(s.i, s.j))))) {
    console.log(`- ${count} × ${sig}`);
  }
  show('false merges', scored.filter((s) => s.decision === 'merge' && !truePairs.has(pairCode(s.i, s.j))));
  show('missed duplicates (scored, not merged)', scored.filter((s) => s.decision !== 'merge' && truePairs.has(pairCode(s.i, s.j))));
  const candidateSet = new Set(candidates.pairs.map(([i, j]) => pairCode(i, j)));
  const notCandidates: typeof scored = [];
  for (const code of truePairs) {
    if (candidateSet.has(code)) continue;
    const i = Math.floor(code / n);
    const j = code % n;
    const result = scorePrepared(prepared[i]!, prepared[j]!);
    notCandidates.push({ i, j, result, decision: decidePair(result.score) });
  }
  show('duplicates blocking never paired', notCandidates);
}
