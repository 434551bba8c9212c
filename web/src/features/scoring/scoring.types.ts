export type ScoringTarget = 'lead' | 'opportunity';
export const SCORING_TARGETS: readonly ScoringTarget[] = ['lead', 'opportunity'];

export const OPERATORS = ['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'present', 'absent'] as const;
export type Operator = (typeof OPERATORS)[number];
export type ClauseValue = string | number | boolean | Array<string | number>;
export type Clause = { field: string; op: Operator; value?: ClauseValue };
export type Condition = { all: Array<Clause | Condition> } | { any: Array<Clause | Condition> };

export type ScoringRule = { id: string; target: ScoringTarget; name: string; condition: Condition; points: number; enabled: boolean; position: number };

export type ScoreReason = {
  kind: 'rule' | 'model';
  label: string;
  weight: number;
  ruleId?: string;
  field?: string;
  value?: string | number | boolean | null;
  field2?: string;
  value2?: string | number | boolean | null;
  from?: number;
  to?: number | null;
};

export type ModelSummary = {
  id: string;
  target: ScoringTarget;
  status: 'active' | 'insufficient' | 'retired';
  samples: number;
  positives: number;
  negatives: number;
  auc: number | null;
  ruleAuc: number | null;
  blendAuc: number | null;
  trainRows: number;
  heldOutRows: number;
  minHistory: number;
  minPerClass: number;
  trainedAt: string;
  topWeights: ScoreReason[];
};
export type ModelStatus = { target: ScoringTarget; modelActive: boolean; registered: boolean; latest: ModelSummary | null };

export type ScoringSettings = { base: number; modelWeight: number; minHistory: number };
export type Preview = { score: number; ruleScore: number; probability: number | null; modelActive: boolean; reasons: ScoreReason[] };
