import { columnFollower, registerMergeFollower } from '../customers/index.ts';
import { registerOpportunityScoring } from './opportunity-scoring.ts';
import { opportunities } from './pipeline.tables.ts';

export { registerPipelineRoutes } from './opportunities.routes.ts';
export { createOpportunity, getOpportunity, opportunityTitles, type Opportunity, type OpportunityInput } from './opportunities.service.ts';
export { leadOutcomes, opportunityFunnelRows, opportunityTrainingRows, type LeadOutcome, type OpportunityFunnelRow, type OpportunityTrainingRow } from './opportunity-exports.service.ts';
export { scoreOpportunities, rescoreOpenOpportunities } from './opportunity-scoring.ts';
export { opportunityFacts } from './rules/opportunity-facts.ts';
export { moveStage, closeOpportunity } from './opportunity-stage.service.ts';
export { listPipelines, DEFAULT_STAGES, type Pipeline, type Stage } from './pipelines.service.ts';
export { openOpportunitiesOf, reassignOpportunities, type OpenOpportunityRef } from './opportunity-handover.service.ts';

registerOpportunityScoring();
// A merged customer's opportunities follow it to the survivor.
registerMergeFollower('opportunities', columnFollower(opportunities, opportunities.id, opportunities.customerId));
