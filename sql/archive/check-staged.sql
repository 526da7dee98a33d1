-- Check every staged row against the canonical table: required fields, types, and duplicate natural
-- keys within the package. problems lists one CASE expression per rule, built from sql/schema.
-- A row with problems = '' is accepted; any other row goes to quarantine with its reasons.
COPY (
  SELECT *,
         concat_ws('; ', {{problems}},
                   CASE WHEN count(*) OVER (PARTITION BY {{key}}) > 1
                        THEN 'duplicate natural key (' || {{key_text}} || ') in this package' END) AS problems
  FROM read_parquet({{staged}})
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
