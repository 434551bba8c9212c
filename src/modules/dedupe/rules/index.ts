// Dedupe rules: pure functions from records to match keys, scores with reasons, decisions
// and surviving values. No database, no clock.
export type { MatchKind, MatchRecord } from './match-record.ts';
export { normalizeCompanyName, companyCoreSimilarity, type CompanyName } from './company-name.ts';
export { normalizePersonName, comparePersonNames, type PersonName, type PersonNameMatch } from './person-name.ts';
export { normalizeAddress, addressSimilarity, type AddressParts } from './address.ts';
export { prepareRecord, type PreparedRecord } from './prepare.ts';
export {
  blockingKeys,
  candidatePairs,
  candidatePairsFromKeys,
  lookupKeys,
  LOOKUP,
  type CandidateOptions,
  type CandidatePairs,
} from './blocking.ts';
export { scorePair, scorePrepared, type PairScore, type Reason, type ReasonCode } from './score.ts';
export { decidePair, DEFAULT_THRESHOLDS, type DecideThresholds, type PairDecision } from './decide.ts';
export {
  survive,
  isEmptyValue,
  type Provenance,
  type Survivor,
  type SurvivorRecord,
  type SurvivorshipRule,
} from './survivorship.ts';
