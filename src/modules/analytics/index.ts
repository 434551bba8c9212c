export { registerAnalyticsRoutes } from './analytics.routes.ts';
export { funnel, median, type Funnel, type FunnelRow, type FunnelLead, type FunnelOpportunity } from './rules/funnel.ts';
