-- The tenant policy on every table calls this function. Declared without a parallel label it counts
-- as parallel unsafe, and one unsafe call anywhere in a query keeps the whole query on one process,
-- however large the scan. It only reads a setting, which parallel workers receive from the leader.
ALTER FUNCTION tide_current_tenant() PARALLEL SAFE;
