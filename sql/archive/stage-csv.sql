-- Stage one CSV of a transfer package: every field as received (text), each data row numbered from 1
-- in file order, so a quarantined row can be found again in the sender's file.
-- source, target: trusted paths.
COPY (
  SELECT row_number() OVER () AS source_row, *
  FROM read_csv({{source}}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                strict_mode = true, sample_size = -1)
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
