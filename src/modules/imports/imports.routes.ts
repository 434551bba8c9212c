import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { formatByteLimit } from '../../server/messages.ts';
import { listQuery, page } from '../../server/pagination.ts';
import { callerOf, errors, idParams, inTenant, noContent, typed } from '../../server/route-helpers.ts';
import { FileTooLargeError, MAX_IMPORT_BYTES } from './import-files.service.ts';
import { runImportJob } from './imports.jobs.ts';
import { deleteTemplate, getImport, listImports, listTemplates, rejectsCsv, revertImport, startImport, uploadImport } from './imports.service.ts';
import { ImportFileError } from './parsing.ts';
import { CUSTOMER_FIELDS, LEAD_FIELDS, ORDER_FIELDS } from './rules/fields.ts';

const counts = z.object({ read: z.number(), created: z.number(), updated: z.number(), merged: z.number(), rejected: z.number() });
const importType = z.enum(['customers', 'orders', 'leads']);
const mapping = z.record(z.string().max(200), z.enum([...new Set([...CUSTOMER_FIELDS, ...ORDER_FIELDS, ...LEAD_FIELDS]), 'ignore']));
const importSchema = z.object({
  id: z.uuid(),
  type: importType,
  channel: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  encoding: z.string().nullable(),
  mapping,
  status: z.enum(['draft', 'queued', 'running', 'done', 'failed', 'reverted']),
  doneLine: z.number(),
  counts,
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const previewSchema = z.object({
  importId: z.uuid(),
  lineCount: z.number().nullable(),
  encoding: z.string(),
  headers: z.array(z.string()),
  mapping,
  unmappedHeaders: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  template: z.string().nullable(),
});
const uploadQuery = z.strictObject({
  type: importType.default('customers'),
  channel: z.string().trim().min(1).max(50).default('upload'),
  template: z.string().trim().max(100).optional(),
});

/** Room for the multipart envelope (boundaries, part headers, a few small fields) around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const tooLarge = () => new AppError(413, 'body_too_large', undefined, { limit: formatByteLimit(MAX_IMPORT_BYTES) }, { maxBytes: MAX_IMPORT_BYTES });
const isTooLarge = (error: unknown) => error instanceof FileTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';

export function registerImportRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['imports'];
  const perm = { permission: 'customers.write' as const };

  api.post(
    '/api/v1/imports',
    {
      config: perm,
      bodyLimit: MAX_IMPORT_BYTES + MULTIPART_OVERHEAD,
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file (multipart field "file"): answers the detected encoding, headers, guessed mapping and sample rows',
        querystring: uploadQuery,
        response: { 201: previewSchema, ...errors, 413: errors[400] },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      if (!req.isMultipart()) throw new AppError(400, 'validation_failed', { file: 'required' });
      // A declared length over the limit is refused before a byte is stored.
      if (Number(req.headers['content-length']) > MAX_IMPORT_BYTES + MULTIPART_OVERHEAD) {
        // The rest of the body is not read: the client must not send its next request on this connection.
        void reply.header('connection', 'close');
        throw tooLarge();
      }
      // One byte over the limit reaches storeFile, which refuses it and keeps nothing.
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES + 1 } });
      if (!part) throw new AppError(400, 'validation_failed', { file: 'required' });
      try {
        const preview = await uploadImport(app.db, caller, { ...req.query, fileName: part.filename || 'upload.csv', body: part.file });
        if (part.file.truncated) throw tooLarge();
        return reply.status(201).send(preview);
      } catch (error) {
        if (isTooLarge(error)) {
          void reply.header('connection', 'close');
          throw tooLarge();
        }
        if (error instanceof ImportFileError) throw new AppError(400, 'validation_failed', { file: error.code }, {}, { reason: error.code, ...error.detail });
        throw error;
      }
    },
  );

  api.post(
    '/api/v1/imports/:id/start',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Confirm the mapping (optionally save it as a template) and run the import in the background',
        params: idParams,
        body: z.strictObject({ mapping: mapping.optional(), saveTemplateAs: z.string().trim().min(1).max(100).optional() }),
        response: { 202: importSchema, ...errors },
      },
    },
    async (req, reply) => {
      const started = await inTenant(req, (tx, caller) => startImport(tx, caller, req.params.id, req.body));
      await app.jobs?.send(runImportJob, { tenantId: callerOf(req).tenantId, importId: started.id }, { singletonKey: started.id });
      return reply.status(202).send(started);
    },
  );

  api.get('/api/v1/imports', { config: perm, schema: { tags, summary: 'Imports, newest first', querystring: z.strictObject({ limit: listQuery.limit, cursor: listQuery.cursor }), response: { 200: page(importSchema), ...errors } } }, async (req) =>
    inTenant(req, (tx) => listImports(tx, req.query)),
  );
  api.get('/api/v1/imports/:id', { config: perm, schema: { tags, summary: 'One import with its progress and counts', params: idParams, response: { 200: importSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx) => getImport(tx, req.params.id)),
  );
  api.get('/api/v1/imports/:id/rejects.csv', { config: perm, schema: { tags, summary: 'The rejected rows with line numbers and reasons, as CSV', params: idParams } }, async (req, reply) => {
    const csv = await inTenant(req, (tx) => rejectsCsv(tx, req.params.id));
    reply.header('content-disposition', `attachment; filename="rejected-${req.params.id}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });
  api.post('/api/v1/imports/:id/revert', { config: perm, schema: { tags, summary: 'Undo a finished import as a whole', params: idParams, response: { 200: importSchema, ...errors } } }, async (req) =>
    inTenant(req, (tx, caller) => revertImport(tx, caller, req.params.id)),
  );
  api.get('/api/v1/import-templates', { config: perm, schema: { tags, summary: 'Saved column mappings per channel', response: { 200: z.object({ items: z.array(z.object({ name: z.string(), type: importType, mapping, updatedAt: z.string() })), nextCursor: z.null() }), ...errors } } }, async (req) => ({
    items: await inTenant(req, (tx) => listTemplates(tx)),
    nextCursor: null,
  }));
  api.delete('/api/v1/import-templates/:name', { config: perm, schema: { tags, summary: 'Delete a saved mapping', params: z.object({ name: z.string().max(100) }), response: { 204: noContent, ...errors } } }, async (req, reply) => {
    await inTenant(req, (tx) => deleteTemplate(tx, req.params.name));
    return reply.status(204).send(null);
  });
}
