-- Customer search under row-level security.
--
-- The tenant policy is a security barrier: a condition of the query may only be checked inside an
-- index scan if its operator is leakproof. LIKE and ILIKE are not, so under the policy a name
-- search can never use the prefix or trigram indexes, and at a million customers it walks the
-- table. Prefix searches are therefore written as ranges (~>=~ and ~<~ are leakproof and served
-- by the text_pattern_ops indexes). A "contains" search (云帆 inside 杭州云帆科技有限公司) needs
-- the trigram index, so it runs in a function that reads the caller's tenant from the same
-- setting the policy reads and filters on it itself (the same for a run of a phone number's digits); the function's owner may read customers
-- through a policy of its own, and nothing else.

DO $$ BEGIN
  CREATE ROLE tide_search NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'tide_search', 'MEMBER') THEN
    EXECUTE format('GRANT tide_search TO %I', current_user);
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO tide_search;
GRANT SELECT ON customers TO tide_search;
CREATE POLICY search_lookup ON customers FOR SELECT TO tide_search USING (true);

-- Ids of the caller's tenant's live customers whose name (or mobile) matches the pattern, at most p_limit.
CREATE FUNCTION tide_customer_ids_name_like(p_pattern text, p_limit integer) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM customers
  WHERE tenant_id = tide_current_tenant() AND deleted_at IS NULL AND name ILIKE p_pattern
  LIMIT p_limit
$$;
ALTER FUNCTION tide_customer_ids_name_like(text, integer) OWNER TO tide_search;
REVOKE ALL ON FUNCTION tide_customer_ids_name_like(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tide_customer_ids_name_like(text, integer) TO tide_app;

CREATE FUNCTION tide_customer_ids_mobile_like(p_pattern text, p_limit integer) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM customers
  WHERE tenant_id = tide_current_tenant() AND deleted_at IS NULL AND mobile LIKE p_pattern
  LIMIT p_limit
$$;
ALTER FUNCTION tide_customer_ids_mobile_like(text, integer) OWNER TO tide_search;
REVOKE ALL ON FUNCTION tide_customer_ids_mobile_like(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tide_customer_ids_mobile_like(text, integer) TO tide_app;
