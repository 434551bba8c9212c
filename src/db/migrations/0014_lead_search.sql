-- Lead search, the way customer search works since 0010 and 0012.
--
-- The lead list's search box looks for a part of the name or the company, or a run of the phone
-- number's digits. It was an ILIKE on the list query, with no index that could serve it: under the
-- tenant policy a non-leakproof operator (LIKE, ILIKE) is never checked inside an index, so a rare
-- search walked every live lead of the tenant before the page filled. Now a "contains" search
-- of three characters or more goes through trigram indexes, in a function bound to the caller's
-- tenant, planned for the pattern at hand (EXECUTE … USING) and without the sequential scan.

CREATE INDEX leads_name_trgm ON leads USING gin (name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX leads_company_trgm ON leads USING gin (company gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX leads_mobile_trgm ON leads USING gin (mobile gin_trgm_ops) WHERE deleted_at IS NULL;

GRANT SELECT ON leads TO tide_search;
CREATE POLICY search_lookup ON leads FOR SELECT TO tide_search USING (true);

-- Ids of the caller's tenant's live leads whose name or company matches p_pattern (ILIKE), or whose
-- mobile matches p_digits (LIKE; null for none), at most p_limit.
CREATE FUNCTION tide_lead_ids_like(p_pattern text, p_digits text, p_limit integer) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM leads WHERE tenant_id = $1 AND deleted_at IS NULL
       AND (name ILIKE $2 OR company ILIKE $2 OR ($3 IS NOT NULL AND mobile LIKE $3)) LIMIT $4'
    USING tide_current_tenant(), p_pattern, p_digits, p_limit;
END
$$;
ALTER FUNCTION tide_lead_ids_like(text, text, integer) OWNER TO tide_search;
REVOKE ALL ON FUNCTION tide_lead_ids_like(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tide_lead_ids_like(text, text, integer) TO tide_app;
