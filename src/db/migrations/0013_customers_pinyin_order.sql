-- The customer list sorted by name reads names in pinyin order (阿里, Bob, 李四, 张三), a page at a
-- time through keyset cursors on (pinyin, id). This index serves that order in both directions;
-- without it every page sorted the whole tenant (90 ms a page at 100,000 customers; bench/RESULTS.md,
-- "Customer list paging").
CREATE INDEX customers_pinyin_order ON customers (tenant_id, (coalesce(name_pinyin, '')), id) WHERE deleted_at IS NULL;
