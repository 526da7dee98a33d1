-- The accepted rows of one table, typed, with their provenance: every mapped row (rows: the files'
-- map-source.sql selects, UNION ALL, as in check-staged.sql) that is not among the rejected rows
-- check-staged.sql wrote (rejected; few, so the anti-join's table is small). Mapping again from the
-- staged files is cheaper than writing every checked row once more to read them back (see
-- check-staged.sql). Not sorted: the order of rows in an accession carries no meaning (source_file and
-- source_row say where each came from), and sorting 18M rows would cost as much as checking them.
COPY (
  SELECT {{typed_columns}},
         {{accession_id}} AS accession_id, m.source_file, m.source_row
  FROM ({{rows}}) AS m
  WHERE NOT EXISTS (
    SELECT 1 FROM read_parquet({{rejected}}) AS r
    WHERE r.source_file = m.source_file AND r.source_row = m.source_row
  )
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
