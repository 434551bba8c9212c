/** Error codes a client may see; each has a message in messages.ts in every locale. */
export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'team_not_empty'
  | 'team_cycle'
  | 'last_admin'
  | 'user_inactive'
  | 'wrong_password'
  | 'lead_already_qualified'
  | 'lead_already_disqualified'
  | 'lead_duplicate'
  | 'lead_closed'
  | 'too_many_submissions'
  | 'pipeline_not_empty'
  | 'stage_not_empty'
  | 'last_open_stage'
  | 'opportunity_closed'
  | 'opportunity_not_closed'
  | 'stale_version'
  | 'assignee_inactive'
  | 'assignee_outside_team'
  | 'already_claimed'
  | 'claim_protected'
  | 'not_yet_claimable'
  | 'claim_limit_reached'
  | 'private_cap_reached'
  | 'not_pool_member'
  | 'default_pool'
  | 'not_record_owner'
  | 'internal';

/** Thrown by services and routes; the error handler turns it into `{ error: { code, message, fields } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly params: Record<string, string | number> = {},
    /** Machine-readable facts for the client, e.g. the id of the existing record a duplicate matched. */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const conflict = (code: ErrorCode = 'conflict', fields?: Record<string, string>) =>
  new AppError(409, code, fields);
export const invalid = (fields: Record<string, string>) => new AppError(400, 'validation_failed', fields);

/** Maps a PostgreSQL unique violation to a 409 naming the field, or returns undefined. */
export function uniqueViolationField(error: unknown, columns: Record<string, string>): string | undefined {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e.code === '23505' ? e : e.cause?.code === '23505' ? e.cause : undefined;
  if (!pgError) return undefined;
  const constraint = pgError.constraint ?? '';
  for (const [needle, field] of Object.entries(columns)) if (constraint.includes(needle)) return field;
  return Object.values(columns)[0];
}
