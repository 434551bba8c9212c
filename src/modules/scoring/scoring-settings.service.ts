import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { recordAudit } from '../audit/index.ts';
import type { ScoringTarget } from './rules/rule-score.ts';
import { scoringSettings } from './scoring.tables.ts';

export const scoringSettingsSchema = z.strictObject({
  /** Where the rule score starts before the rules' points. */
  base: z.number().int().min(0).max(100),
  /** Share of the learned model in the final score when a model is active. */
  modelWeight: z.number().min(0).max(1),
  /** Closed records needed before a model is trained (and at least 20 won and 20 lost). */
  minHistory: z.number().int().min(20).max(1_000_000),
});
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = { base: 50, modelWeight: 0.6, minHistory: 200 };
export const MIN_PER_CLASS = 20;

/** Stored beside the settings, never shown: the targets whose default rules were already created. */
type Stored = Partial<ScoringSettings> & { seeded?: ScoringTarget[] };

async function readStored(tx: Tx, lock = false): Promise<Stored> {
  const query = tx.select({ settings: scoringSettings.settings }).from(scoringSettings);
  const [row] = lock ? await query.for('update') : await query;
  return (row?.settings ?? {}) as Stored;
}

export async function getScoringSettings(tx: Tx): Promise<ScoringSettings> {
  const stored = await readStored(tx);
  return {
    base: stored.base ?? DEFAULT_SCORING_SETTINGS.base,
    modelWeight: stored.modelWeight ?? DEFAULT_SCORING_SETTINGS.modelWeight,
    minHistory: stored.minHistory ?? DEFAULT_SCORING_SETTINGS.minHistory,
  };
}

export async function putScoringSettings(tx: Tx, actor: Actor, settings: ScoringSettings): Promise<ScoringSettings> {
  const before = await getScoringSettings(tx);
  await ensureSettingsRow(tx);
  const stored = await readStored(tx, true);
  await tx.update(scoringSettings).set({ settings: { ...stored, ...settings }, updatedAt: new Date() }).where(eq(scoringSettings.tenantId, sql`tide_current_tenant()`));
  await recordAudit(tx, actor, { action: 'scoring_settings.update', entity: 'scoring_settings', entityId: actor.tenantId, before, after: settings });
  return settings;
}

async function ensureSettingsRow(tx: Tx) {
  await tx.execute(sql`insert into scoring_settings (tenant_id) values (tide_current_tenant()) on conflict do nothing`);
}

/**
 * Runs `seed` once per tenant and target, under a row lock on the settings row so two first
 * readers cannot both seed. Returns whether it ran.
 */
export async function seedOnce(tx: Tx, target: ScoringTarget, seed: () => Promise<void>): Promise<boolean> {
  if ((await readStored(tx)).seeded?.includes(target)) return false;
  await ensureSettingsRow(tx);
  const stored = await readStored(tx, true);
  if (stored.seeded?.includes(target)) return false;
  await seed();
  await tx
    .update(scoringSettings)
    .set({ settings: { ...stored, seeded: [...(stored.seeded ?? []), target] } })
    .where(eq(scoringSettings.tenantId, sql`tide_current_tenant()`));
  return true;
}
