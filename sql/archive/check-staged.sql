-- Map and check every row of one table (from all the package's files for it, see map-source.sql)
-- against every rule: the row fits the header, required fields and types (from sql/schema), the value
-- rules of sql/archive/rules/<table>.sql, the student it names is known, and its natural key is unique
-- in the package. Duplicates are found by grouping the keys and joining back the few that repeat
-- (key_count; NULL key parts count as equal, as in a GROUP BY), which is cheaper and needs less memory
-- than a window over every row. Each rule is an expression (built by analytics/ingest/rules.ts)
-- yielding a reason or NULL. any_problem (the first reason) is computed for every row; the full list
-- only for rows that break some rule, since building a list for every row of a large file costs more
-- than all the checks. problem_list keeps the reasons by position (for counting per rule); problems
-- joins them. A row with problems = '' is accepted; any other row goes to quarantine with its reasons.
-- rows: the files' map-source.sql selects, UNION ALL; key: the natural key's columns; key_join: the
-- key's columns matched with IS NOT DISTINCT FROM; reference_join: a LEFT JOIN to the known students
-- (known-students.sql), or nothing.
COPY (
  WITH mapped AS ({{rows}}),
  duplicates AS (
    SELECT {{key}}, count(*) AS key_count FROM mapped GROUP BY ALL HAVING count(*) > 1
  )
  SELECT * EXCLUDE (known_student, key_count, any_problem),
         CASE WHEN any_problem IS NULL THEN CAST([] AS VARCHAR[]) ELSE {{problems}} END AS problem_list,
         CASE WHEN any_problem IS NULL THEN '' ELSE array_to_string(list_filter({{problems}}, p -> p IS NOT NULL), '; ') END AS problems
  FROM (
    SELECT *, coalesce({{problem_args}}) AS any_problem
    FROM (
      SELECT m.*, {{known_student}} AS known_student, coalesce(d.key_count, 1) AS key_count
      FROM mapped AS m
      LEFT JOIN duplicates AS d ON {{key_join}}
      {{reference_join}}
    )
  )
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
