-- Rows in a Parquet file this process wrote: to re-read what was written and verify it against the counts.
SELECT count(*)::BIGINT AS n FROM read_parquet({{file}});
