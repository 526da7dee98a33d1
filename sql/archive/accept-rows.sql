-- The accepted rows of one table, typed, with their provenance.
COPY (
  SELECT {{typed_columns}},
         {{accession_id}} AS accession_id, {{source_file}} AS source_file, source_row
  FROM read_parquet({{checked}})
  WHERE problems = ''
  ORDER BY source_row
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
