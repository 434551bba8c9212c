import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import { AppError } from '../../server/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findVisible, getCustomer, updateCustomer, type Customer } from '../customers/index.ts';
import type { CompanyInfo, EnrichmentProvider } from './provider.ts';

export type EnrichResult = { matched: boolean; provider: string | null; filled: string[]; info: CompanyInfo | null; customer: Customer };

/**
 * Looks a company up (by credit code, else by name) and fills the fields it lacks: credit code,
 * industry, registered address. Existing values are never overwritten; what was filled is audited.
 */
export async function enrichCustomer(tx: Tx, caller: Caller, id: string, providers: EnrichmentProvider[]): Promise<EnrichResult> {
  if (providers.length === 0) throw new AppError(409, 'conflict', { provider: 'none_configured' });
  const row = await findVisible(tx, caller, id);
  if (row.kind !== 'company') throw new AppError(400, 'validation_failed', { kind: 'company_only' });
  for (const provider of providers) {
    const info = await provider.lookup({ creditCode: row.creditCode, name: row.name });
    if (!info) continue;
    const patch: Record<string, string> = {};
    if (!row.creditCode && info.creditCode) patch.creditCode = info.creditCode;
    if (!row.industry && info.industry) patch.industry = info.industry;
    if (!row.address && info.registeredAddress) patch.address = info.registeredAddress;
    const filled = Object.keys(patch);
    const customer = filled.length ? await updateCustomer(tx, caller, id, patch) : await getCustomer(tx, caller, id);
    await recordAudit(tx, caller, { action: 'customer.enrich', entity: 'customer', entityId: id, after: { provider: provider.name, filled, info } });
    return { matched: true, provider: provider.name, filled, info, customer };
  }
  return { matched: false, provider: null, filled: [], info: null, customer: await getCustomer(tx, caller, id) };
}
