export { registerCustomerRoutes } from './customers.routes.ts';
export { insertCustomers, listCustomers, type Customer, type CustomerInput } from './customers.service.ts';
export { usccCheckChar, orgCodeCheckChar, validateUscc, USCC_CHARSET } from './rules/uscc.ts';
export { nationalIdCheckChar, validateNationalId } from './rules/national-id.ts';
