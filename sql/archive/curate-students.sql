-- Curated students: all accessions merged, the latest accession winning per natural key,
-- Hive-partitioned by entry cohort (entry_year=YYYY/).
COPY (
  SELECT * FROM read_parquet({{sources}}, union_by_name = true)
  QUALIFY row_number() OVER (PARTITION BY {{key}} ORDER BY accession_id DESC, source_row DESC) = 1
) TO {{target}} (FORMAT parquet, PARTITION_BY (entry_year), COMPRESSION zstd);
