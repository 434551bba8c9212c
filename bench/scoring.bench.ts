// Scoring quality and speed on a generated lead history whose true drivers are known
// (src/modules/scoring/history-generator.ts): held-out AUC of the learned model vs the rule-only
// score (the default rules) vs the blend, with the true probability as the ceiling; then
// in-memory scoring throughput for a batch of open leads.
// npm run bench -- scoring [--history 20000] [--leads 100000] [--seed 20261124]
import { generateLeadHistory, generateOpenLeads } from '../src/modules/scoring/history-generator.ts';
import { rocAuc } from '../src/modules/scoring/rules/auc.ts';
import { defaultRules } from '../src/modules/scoring/rules/default-rules.ts';
import type { ScoringRule } from '../src/modules/scoring/rules/rule-score.ts';
import { makeScorer } from '../src/modules/scoring/rules/scorer.ts';
import { DEFAULT_POLICY, trainOnHistory } from '../src/modules/scoring/rules/train.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const seed = option('seed', 20261124);
const historySize = option('history', 20_000);
const batch = option('leads', 100_000);
const rules: ScoringRule[] = defaultRules('lead').map((r, i) => ({ ...r, id: `default-${i}`, enabled: true }));

const history = generateLeadHistory({ seed, count: historySize }).rows;
const t0 = performance.now();
const outcome = trainOnHistory('lead', history, rules, DEFAULT_POLICY);
const trainMs = performance.now() - t0;
if (outcome.status !== 'active' || !outcome.model) throw new Error('history too small to train');

// The ceiling: how well the true probability itself ranks the same held-out rows.
const heldOut = [...history].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(outcome.trainRows);
const truthAuc = rocAuc(heldOut.map((r) => r.truth), heldOut.map((r) => r.won));

const leads = generateOpenLeads(seed + 1, batch);
/** Median of three passes over the batch (the machine is shared; one pass can be unlucky). */
const measure = (withModel: boolean) => {
  const scorer = makeScorer({ rules, base: 50, modelWeight: 0.6, model: withModel ? outcome.model : null });
  const passes: number[] = [];
  let checksum = 0;
  for (let pass = 0; pass < 3; pass++) {
    checksum = 0;
    const start = performance.now();
    for (const facts of leads) checksum += scorer.score(facts).score;
    passes.push(performance.now() - start);
  }
  const ms = passes.sort((a, b) => a - b)[1]!;
  return { ms, perSecond: Math.round((batch / ms) * 1000), mean: checksum / batch };
};
const withModel = measure(true);
const rulesOnly = measure(false);

const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));
console.log(`history: ${historySize} closed leads (${outcome.positives} won), seed ${seed}; train ${outcome.trainRows} oldest, test ${outcome.heldOutRows} newest`);
console.log(`columns: ${outcome.model.weights.length}; training (evaluate + refit on all): ${(trainMs / 1000).toFixed(1)} s`);
console.log(`held-out AUC  model ${pct(outcome.auc)} | rules only ${pct(outcome.ruleAuc)} | blend (0.6) ${pct(outcome.blendAuc)} | true probability ${pct(truthAuc)}`);
console.log(`scoring ${batch} leads in memory (median of 3 passes): model + rules ${withModel.perSecond.toLocaleString('en')} leads/s (${withModel.ms.toFixed(0)} ms); rules only ${rulesOnly.perSecond.toLocaleString('en')} leads/s (${rulesOnly.ms.toFixed(0)} ms)`);
console.log(`mean score: with model ${withModel.mean.toFixed(1)}, rules only ${rulesOnly.mean.toFixed(1)}`);
if ((outcome.auc ?? 0) <= (outcome.ruleAuc ?? 1)) {
  console.error('FAIL: the learned model does not beat the rules');
  process.exit(1);
}
