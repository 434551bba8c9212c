import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { leads } from './leads.tables.ts';

export type NewLead = typeof leads.$inferInsert & { id: string };

const col = <T>(rows: readonly T[], pick: (r: T) => unknown) => sql.param(rows.map(pick));
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Inserts new leads in one statement, rows passed as arrays and unnested by PostgreSQL (building a
 * multi-row VALUES of 40 columns costs more than the insert itself). An open lead with the same
 * mobile, created meanwhile by another intake, makes the row a no-op; the ids inserted are returned.
 */
export async function insertLeads(tx: Tx, tenantId: string, rows: readonly NewLead[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`
    insert into leads (tenant_id, id, name, company, title, mobile, email, credit_code, province, city, district, address, industry,
      company_size, birth_year, source, channel, customer_id, linked_existing, owner_user_id, queue_team_id, assigned_at, score,
      score_reasons, scored_at, completeness, notes, custom, flags, import_id, created_by, created_at, updated_at)
    select ${tenantId}::uuid, v.id, v.name, v.company, v.title, v.mobile, v.email, v.credit_code, v.province, v.city, v.district, v.address,
      v.industry, v.company_size, v.birth_year, v.source, v.channel, v.customer_id, v.linked_existing, v.owner_user_id, v.queue_team_id,
      v.assigned_at, v.score, v.score_reasons::jsonb, v.scored_at, v.completeness, v.notes, v.custom::jsonb,
      coalesce(string_to_array(nullif(v.flags, ''), ','), '{}'), v.import_id, v.created_by, v.created_at, v.created_at
    from unnest(${col(rows, (r) => r.id)}::uuid[], ${col(rows, (r) => r.name)}::text[], ${col(rows, (r) => r.company ?? null)}::text[],
      ${col(rows, (r) => r.title ?? null)}::text[], ${col(rows, (r) => r.mobile ?? null)}::text[], ${col(rows, (r) => r.email ?? null)}::text[],
      ${col(rows, (r) => r.creditCode ?? null)}::text[], ${col(rows, (r) => r.province ?? null)}::text[], ${col(rows, (r) => r.city ?? null)}::text[],
      ${col(rows, (r) => r.district ?? null)}::text[], ${col(rows, (r) => r.address ?? null)}::text[], ${col(rows, (r) => r.industry ?? null)}::text[],
      ${col(rows, (r) => r.companySize ?? null)}::text[], ${col(rows, (r) => r.birthYear ?? null)}::smallint[], ${col(rows, (r) => r.source)}::text[],
      ${col(rows, (r) => r.channel ?? null)}::text[], ${col(rows, (r) => r.customerId ?? null)}::uuid[], ${col(rows, (r) => r.linkedExisting ?? false)}::boolean[],
      ${col(rows, (r) => r.ownerUserId ?? null)}::uuid[], ${col(rows, (r) => r.queueTeamId ?? null)}::uuid[], ${col(rows, (r) => iso(r.assignedAt))}::timestamptz[],
      ${col(rows, (r) => r.score ?? null)}::smallint[], ${col(rows, (r) => JSON.stringify(r.scoreReasons ?? []))}::text[], ${col(rows, (r) => iso(r.scoredAt))}::timestamptz[],
      ${col(rows, (r) => r.completeness ?? 0)}::smallint[], ${col(rows, (r) => r.notes ?? null)}::text[], ${col(rows, (r) => JSON.stringify(r.custom ?? {}))}::text[],
      ${col(rows, (r) => (r.flags ?? []).join(','))}::text[], ${col(rows, (r) => r.importId ?? null)}::uuid[], ${col(rows, (r) => r.createdBy ?? null)}::uuid[],
      ${col(rows, (r) => iso(r.createdAt) ?? new Date().toISOString())}::timestamptz[])
      as v(id, name, company, title, mobile, email, credit_code, province, city, district, address, industry, company_size, birth_year,
        source, channel, customer_id, linked_existing, owner_user_id, queue_team_id, assigned_at, score, score_reasons, scored_at,
        completeness, notes, custom, flags, import_id, created_by, created_at)
    on conflict do nothing
    returning id`,
  );
  return inserted.map((r) => r.id);
}
