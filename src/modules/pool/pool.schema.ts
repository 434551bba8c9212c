import { z } from 'zod';
import { conditionSchema } from '../../lib/conditions.ts';
import { listQuery, page } from '../../server/pagination.ts';

export const RECORD_TYPES = ['lead', 'customer'] as const;
export const RULE_KINDS = ['no_follow_up', 'no_opportunity', 'no_won'] as const;
export const MOVEMENT_KINDS = ['enter', 'claim', 'assign', 'fall', 'release', 'move', 'handover', 'close'] as const;
export const RELEASE_REASONS = ['no_need', 'unreachable', 'not_my_area', 'no_time', 'other'] as const;
/** Facts a pool's entry condition may read about a record coming under pool management. */
export const ENTRY_FIELDS = ['recordType', 'province', 'city', 'industry', 'source', 'level'] as const;

const levelText = z.string().trim().min(1).max(16);

export const poolSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  position: z.number().int(),
  entryCondition: z.unknown().nullable(),
  levels: z.array(z.string()),
  dailyClaimLimit: z.number().int(),
  privateCap: z.number().int(),
  capCountsWon: z.boolean(),
  claimWaitMinutes: z.number().int(),
  protectionDays: z.number().int(),
  warnDays: z.number().int(),
  exemptWon: z.boolean(),
  exemptOpenProbability: z.number().int().nullable(),
  exemptLiveContract: z.boolean(),
  /** What the caller may do here. */
  canClaim: z.boolean(),
  canConfigure: z.boolean(),
  counts: z.object({ public: z.number().int(), private: z.number().int(), mine: z.number().int() }),
});

export const poolBody = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).nullish(),
  position: z.number().int().min(0).max(1000).optional(),
  entryCondition: conditionSchema(ENTRY_FIELDS).nullish(),
  levels: z.array(levelText).min(1).max(10).optional(),
  dailyClaimLimit: z.number().int().min(0).max(10_000).optional(),
  privateCap: z.number().int().min(0).max(1_000_000).optional(),
  capCountsWon: z.boolean().optional(),
  claimWaitMinutes: z.number().int().min(0).max(60 * 24 * 30).optional(),
  protectionDays: z.number().int().min(0).max(365).optional(),
  warnDays: z.number().int().min(0).max(60).optional(),
  exemptWon: z.boolean().optional(),
  exemptOpenProbability: z.number().int().min(0).max(100).nullish(),
  exemptLiveContract: z.boolean().optional(),
  isDefault: z.boolean().optional(),
});
export const poolPatchBody = poolBody.partial();

export const memberSchema = z.object({
  userId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  role: z.enum(['member', 'admin']),
  name: z.string().nullable(),
});
export const membersBody = z.object({
  members: z
    .array(z.object({ userId: z.uuid().nullish(), teamId: z.uuid().nullish(), role: z.enum(['member', 'admin']).default('member') }).refine((m) => !m.userId !== !m.teamId, { message: 'exactly one of userId and teamId', path: ['userId'] }))
    .max(500),
});

export const ruleSchema = z.object({
  id: z.uuid(),
  level: z.string().nullable(),
  kind: z.enum(RULE_KINDS),
  days: z.number().int(),
  enabled: z.boolean(),
  position: z.number().int(),
});
export const rulesBody = z.object({
  rules: z
    .array(z.object({ level: levelText.nullish(), kind: z.enum(RULE_KINDS), days: z.number().int().min(1).max(3650), enabled: z.boolean().default(true) }))
    .max(50),
});

export const limitSchema = z.object({
  subjectKind: z.enum(['role', 'user']),
  subject: z.string(),
  dailyClaimLimit: z.number().int().nullable(),
  privateCap: z.number().int().nullable(),
});
export const limitsBody = z.object({
  limits: z
    .array(
      z.object({
        subjectKind: z.enum(['role', 'user']),
        subject: z.string().trim().min(1).max(64),
        dailyClaimLimit: z.number().int().min(0).max(10_000).nullish(),
        privateCap: z.number().int().min(0).max(1_000_000).nullish(),
      }),
    )
    .max(500),
});

export const recordRef = z.object({ type: z.enum(RECORD_TYPES), id: z.uuid() });
export const recordParams = z.object({ type: z.enum(RECORD_TYPES), id: z.uuid() });

/** A record as the pool shows it: no phone number, so browsing the public pool leaks nothing. */
export const poolRecordSchema = z.object({
  type: z.enum(RECORD_TYPES),
  id: z.uuid(),
  poolId: z.uuid(),
  poolName: z.string(),
  title: z.string(),
  level: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  enteredAt: z.string(),
  claimedAt: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  lastOpportunityAt: z.string().nullable(),
  wonAt: z.string().nullable(),
  contractUntil: z.string().nullable(),
  claimableAt: z.string().nullable(),
  /** Set when the caller is the former owner and may not claim it back yet. */
  protectedUntil: z.string().nullable(),
  fallCount: z.number().int(),
  /** Private records: the next recycle deadline and the rule behind it (null when exempt or no rule applies). */
  deadline: z.string().nullable(),
  deadlineRule: z.object({ kind: z.enum(RULE_KINDS), days: z.number().int() }).nullable(),
  exemption: z.enum(['won', 'open_opportunity', 'live_contract']).nullable(),
  distanceKm: z.number().nullable(),
});
export const poolRecordPage = page(poolRecordSchema);

export const recordListQuery = z.object({
  ...listQuery,
  view: z.enum(['public', 'private', 'mine']).default('public'),
  type: z.enum(RECORD_TYPES).optional(),
  level: levelText.optional(),
  province: z.string().trim().max(40).optional(),
  city: z.string().trim().max(40).optional(),
  ownerUserId: z.uuid().optional(),
  /** Nearby first: the caller's position. */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  /** Private views: only records whose deadline falls within this many days. */
  dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
});

export const recordPatchBody = z.object({
  level: levelText.nullish(),
  contractUntil: z.iso.date().nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
});

export const CLAIM_OUTCOMES = ['claimed', 'already_claimed', 'protected', 'not_yet_claimable', 'daily_limit', 'private_cap', 'not_member', 'not_found'] as const;
export const claimBody = z.object({ records: z.array(recordRef).min(1).max(100) });
export const claimResult = z.object({
  results: z.array(z.object({ type: z.enum(RECORD_TYPES), id: z.uuid(), outcome: z.enum(CLAIM_OUTCOMES), until: z.string().nullable().optional() })),
  claimed: z.number().int(),
  usage: z.object({ claimedToday: z.number().int(), dailyClaimLimit: z.number().int(), held: z.number().int(), privateCap: z.number().int() }).nullable(),
});

export const releaseBody = z.object({ reason: z.enum(RELEASE_REASONS), note: z.string().trim().max(500).nullish() });
export const assignBody = z.object({ records: z.array(recordRef).min(1).max(1000), userId: z.uuid(), note: z.string().trim().max(500).nullish() });
export const moveBody = z.object({ records: z.array(recordRef).min(1).max(1000), poolId: z.uuid(), note: z.string().trim().max(500).nullish() });
export const moveResult = z.object({ moved: z.number().int() });

export const movementSchema = z.object({
  id: z.uuid(),
  kind: z.enum(MOVEMENT_KINDS),
  fromUserId: z.uuid().nullable(),
  fromUserName: z.string().nullable(),
  toUserId: z.uuid().nullable(),
  toUserName: z.string().nullable(),
  fromPoolId: z.uuid().nullable(),
  fromPoolName: z.string().nullable(),
  toPoolId: z.uuid().nullable(),
  toPoolName: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const runSchema = z.object({
  id: z.uuid(),
  runDate: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  fell: z.number().int(),
  warned: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const settingsSchema = z.object({
  collusionGapHours: z.number().int().min(1).max(24 * 90),
  collusionMinRecords: z.number().int().min(1).max(1000),
  collusionLookbackDays: z.number().int().min(1).max(3650),
  circulationMinMoves: z.number().int().min(2).max(1000),
});
