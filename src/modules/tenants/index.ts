export { getTenant, tenantIdBySlug, allTenantIds, insertTenant, type Tenant } from './tenants.service.ts';
export { provisionTenant } from './provision.service.ts';
