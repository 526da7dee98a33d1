-- The rejected rows of one table, exactly as received, with where they came from and every rule they broke.
COPY (
  SELECT {{source_file}} AS source_file, source_row, problems, * EXCLUDE (source_row, problems)
  FROM read_parquet({{checked}})
  WHERE problems <> ''
  ORDER BY source_row
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
