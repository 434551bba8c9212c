import { sql, type SQL } from 'drizzle-orm';

/**
 * The recycle verdict of private records in SQL, the set-based twin of `rules/recycle.ts`
 * (a test keeps the two in step). The rules are folded per pool and level into the shortest
 * number of days per kind, so a million records cost one pass with two small hash joins.
 * Yields the record's key and owner plus `deadline`, `rule_kind`, `rule_days`, `exemption`,
 * and the pool's policy columns the job needs.
 */
export function verdictSql(where: SQL): SQL {
  return sql`
    -- Inlined into both joins: a materialised CTE can only be read by the leader, which would keep
    -- the verdict over a million records out of a parallel plan.
    WITH rule_days AS NOT MATERIALIZED (
      SELECT pool_id, level,
        min(days) FILTER (WHERE kind = 'no_follow_up') AS follow_days,
        min(days) FILTER (WHERE kind = 'no_opportunity') AS opp_days,
        min(days) FILTER (WHERE kind = 'no_won') AS won_days
      FROM pool_rules WHERE enabled GROUP BY pool_id, level
    )
    SELECT r.record_type, r.record_id, r.owner_user_id, r.pool_id, r.title,
      p.warn_days, p.protection_days, p.claim_wait_minutes,
      CASE WHEN v.exemption IS NULL THEN d.deadline END AS deadline,
      CASE WHEN v.exemption IS NOT NULL OR d.deadline IS NULL THEN NULL
        WHEN d.deadline = x.f THEN 'no_follow_up' WHEN d.deadline = x.o THEN 'no_opportunity' ELSE 'no_won' END AS rule_kind,
      CASE WHEN v.exemption IS NOT NULL OR d.deadline IS NULL THEN NULL
        WHEN d.deadline = x.f THEN x.fd WHEN d.deadline = x.o THEN x.od ELSE x.wd END AS rule_days,
      v.exemption
    FROM pool_records r
    JOIN pools p ON p.tenant_id = r.tenant_id AND p.id = r.pool_id
    LEFT JOIN rule_days a ON a.pool_id = r.pool_id AND a.level IS NULL
    LEFT JOIN rule_days b ON b.pool_id = r.pool_id AND b.level = r.level
    CROSS JOIN LATERAL (SELECT least(a.follow_days, b.follow_days) AS fd, least(a.opp_days, b.opp_days) AS od, least(a.won_days, b.won_days) AS wd) n
    CROSS JOIN LATERAL (SELECT
        greatest(r.claimed_at, r.last_follow_up_at) + n.fd * interval '1 day' AS f,
        greatest(r.claimed_at, r.last_opportunity_at) + n.od * interval '1 day' AS o,
        CASE WHEN r.won_at >= r.claimed_at THEN NULL ELSE r.claimed_at + n.wd * interval '1 day' END AS w,
        n.fd, n.od, n.wd) x
    CROSS JOIN LATERAL (SELECT least(x.f, x.o, x.w) AS deadline) d
    CROSS JOIN LATERAL (SELECT CASE
        WHEN p.exempt_won AND r.won_at IS NOT NULL THEN 'won'
        WHEN p.exempt_open_probability IS NOT NULL AND r.open_probability >= p.exempt_open_probability THEN 'open_opportunity'
        WHEN p.exempt_live_contract AND r.contract_until >= (now() AT TIME ZONE 'UTC')::date THEN 'live_contract'
      END AS exemption) v
    WHERE r.closed_at IS NULL AND r.owner_user_id IS NOT NULL AND ${where}`;
}
