-- The accepted rows of one table, typed, with their provenance. Not sorted: the order of rows in an
-- accession carries no meaning (source_file and source_row say where each came from), and sorting 18M
-- rows would cost as much as checking them.
COPY (
  SELECT {{typed_columns}},
         {{accession_id}} AS accession_id, source_file, source_row
  FROM read_parquet({{checked}})
  WHERE problems = ''
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
