-- A reader's view of one rollup of the current VERSION (sql/rollups): one file per attempt rule, in
-- Hive folders attempt=first|best|latest.
CREATE OR REPLACE VIEW {{view}} AS
SELECT * FROM read_parquet({{files}}, hive_partitioning = true);
