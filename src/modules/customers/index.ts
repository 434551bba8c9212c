export { registerCustomerRoutes } from './customers.routes.ts';
export { insertCustomers, listCustomers, type Customer, type CustomerInput } from './customers.service.ts';
