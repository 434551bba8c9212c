-- The "contains" searches of 0010 go through the trigram index, planned for the pattern at hand.
--
-- Under row-level security the planner does not use a column's statistics for operators that are
-- not leakproof (LIKE and ILIKE are not), so it cannot tell a rare "%云帆%" from a common one and
-- falls back to a fixed guess, by which reading the whole table looks cheaper below a few hundred
-- thousand customers; and a SQL function that is not inlined (SECURITY DEFINER ones never are)
-- plans with the pattern unknown. At 100,000 customers that cost 55-90 ms a search, against 3-8 ms
-- through the index, for a common three-character pattern (科技有, in most company names) as for a
-- rare one (bench/RESULTS.md, "Customer search at 100,000"). Now each call is planned with its
-- pattern (EXECUTE … USING) and without the sequential scan. Same arguments, result, owner, grants.
CREATE OR REPLACE FUNCTION tide_customer_ids_name_like(p_pattern text, p_limit integer) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM customers WHERE tenant_id = $1 AND deleted_at IS NULL AND name ILIKE $2 LIMIT $3'
    USING tide_current_tenant(), p_pattern, p_limit;
END
$$;

CREATE OR REPLACE FUNCTION tide_customer_ids_mobile_like(p_pattern text, p_limit integer) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM customers WHERE tenant_id = $1 AND deleted_at IS NULL AND mobile LIKE $2 LIMIT $3'
    USING tide_current_tenant(), p_pattern, p_limit;
END
$$;
