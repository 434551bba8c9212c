import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../server/caller.ts';
import { intakeLeads } from '../leads/index.ts';
import { recordChanges, type ImportChange } from './import-changes.repo.ts';
import { importRejects, type ImportCounts } from './imports.tables.ts';
import type { ImportedLead } from './parsing.ts';

/** The field a lead intake reason is about, for the rejected-rows list (`mobile: mobile_empty`). */
function fieldOfReason(code: string): string | null {
  switch (code) {
    case 'name_missing':
      return 'name';
    case 'mobile_empty':
    case 'mobile_invalid':
    case 'contact_missing':
      return 'mobile';
    default:
      return null;
  }
}

/**
 * Hands a batch of a lead file to the leads intake, in the batch's transaction, each row with its
 * channel (the row's own source column, else the import's channel). Created leads are recorded as
 * the import's changes, so a revert finds them; an open lead with the same number counts as merged;
 * a row the intake rejects is listed with its file line and reasons, like the import's own rejects.
 */
export async function applyLeadRows(
  tx: Tx,
  actor: Actor,
  target: { importId: string; channel: string; now: Date },
  rows: { line: number; lead: ImportedLead }[],
  counts: ImportCounts,
): Promise<void> {
  const changes: ImportChange[] = [];
  const rejects: (typeof importRejects.$inferInsert)[] = [];
  const { results } = await intakeLeads(
    tx,
    actor,
    rows.map((r) => ({ ...r.lead.input, channel: r.lead.channel ?? target.channel, line: r.line })),
    { source: 'import', channel: target.channel, importId: target.importId, now: target.now },
  );
  for (const result of results) {
    const row = rows[result.index]!;
    switch (result.outcome) {
      case 'created':
        counts.created++;
        changes.push({ entity: 'lead', entityId: result.leadId, action: 'created', before: null });
        break;
      case 'duplicate':
        counts.merged++;
        break;
      case 'rejected':
        counts.rejected++;
        rejects.push({ tenantId: actor.tenantId, importId: target.importId, line: row.line, reasons: result.reasons.map((code) => ({ field: fieldOfReason(code), code })), raw: row.lead.raw });
        break;
    }
  }
  await recordChanges(tx, actor.tenantId, target.importId, changes);
  if (rejects.length) await tx.insert(importRejects).values(rejects).onConflictDoNothing();
}
