import type { Tx } from '../../db/client.ts';
import { can, type Caller } from '../../server/caller.ts';
import { AppError, invalid } from '../../server/errors.ts';
import { customerSummaries, findVisible } from '../customers/index.ts';
import { getLead, leadTitles } from '../leads/index.ts';
import { getOpportunity, opportunityTitles } from '../pipeline/index.ts';
import type { TaskRecordType } from './tasks.tables.ts';

/** Read permission needed to open each kind of record; a task never shows more than its record's page would. */
const READ = { lead: 'leads.read', customer: 'customers.read', opportunity: 'pipeline.read' } as const;

/**
 * Checks that the caller may open the record through its own module's scope rules, and answers its
 * title. A record that is missing, deleted or outside the scope is a bad `recordId` (400).
 */
export async function visibleRecordTitle(tx: Tx, caller: Caller, type: TaskRecordType, id: string): Promise<string> {
  if (!can(caller, READ[type])) throw invalid({ recordId: 'invalid_reference' });
  try {
    switch (type) {
      case 'lead': {
        const lead = await getLead(tx, caller, id);
        return lead.company ? `${lead.company} · ${lead.name}` : lead.name;
      }
      case 'customer':
        return (await findVisible(tx, caller, id)).name;
      case 'opportunity':
        return (await getOpportunity(tx, caller, id)).name;
    }
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw invalid({ recordId: 'invalid_reference' });
    throw error;
  }
}

/** Titles of many records at once, keyed `type:id`: one query per kind, however many tasks. */
export async function recordTitles(tx: Tx, refs: readonly { recordType: TaskRecordType; recordId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: TaskRecordType) => [...new Set(refs.filter((r) => r.recordType === type).map((r) => r.recordId))];
  const leads = await leadTitles(tx, idsOf('lead'));
  const customers = await customerSummaries(tx, idsOf('customer'));
  const opportunities = await opportunityTitles(tx, idsOf('opportunity'));
  const out = new Map<string, string>();
  for (const [id, title] of leads) out.set(`lead:${id}`, title);
  for (const [id, c] of customers) out.set(`customer:${id}`, c.name);
  for (const [id, title] of opportunities) out.set(`opportunity:${id}`, title);
  return out;
}
