-- While curation builds a version's rollups: a connection-local (temporary) view of one table of the
-- version being built, shadowing the reader view of the same name, so the rollups run the metrics'
-- own definitions (sql/metrics/grades/parts) over the new data. Dropped when the rollups are written.
CREATE OR REPLACE TEMP VIEW {{table}} AS
SELECT * FROM read_parquet({{files}}, hive_partitioning = true, hive_types = {'{{partition}}': INTEGER});
