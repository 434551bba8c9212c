-- The pool list's search by title, the way customer and lead search work (0010, 0012, 0014).
--
-- `pool_records_title` (0004) is a trigram index the list's `title ILIKE` could never use: under the
-- tenant policy a non-leakproof operator is not checked inside an index, so a search of the public
-- pool walked every open record of the tenant. This function, bound to the caller's tenant and
-- planned for its pattern, reads the index; the list pages what it finds.

GRANT SELECT ON pool_records TO tide_search;
CREATE POLICY search_lookup ON pool_records FOR SELECT TO tide_search USING (true);

-- Keys of the caller's tenant's open pool records whose title matches p_pattern (ILIKE), at most p_limit.
CREATE FUNCTION tide_pool_record_keys_title_like(p_pattern text, p_limit integer) RETURNS TABLE (record_type text, record_id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT record_type, record_id FROM pool_records WHERE tenant_id = $1 AND closed_at IS NULL AND title ILIKE $2 LIMIT $3'
    USING tide_current_tenant(), p_pattern, p_limit;
END
$$;
ALTER FUNCTION tide_pool_record_keys_title_like(text, integer) OWNER TO tide_search;
REVOKE ALL ON FUNCTION tide_pool_record_keys_title_like(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tide_pool_record_keys_title_like(text, integer) TO tide_app;
