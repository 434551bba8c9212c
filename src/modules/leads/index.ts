import { columnFollower, registerMergeFollower } from '../customers/index.ts';
import { registerLeadPoolType } from './lead-pool.ts';
import { leads } from './leads.tables.ts';
import { registerLeadSources } from './lead-sources.ts';

export { registerLeadRoutes } from './leads.routes.ts';
export { intakeLeads, revertImportedLeads, type LeadInput, type IntakeSummary, type IntakeOutcome } from './lead-intake.service.ts';
export { listLeads, getLead, openLeadLoad, recentLeads, leadTitles } from './leads.service.ts';
export { qualifyLead, disqualifyLead, assignLeads, addActivity } from './lead-work.service.ts';
export { leadFunnelRows, leadTrainingRows, sellerOutcomeRows, rescoreOpenLeads } from './lead-sources.ts';
export { openLeadsOf, reassignLeads, type OpenLeadRef } from './lead-handover.service.ts';
export { cleanLead } from './rules/clean-lead.ts';
export { registerQualifyFollower, type Qualified } from './qualify-followers.ts';
export { leadFacts } from './rules/lead-facts.ts';
export * as leadTables from './leads.tables.ts';

registerLeadSources();
registerLeadPoolType();
// Leads linked to a customer that is merged away follow it to the survivor.
registerMergeFollower('leads', columnFollower(leads, leads.id, leads.customerId));
