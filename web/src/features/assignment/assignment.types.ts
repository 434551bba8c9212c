import type { Condition } from '../scoring/scoring.types.ts';

export type Method = 'random' | 'round_robin' | 'load_balanced' | 'queue' | 'matching' | 'fixed';
export const METHODS: readonly Method[] = ['round_robin', 'load_balanced', 'matching', 'random', 'fixed', 'queue'];

export type AssignmentRule = {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  condition: Condition;
  method: Method;
  userIds: string[];
  teamId: string | null;
  cap: number | null;
  settings: Record<string, unknown>;
};

export type Skipped = { userId: string; why: 'inactive' | 'absent' | 'full' | 'unknown'; load?: number; cap?: number };
export type MatchingScore = { userId: string; p: number; base: number; load: number; cap: number; loadFactor: number; score: number; parts?: { feature: string; trials: number; wins: number; rate: number; lift: number }[] };
export type Reason = {
  method: Method;
  rule: string;
  outcome: 'assigned' | 'queued' | 'nobody_available';
  considered: number;
  skipped: Skipped[];
  load?: number;
  cap?: number | null;
  tied?: number;
  matching?: { chosen: MatchingScore; runnersUp: MatchingScore[]; softCap?: number };
};
export type Preview = {
  decision: { ruleId: string; ruleName: string; method: Method; userId: string | null; userName: string | null; teamId: string | null; reason: Reason } | null;
  miss: { outcome: 'no_rule_matched' | 'nobody_available'; tried: { ruleId: string; rule: string; method: Method; skipped: Skipped[] }[] } | null;
};

export type SellerAvailability = {
  userId: string;
  name: string;
  teamId: string | null;
  status: 'active' | 'inactive';
  absentFrom: string | null;
  absentUntil: string | null;
  leadCap: number | null;
  absentToday: boolean;
};
