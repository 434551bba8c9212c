import type { FastifyInstance } from 'fastify';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { SCORING_TARGETS } from './rules/rule-score.ts';
import { latestModel, loadScorer } from './scoring-models.service.ts';
import { createRule, deleteRule, listRules, reorderRules, updateRule } from './scoring-rules.service.ts';
import { getScoringSettings, putScoringSettings } from './scoring-settings.service.ts';
import { registeredTargets, retrainTenant } from './scoring-targets.ts';
import {
  modelStatusList,
  previewBody,
  previewResponse,
  reorderBody,
  retrainBody,
  retrainResponse,
  ruleCreateBody,
  ruleList,
  ruleSchema,
  ruleUpdateBody,
  scoringSettingsSchema,
  targetQuery,
} from './scoring.schema.ts';

export function registerScoringRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['scoring'];
  const read = { permission: 'leads.read' as const };
  const configure = { permission: 'sales.configure' as const };

  api.get('/api/v1/scoring/rules', { config: read, schema: { tags, summary: 'The scoring rules of a target, in order (defaults are created on first read)', querystring: targetQuery, response: { 200: ruleList, ...errors } } }, async (req) =>
    inTenant(req, async (tx) => ({ items: await listRules(tx, req.query.target) })),
  );
  api.post('/api/v1/scoring/rules', { config: configure, schema: { tags, summary: 'Add a scoring rule (a bad condition is a 400 naming its path)', body: ruleCreateBody, response: { 201: ruleSchema, ...errors } } }, async (req, reply) => {
    const { target, ...input } = req.body;
    return reply.status(201).send(await inTenant(req, (tx, caller) => createRule(tx, caller, target, input)));
  });
  api.put('/api/v1/scoring/rules/order', { config: configure, schema: { tags, summary: 'Set the order of a target’s rules (every rule id once)', body: reorderBody, response: { 200: ruleList, ...errors } } }, async (req) =>
    inTenant(req, async (tx, caller) => ({ items: await reorderRules(tx, caller, req.body.target, req.body.ids) })),
  );
  api.patch('/api/v1/scoring/rules/:id', { config: configure, schema: { tags, summary: 'Change a scoring rule', params: idParams, body: ruleUpdateBody, response: { 200: ruleSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateRule(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/scoring/rules/:id', { config: configure, schema: { tags, summary: 'Delete a scoring rule', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteRule(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });

  api.get('/api/v1/scoring/settings', { config: read, schema: { tags, summary: 'Scoring settings: rule base, model weight, minimum history', response: { 200: scoringSettingsSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getScoringSettings(tx)),
  );
  api.put('/api/v1/scoring/settings', { config: configure, schema: { tags, summary: 'Change the scoring settings (audited)', body: scoringSettingsSchema, response: { 200: scoringSettingsSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => putScoringSettings(tx, caller, req.body)),
  );

  api.get('/api/v1/scoring/models', { config: read, schema: { tags, summary: 'The latest model per target: status, history counts, held-out AUC of model and rules, top weights', response: { 200: modelStatusList, ...errors } } }, async (req) =>
    inTenant(req, async (tx) => {
      const registered = registeredTargets();
      const items = [];
      for (const target of SCORING_TARGETS) {
        const latest = await latestModel(tx, target);
        items.push({ target, modelActive: latest?.status === 'active', registered: registered.includes(target), latest });
      }
      return { items };
    }),
  );
  api.post('/api/v1/scoring/retrain', { config: configure, schema: { tags, summary: 'Retrain now for the caller’s tenant (all targets, or one) and rescore', body: retrainBody, response: { 200: retrainResponse, ...errors } } }, async (req) =>
    inTenant(req, async (tx) => ({ results: await retrainTenant(tx, { targets: req.body.target ? [req.body.target] : undefined }) })),
  );
  api.post('/api/v1/scoring/preview', { config: read, schema: { tags, summary: 'Score a facts object with the current rules and model, with reasons', body: previewBody, response: { 200: previewResponse, ...errors } } }, async (req) =>
    inTenant(req, async (tx) => {
      const scorer = await loadScorer(tx, req.body.target);
      const { score, ruleScore, probability, reasons } = scorer.score(req.body.facts);
      return { score, ruleScore, probability, reasons, modelActive: scorer.modelActive };
    }),
  );
}
