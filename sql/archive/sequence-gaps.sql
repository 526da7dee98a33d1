-- Gaps in a sequence the sender declared in manifest.json (e.g. change_id YD00000001, YD00000002, …):
-- the numbers at the end of the values, and the runs missing between the first and the last (integrity:
-- "no gaps in sequences"). column is a canonical column checked against sql/schema by the caller;
-- rows: every row received for the table, accepted or not (its map-source.sql selects, UNION ALL).
WITH numbers AS (
  SELECT DISTINCT TRY_CAST(regexp_extract({{column}}, '([0-9]+)$', 1) AS BIGINT) AS n
  FROM ({{rows}})
  WHERE {{column}} IS NOT NULL
),
gaps AS (
  SELECT prev + 1 AS gap_from, n - 1 AS gap_to
  FROM (SELECT n, lag(n) OVER (ORDER BY n) AS prev FROM numbers WHERE n IS NOT NULL)
  WHERE n - prev > 1
)
SELECT (SELECT count(n) FROM numbers)::BIGINT AS present,
       (SELECT min(n) FROM numbers)::BIGINT AS first,
       (SELECT max(n) FROM numbers)::BIGINT AS last,
       coalesce((SELECT sum(gap_to - gap_from + 1) FROM gaps), 0)::BIGINT AS missing,
       coalesce((SELECT list(CAST(gap_from AS VARCHAR) || CASE WHEN gap_to > gap_from THEN '–' || gap_to ELSE '' END ORDER BY gap_from)[1:10] FROM gaps), []) AS examples;
