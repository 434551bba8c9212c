-- Room on every pool_records page for updated row versions. Most updates of a private record
-- (the nightly warning, a follow-up, an opportunity fact) change no indexed column; with space left
-- on the page PostgreSQL keeps them heap-only (HOT) and writes no index entries, the trigram index
-- on title included. On a full page each of them re-inserts the row into all four indexes.
-- Existing pages get the room as they are rewritten (or at once with VACUUM FULL pool_records).
ALTER TABLE pool_records SET (fillfactor = 85);
