-- Match keys in a b-tree under three collations: the database's default, a Chinese ICU
-- collation (a server set up with a zh_CN locale), and "C" (what migration 0011 gives the
-- match keys and identities). One million keys shaped like the person keys (pd:…|city), in
-- random order, inserted into the same table shape as customer_match_keys.
--   psql -h 127.0.0.1 -U postgres -d test -f bench/import/machine-keys-collation.sql
\timing on
CREATE TEMP TABLE keys_src AS
  SELECT gen_random_uuid() AS customer_id,
         'pd:' || chr(19968 + (random() * 2000)::int) || chr(19968 + (random() * 2000)::int) || '|' || chr(19968 + (random() * 300)::int) || '市' AS key
  FROM generate_series(1, 1000000);
CREATE TEMP TABLE keys_default (tenant_id uuid, key text, customer_id uuid, PRIMARY KEY (tenant_id, key, customer_id));
CREATE TEMP TABLE keys_zh (tenant_id uuid, key text COLLATE "zh-Hans-CN-x-icu", customer_id uuid, PRIMARY KEY (tenant_id, key, customer_id));
CREATE TEMP TABLE keys_c (tenant_id uuid, key text COLLATE "C", customer_id uuid, PRIMARY KEY (tenant_id, key, customer_id));
\echo insert, database default collation
INSERT INTO keys_default SELECT '00000000-0000-0000-0000-000000000001', key, customer_id FROM keys_src;
\echo insert, zh-Hans-CN ICU collation
INSERT INTO keys_zh SELECT '00000000-0000-0000-0000-000000000001', key, customer_id FROM keys_src;
\echo insert, C collation
INSERT INTO keys_c SELECT '00000000-0000-0000-0000-000000000001', key, customer_id FROM keys_src;
\echo lookup of 200,000 keys, one index probe each: default, zh, C
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SELECT count(*) FROM (SELECT key FROM keys_src LIMIT 200000) s JOIN keys_default k ON k.tenant_id = '00000000-0000-0000-0000-000000000001' AND k.key = s.key;
SELECT count(*) FROM (SELECT key FROM keys_src LIMIT 200000) s JOIN keys_zh k ON k.tenant_id = '00000000-0000-0000-0000-000000000001' AND k.key = s.key;
SELECT count(*) FROM (SELECT key FROM keys_src LIMIT 200000) s JOIN keys_c k ON k.tenant_id = '00000000-0000-0000-0000-000000000001' AND k.key = s.key;
