export { loadScorer, trainModel, latestModel, type ModelSummary } from './scoring-models.service.ts';
export { registerScoringTarget, retrainTenant, type ScoringTargetSource, type RetrainResult } from './scoring-targets.ts';
export { registerScoringRoutes } from './scoring.routes.ts';
export { retrainJob } from './scoring.jobs.ts';
export { getScoringSettings, type ScoringSettings } from './scoring-settings.service.ts';
export type { ScoreReason, ScoringRule, ScoringTarget } from './rules/rule-score.ts';
export type { Scorer, ScoreResult } from './rules/scorer.ts';
export type { HistoryRow } from './rules/train.ts';
