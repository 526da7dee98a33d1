-- Curated utilization requests: latest accession wins per request; partitioned by the year requested,
-- since a request belongs to the archive's calendar, not to a cohort.
COPY (
  SELECT *, year(requested_at)::INTEGER AS request_year
  FROM read_parquet({{sources}}, union_by_name = true)
  {{latest_wins}}
) TO {{target}} (FORMAT parquet, PARTITION_BY (request_year), COMPRESSION zstd);
