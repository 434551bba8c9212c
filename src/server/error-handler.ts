import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from './errors.ts';
import { errorMessage, fieldMessage, formatByteLimit, type Locale } from './messages.ts';

type Issue = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };

/** Turns schema issues into `{ field: message }`, with unknown keys named one by one. */
function fieldsOf(issues: Issue[], context: string | undefined, locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  const prefix = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (issue.params.keys as string[]) ?? []) {
        fields[prefix + (path ? `${path}.${key}` : key)] = fieldMessage(locale, 'unrecognized_key');
      }
      continue;
    }
    const missing = issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '');
    const key = missing ? 'required' : issue.keyword;
    fields[prefix + (path || '(body)')] = fieldMessage(locale, key, issue.params);
  }
  return fields;
}

function send(
  reply: FastifyReply,
  locale: Locale,
  status: number,
  code: ErrorCode,
  fields?: Record<string, string>,
  params = {},
  details?: Record<string, unknown>,
) {
  const body: { error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> } } = {
    error: { code, message: errorMessage(locale, code, params) },
  };
  if (details) body.error.details = details;
  if (fields && Object.keys(fields).length) {
    body.error.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldMessage(locale, v)]));
  }
  return reply.status(status).type('application/json').send(body);
}

const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed_json' },
};

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.locale ?? 'zh-CN';
    if (error instanceof AppError) return send(reply, locale, error.status, error.code, error.fields, error.params, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(reply, locale, 400, 'validation_failed', fieldsOf(error.validation as Issue[], error.validationContext, locale));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known?.code === 'body_too_large') {
      const maxBytes = req.routeOptions.bodyLimit;
      return send(reply, locale, known.status, known.code, undefined, { limit: formatByteLimit(maxBytes) }, { maxBytes });
    }
    if (known) return send(reply, locale, known.status, known.code);
    if (error instanceof SyntaxError) return send(reply, locale, 400, 'malformed_json');
    if (error.statusCode === 429) return send(reply, locale, 429, 'too_many_attempts', undefined, { minutes: 1 });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, locale, error.statusCode, error.statusCode === 404 ? 'not_found' : 'validation_failed');
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, locale, 500, 'internal');
  });
  app.setNotFoundHandler((req, reply) => send(reply, req.locale ?? 'zh-CN', 404, 'not_found'));
}
