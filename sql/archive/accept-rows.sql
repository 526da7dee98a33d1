-- The accepted rows of one table, typed, with their provenance: every mapped row (rows: the files'
-- map-source.sql selects, UNION ALL, as in check-staged.sql) that is not among the rejected rows
-- check-staged.sql wrote (rejected; few, so the anti-join's table is small). Mapping again from the
-- staged files is cheaper than writing every checked row once more to read them back (see
-- check-staged.sql). Not sorted: the order of rows in an accession carries no meaning (source_file and
-- source_row say where each came from), and sorting 18M rows would cost as much as checking them.
-- zstd at level 1 rather than its default 3: writing this file is most of the accept's work, and on the
-- 300k-student package's 18.3M grade rows level 1 wrote it in 6.5–6.6 s instead of 7.0–7.5 (12.8–13.0
-- CPU-seconds instead of 13.8–14.7, three alternating runs) for a file 2.6% larger (108 MB, not 105).
COPY (
  SELECT {{typed_columns}},
         {{accession_id}} AS accession_id, m.source_file, m.source_row
  FROM ({{rows}}) AS m
  WHERE NOT EXISTS (
    SELECT 1 FROM read_parquet({{rejected}}) AS r
    WHERE r.source_file = m.source_file AND r.source_row = m.source_row
  )
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1);
