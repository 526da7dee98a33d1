-- Curated grades, status changes, graduations, awards: latest accession wins per natural key, and each
-- row carries its student's entry cohort, so cohort questions need no join and the files partition by it.
COPY (
  SELECT r.*, s.entry_year
  FROM (
    SELECT * FROM read_parquet({{sources}}, union_by_name = true)
    {{latest_wins}}
  ) AS r
  LEFT JOIN (SELECT student_id, entry_year FROM read_parquet({{students}}, hive_partitioning = true)) AS s
    USING (student_id)
) TO {{target}} (FORMAT parquet, PARTITION_BY (entry_year), COMPRESSION zstd);
