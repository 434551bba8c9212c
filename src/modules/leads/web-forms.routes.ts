import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { renderFormPage } from './public-form.page.ts';
import { createWebForm, deleteWebForm, FORM_FIELDS, listWebForms, publicForm, submitWebForm, tenantOfForm, updateWebForm, type FormField } from './web-forms.service.ts';

const formSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  channel: z.string().nullable(),
  fields: z.array(z.enum(FORM_FIELDS)),
  thankYou: z.string().nullable(),
  enabled: z.boolean(),
  submissions: z.number().int(),
  leads: z.number().int(),
  createdAt: z.string(),
});
const formBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  channel: z.string().trim().max(100).nullish(),
  fields: z.array(z.enum(FORM_FIELDS)).min(1).max(FORM_FIELDS.length),
  thankYou: z.string().trim().max(500).nullish(),
  enabled: z.boolean().optional(),
});
const keyParams = z.object({ key: z.string().min(6).max(40).regex(/^[A-Za-z0-9_-]+$/) });
const submissionBody = z.object({
  ...Object.fromEntries(FORM_FIELDS.map((f) => [f, z.string().max(f === 'notes' ? 2000 : 200).optional()])),
  website: z.string().max(500).optional(),
  startedAt: z.number().optional(),
}) as z.ZodType<Partial<Record<FormField, string>> & { website?: string; startedAt?: number }>;

export function registerWebFormRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['web forms'];
  const configure = { permission: 'sales.configure' as const };

  api.get('/api/v1/web-forms', { config: { permission: 'leads.read' }, schema: { tags, summary: 'Public lead forms with their submission counts', response: { 200: z.object({ items: z.array(formSchema) }), ...errors } } }, async (req) =>
    inTenant(req, async (tx) => ({ items: await listWebForms(tx) })),
  );
  api.post('/api/v1/web-forms', { config: configure, schema: { tags, summary: 'Create a public lead form (embed it with an iframe of /f/{key}?channel=…)', body: formBody, response: { 201: formSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await inTenant(req, (tx, caller) => createWebForm(tx, caller, req.body))),
  );
  api.patch('/api/v1/web-forms/:id', { config: configure, schema: { tags, summary: 'Change a form', params: idParams, body: formBody.partial(), response: { 200: formSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => updateWebForm(tx, caller, req.params.id, req.body)),
  );
  api.delete('/api/v1/web-forms/:id', { config: configure, schema: { tags, summary: 'Delete a form (its address stops working)', params: idParams, response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx, caller) => deleteWebForm(tx, caller, req.params.id));
    return reply.status(204).send(null);
  });

  // Public side: no login; the form key names the tenant.
  const publicConfig = { auth: 'public' as const };
  const tenantOr404 = async (key: string) => {
    const tenantId = await tenantOfForm(app.db, key);
    if (!tenantId) throw new AppError(404, 'not_found');
    return tenantId;
  };
  api.get('/f/:key', { config: publicConfig, schema: { hide: true, params: keyParams, querystring: z.object({ channel: z.string().max(100).optional() }) } }, async (req, reply) => {
    const tenantId = await tenantOr404(req.params.key);
    const form = await app.db.tenantTx(tenantId, (tx) => publicForm(tx, req.params.key));
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return renderFormPage({ key: form.key, name: form.name, fields: form.fields as FormField[], thankYou: form.thankYou }, { channel: req.query.channel ?? null, servedAt: Date.now() });
  });
  api.post(
    '/api/v1/public/forms/:key/submissions',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Submit a public form (no login). Spam is accepted silently and recorded; more than 5 submissions in 10 minutes from one address answer 429.',
        params: keyParams,
        querystring: z.object({ channel: z.string().max(100).optional() }),
        body: submissionBody,
        response: { 200: z.object({ ok: z.literal(true), thankYou: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const tenantId = await tenantOr404(req.params.key);
      return app.db.tenantTx(tenantId, (tx) => submitWebForm(tx, tenantId, req.params.key, req.body, { ip: req.ip, channel: req.query.channel }));
    },
  );
}
