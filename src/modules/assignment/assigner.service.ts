import type { Tx } from '../../db/client.ts';
import type { LeadFacts } from '../../lib/sales-facts.ts';
import { listMembers, teamSubtree, type Member } from '../org/index.ts';
import { insertLogRows, listAvailabilityRows, listRuleRows, listStatRows, lockCursors, saveCursors, type LogRow, type RuleRow } from './assignment.repo.ts';
import { choose, matchesRule, type AssignmentRule, type Availability, type Method, type Person, type Reason, type Skipped } from './rules/choose.ts';
import { buildModel, type SellerModel } from './rules/matching.ts';

export type Decision = {
  ruleId: string;
  ruleName: string;
  method: Method;
  userId: string | null;
  teamId: string | null;
  reason: Reason;
};

/** Why a lead stayed unassigned: no rule matched, or every matching rule had nobody available. */
export type Miss = { outcome: 'no_rule_matched' | 'nobody_available'; tried: { ruleId: string; rule: string; method: Method; skipped: Skipped[] }[] };

export type Assigner = {
  /** Decides in memory and adds one to `load` for the chosen person; null when the lead stays unassigned (see `lastMiss`). */
  assign(lead: { id: string; facts: LeadFacts }, load: Map<string, number>): Decision | null;
  /** Why the last `assign` returned null. */
  readonly lastMiss: Miss | null;
  /** Persists the round-robin cursors and writes every decision (and miss) to the assignment log, in bulk. */
  flush(tx: Tx): Promise<{ logged: number }>;
};

export type AssignerOptions = { now: Date; random?: () => number; dryRun?: boolean };

/** The tenant's calendar day: Chinese companies work on Beijing time. */
export const todayOf = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const toRule = (r: RuleRow): AssignmentRule => ({
  id: r.id,
  name: r.name,
  condition: r.condition,
  method: r.method,
  userIds: r.userIds,
  teamId: r.teamId,
  cap: r.cap,
  settings: r.settings,
});

/** Candidate ids in turn order: the rule's people, or the active members of its team and sub-teams. */
async function candidatesOf(tx: Tx, rule: AssignmentRule, members: Member[]): Promise<string[]> {
  if (rule.method === 'queue') return [];
  if (rule.userIds.length > 0) return rule.userIds;
  if (!rule.teamId) return [];
  const teamIds = new Set(await teamSubtree(tx, rule.teamId));
  return members.filter((m) => m.status === 'active' && m.teamId !== null && teamIds.has(m.teamId)).map((m) => m.id);
}

/**
 * Loads everything assignment needs once (rules, people, availability, cursors locked for the
 * transaction, seller records), so a batch of any size costs a fixed handful of queries.
 */
export async function loadAssigner(tx: Tx, options: AssignerOptions): Promise<Assigner> {
  const random = options.random ?? Math.random;
  const today = todayOf(options.now);
  const rules = (await listRuleRows(tx, { enabledOnly: true })).map(toRule);
  const members = rules.length ? await listMembers(tx) : [];
  const people = new Map<string, Person>(members.map((m) => [m.id, { id: m.id, status: m.status }]));
  const candidates = new Map<string, string[]>();
  for (const rule of rules) candidates.set(rule.id, await candidatesOf(tx, rule, members));
  const turnIndex = new Map([...candidates].map(([ruleId, ids]) => [ruleId, new Map(ids.map((id, i) => [id, i]))]));
  const everyone = [...new Set([...candidates.values()].flat())];
  const availability = new Map<string, Availability>((await listAvailabilityRows(tx, everyone)).map((a) => [a.userId, a]));
  const turnTaking = rules.filter((r) => r.method !== 'queue').map((r) => r.id);
  const cursors = await lockCursors(tx, turnTaking, !options.dryRun);
  const lastUser = new Map<string, string | null>(turnTaking.map((id) => [id, cursors.get(id)?.lastUserId ?? null]));
  const turns = new Map<string, number>();
  const matchingUsers = [...new Set(rules.filter((r) => r.method === 'matching').flatMap((r) => candidates.get(r.id) ?? []))];
  const model: SellerModel = buildModel(matchingUsers.length ? await listStatRows(tx, matchingUsers) : []);
  const log: LogRow[] = [];
  let lastMiss: Miss | null = null;

  return {
    get lastMiss() {
      return lastMiss;
    },
    assign(lead, load) {
      const tried: Miss['tried'] = [];
      for (const rule of rules) {
        if (!matchesRule(rule, lead.facts)) continue;
        const choice = choose(rule, lead.facts, {
          candidates: candidates.get(rule.id) ?? [],
          people,
          availability,
          load,
          today,
          lastUserId: lastUser.get(rule.id) ?? null,
          random,
          model,
          turnIndex: turnIndex.get(rule.id),
        });
        if (choice.reason.outcome === 'nobody_available') {
          // The next matching rule may still have someone.
          tried.push({ ruleId: rule.id, rule: rule.name, method: rule.method, skipped: choice.reason.skipped });
          continue;
        }
        if (choice.userId) {
          load.set(choice.userId, (load.get(choice.userId) ?? 0) + 1);
          lastUser.set(rule.id, choice.userId);
          turns.set(rule.id, (turns.get(rule.id) ?? 0) + 1);
        }
        const reason: Reason = tried.length ? { ...choice.reason, fellThrough: tried } : choice.reason;
        const decision: Decision = { ruleId: rule.id, ruleName: rule.name, method: rule.method, userId: choice.userId, teamId: choice.teamId, reason };
        log.push({ leadId: lead.id, ruleId: rule.id, method: rule.method, userId: choice.userId, teamId: choice.teamId, byUserId: null, reason });
        lastMiss = null;
        return decision;
      }
      lastMiss = { outcome: tried.length ? 'nobody_available' : 'no_rule_matched', tried };
      log.push({ leadId: lead.id, ruleId: tried[0]?.ruleId ?? null, method: 'unassigned', userId: null, teamId: null, byUserId: null, reason: lastMiss });
      return null;
    },
    async flush(flushTx) {
      if (options.dryRun) return { logged: 0 };
      const changed = [...turns.entries()].map(([ruleId, n]) => ({ ruleId, lastUserId: lastUser.get(ruleId) ?? null, turns: n }));
      await saveCursors(flushTx, changed);
      const rows = log.splice(0, log.length);
      turns.clear();
      await insertLogRows(flushTx, rows, options.now);
      return { logged: rows.length };
    },
  };
}
