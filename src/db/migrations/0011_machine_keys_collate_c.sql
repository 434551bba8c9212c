-- Blocking keys and identity values are machine keys: compared for equality and kept in b-trees,
-- never sorted for a person. Under the byte order of the "C" collation their comparisons are plain
-- memcmp, whatever locale the database was created with; under a zh_CN or en_US collation
-- every comparison goes through the locale's rules, and bulk imports insert and look up
-- millions of them (bench/RESULTS.md, "Machine keys in the C collation"). Equality is the same
-- under every deterministic collation, so no key changes meaning; the indexes are rebuilt.
ALTER TABLE customer_match_keys ALTER COLUMN key TYPE text COLLATE "C";
ALTER TABLE customer_identities ALTER COLUMN kind TYPE text COLLATE "C";
ALTER TABLE customer_identities ALTER COLUMN value TYPE text COLLATE "C";
