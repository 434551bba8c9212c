export { registerCustomerRoutes } from './customers.routes.ts';
export { listCustomers, getCustomer, findVisible, type Customer, type CustomerRow } from './customers.service.ts';
export { insertCustomers, createCustomer, cleanedValues, claimIdentities, findByIdentities, type CustomerInput } from './customer-write.service.ts';
export { usccCheckChar, orgCodeCheckChar, validateUscc, USCC_CHARSET } from './rules/uscc.ts';
export { nationalIdCheckChar, validateNationalId } from './rules/national-id.ts';
export { nameSearchKeys } from './rules/search-keys.ts';
export { escapeFormula, csvLine } from './rules/csv-escape.ts';
export * as customerTables from './customers.tables.ts';
