// Dedupe: pure matching rules (normalising names and addresses, blocking keys, pair scores with
// reasons, decisions). The customers module owns the data and calls these.
export { blockingKeys, candidatePairs } from './rules/blocking.ts';
export { scorePair, type Reason, type PairScore } from './rules/score.ts';
export { decidePair, DEFAULT_THRESHOLDS, type PairDecision } from './rules/decide.ts';
export type { MatchRecord } from './rules/match-record.ts';
export { normalizeCompanyName } from './rules/company-name.ts';
