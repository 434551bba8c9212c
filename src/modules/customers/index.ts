export { registerCustomerRoutes } from './customers.routes.ts';
export { listCustomers, getCustomer, findVisible, customerSummaries, type Customer, type CustomerRow } from './customers.service.ts';
export { insertCustomers, createCustomer, updateCustomer, cleanedValues, claimIdentities, findByIdentities, addContact, type CustomerInput } from './customer-write.service.ts';
export { usccCheckChar, orgCodeCheckChar, validateUscc, USCC_CHARSET } from './rules/uscc.ts';
export { nationalIdCheckChar, validateNationalId } from './rules/national-id.ts';
export { nameSearchKeys } from './rules/search-keys.ts';
export { escapeFormula, csvLine } from './rules/csv-escape.ts';
export * as customerTables from './customers.tables.ts';
export { upsertCustomerBatch, prepareCustomerRows, revertCustomerChange, customerChangeRecord, type IncomingCustomer, type BatchOutcome, type PreparedCustomerRow } from './customer-batch.service.ts';
export { upsertOrderBatch, deleteOrders, type IncomingOrder } from './order-batch.service.ts';
export { dedupeScanJob, nightlyDedupeJob } from './customers.jobs.ts';
export { mergeCustomers, undoMerge } from './customer-merge.service.ts';
export { scanDuplicates } from './customer-match.service.ts';
export { getCustomerSettings } from './customer-settings.service.ts';
export { customersOwnedBy, ownedCustomerCounts, reassignCustomers, type OwnedCustomerRef } from './customer-handover.service.ts';
export { syncCustomerPool, closeCustomerPool } from './customer-pool.ts';
import { registerCustomerPoolType } from './customer-pool.ts';

registerCustomerPoolType();
