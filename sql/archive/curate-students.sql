-- Curated students: all accessions merged, the latest accession winning per natural key,
-- Hive-partitioned by entry cohort (entry_year=YYYY/). latest_wins: see analytics/archive/curate.ts.
COPY (
  SELECT * FROM read_parquet({{sources}}, union_by_name = true)
  {{latest_wins}}
) TO {{target}} (FORMAT parquet, PARTITION_BY (entry_year), COMPRESSION zstd);
