/** Shapes of the pool API (src/modules/pool/pool.schema.ts), as the web app reads them. */

export type RecordType = 'lead' | 'customer';
export const RECORD_TYPES: readonly RecordType[] = ['lead', 'customer'];

export type RuleKind = 'no_follow_up' | 'no_opportunity' | 'no_won';
export const RULE_KINDS: readonly RuleKind[] = ['no_follow_up', 'no_opportunity', 'no_won'];

export type MovementKind = 'enter' | 'claim' | 'assign' | 'fall' | 'release' | 'move' | 'handover' | 'close';

export type ReleaseReason = 'no_need' | 'unreachable' | 'not_my_area' | 'no_time' | 'other';
export const RELEASE_REASONS: readonly ReleaseReason[] = ['no_need', 'unreachable', 'not_my_area', 'no_time', 'other'];

export type ClaimOutcome = 'claimed' | 'already_claimed' | 'protected' | 'not_yet_claimable' | 'daily_limit' | 'private_cap' | 'not_member' | 'not_found';

export type Exemption = 'won' | 'open_opportunity' | 'live_contract';

export type PoolView = 'public' | 'private' | 'mine';

export type Pool = {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  position: number;
  entryCondition: unknown;
  levels: string[];
  dailyClaimLimit: number;
  privateCap: number;
  capCountsWon: boolean;
  claimWaitMinutes: number;
  protectionDays: number;
  warnDays: number;
  exemptWon: boolean;
  exemptOpenProbability: number | null;
  exemptLiveContract: boolean;
  canClaim: boolean;
  canConfigure: boolean;
  counts: { public: number; private: number; mine: number };
};

/** What the settings form sends (POST /pools, PATCH /pools/:id). */
export type PoolBody = {
  name: string;
  description?: string | null;
  entryCondition?: unknown;
  levels?: string[];
  dailyClaimLimit?: number;
  privateCap?: number;
  capCountsWon?: boolean;
  claimWaitMinutes?: number;
  protectionDays?: number;
  warnDays?: number;
  exemptWon?: boolean;
  exemptOpenProbability?: number | null;
  exemptLiveContract?: boolean;
  isDefault?: boolean;
};

export type MemberRole = 'member' | 'admin';
export type PoolMember = { userId: string | null; teamId: string | null; role: MemberRole; name: string | null };

export type PoolRule = { id?: string; level: string | null; kind: RuleKind; days: number; enabled: boolean; position?: number };

export type LimitSubjectKind = 'role' | 'user';
export type PoolLimit = { subjectKind: LimitSubjectKind; subject: string; dailyClaimLimit: number | null; privateCap: number | null };

export type RecordRef = { type: RecordType; id: string };

export type PoolRecord = {
  type: RecordType;
  id: string;
  poolId: string;
  poolName: string;
  title: string;
  level: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  source: string | null;
  lat: number | null;
  lng: number | null;
  ownerUserId: string | null;
  ownerName: string | null;
  enteredAt: string;
  claimedAt: string | null;
  lastFollowUpAt: string | null;
  lastOpportunityAt: string | null;
  wonAt: string | null;
  contractUntil: string | null;
  claimableAt: string | null;
  protectedUntil: string | null;
  fallCount: number;
  deadline: string | null;
  deadlineRule: { kind: RuleKind; days: number } | null;
  exemption: Exemption | null;
  distanceKm: number | null;
};

export type ClaimUsage = { claimedToday: number; dailyClaimLimit: number; held: number; privateCap: number };
export type ClaimResult = {
  results: { type: RecordType; id: string; outcome: ClaimOutcome; until?: string | null }[];
  claimed: number;
  usage: ClaimUsage | null;
};

export type Movement = {
  id: string;
  kind: MovementKind;
  fromUserId: string | null;
  fromUserName: string | null;
  toUserId: string | null;
  toUserName: string | null;
  fromPoolId: string | null;
  fromPoolName: string | null;
  toPoolId: string | null;
  toPoolName: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  actorUserId: string | null;
  actorName: string | null;
  at: string;
};

export type RecycleRun = { id: string; runDate: string; trigger: 'schedule' | 'manual'; fell: number; warned: number; startedAt: string; finishedAt: string | null };

export type PoolSettings = { collusionGapHours: number; collusionMinRecords: number; collusionLookbackDays: number; circulationMinMoves: number };

export type CollusionEvidence = { type: RecordType; id: string; title: string | null; leftKind: 'fall' | 'release'; leftAt: string; claimedAt: string; gapHours: number };
export type CollusionPair = { fromUserId: string; fromName: string | null; toUserId: string; toName: string | null; records: number; medianGapHours: number; evidence: CollusionEvidence[] };
export type CirculatingRecord = {
  type: RecordType;
  id: string;
  title: string | null;
  moves: number;
  users: { userId: string; name: string | null }[];
  history: { kind: MovementKind; fromUserId: string | null; toUserId: string | null; at: string }[];
};
export type CollusionReport = { pairs: CollusionPair[]; circulating: CirculatingRecord[] };

export type HandoverInclude = 'leads' | 'customers' | 'opportunities' | 'tasks';
export const HANDOVER_INCLUDES: readonly HandoverInclude[] = ['leads', 'customers', 'opportunities', 'tasks'];
export type HandoverMethod = 'round_robin' | 'least_loaded';
export type HandoverBody = {
  fromUserId: string;
  toUserId?: string;
  toTeamId?: string;
  method?: HandoverMethod;
  include?: HandoverInclude[];
  note?: string;
};
export type HandoverPlan = {
  fromUserId?: string;
  fromName?: string;
  totals: { leads: number; customers: number; opportunities: number; tasks: number };
  recipients: { userId: string; name: string; leads: number; customers: number; opportunities: number; tasks: number }[];
  sample: { type: 'lead' | 'customer' | 'opportunity' | 'task'; id: string; title: string; toUserId: string }[];
  handoverId?: string;
};

/** The records list's filter, as it sits in the address bar. */
export type PoolFilter = {
  view: PoolView;
  poolId?: string;
  q?: string;
  type?: RecordType;
  level?: string;
  province?: string;
  city?: string;
  ownerUserId?: string;
  nearby?: boolean;
  dueWithinDays?: number;
};
