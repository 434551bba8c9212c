export { registerEnrichmentRoutes } from './enrichment.routes.ts';
export { enrichCustomer } from './enrichment.service.ts';
export { localRegistryProvider } from './local-registry.provider.ts';
export type { EnrichmentProvider, CompanyInfo, CompanyQuery } from './provider.ts';
