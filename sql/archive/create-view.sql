-- A reader's view of one curated table of the current VERSION. table and files come from
-- sql/schema and the archive layout; partition is the table's Hive partition column.
CREATE OR REPLACE VIEW {{table}} AS
SELECT * FROM read_parquet({{files}}, hive_partitioning = true, hive_types = {'{{partition}}': INTEGER});
