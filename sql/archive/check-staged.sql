-- Map and check every row of one table (from all the package's files for it, see map-source.sql)
-- against every rule: the row fits the header, required fields and types (from sql/schema), the value
-- rules of sql/archive/rules/<table>.sql, the student it names is known, and its natural key is unique
-- in the package; and write the rows that break some rule, with their reasons (the rejected rows).
-- Duplicates are found by grouping the keys and joining back the few that repeat (key_count; NULL key
-- parts count as equal, as in a GROUP BY), which is cheaper and needs less memory than a window over
-- every row. The keys are first grouped by their 64-bit hash (repeated_hashes), and only the rows
-- whose hash repeats are grouped by the keys themselves: equal keys have equal hashes (NULLs too), so
-- no duplicate is missed, and a hash collision only adds a candidate that the exact grouping then
-- drops. Grouping 18M hashes fits in memory where grouping 18M five-part text keys spills to disk:
-- measured on the 300k-student package (18.3M grade rows) the check took 18 s, and 11–12 s this way.
-- Each rule is an expression (built by analytics/ingest/rules.ts) yielding a reason or NULL. The rules
-- read a row's typed values from one struct, typed (typed_values, analytics/archive/checks.ts), cast
-- once per row. The first reason among the rules that read the row alone (row_problem) is taken below
-- the joins, and only those that read the joins (the student known, the key unique) above them:
-- DuckDB pushes the filter on any_problem down to the joins and evaluates a pushed-down filter as one
-- expression, where each cast written in a rule ran once per rule and bound and the rules cost more
-- than in a projection. Measured on the 300k-student package (18.3M grade rows, staged): the check
-- 5.1–5.3 s with every rule in the filter, 4.6–4.8 with typed, and 0.6–1.3 s less again with
-- row_problem (alternating runs).
-- any_problem (a reason, or NULL for a row that breaks no rule) is computed for every row; the full
-- list only for rows that break some rule, since building a list for every row of a large file costs
-- more than all the checks.
-- problem_list keeps the reasons by position (for counting per rule); problems joins them.
-- Only the rejected rows are written (any_problem IS NOT NULL): the accepted ones are every other row,
-- which accept-rows.sql maps again from the staged files. Writing all rows here and reading them back
-- to split them cost a full Parquet write of ~20 text columns more: measured on 3.67M grade rows
-- (60k students) the check took 7.6 CPU-seconds writing every row and 4.0 writing the rejected ones,
-- and accepting from the staged files costs the same as from a checked file (4.0–4.2 CPU-seconds).
-- rows: the files' map-source.sql selects, UNION ALL; typed_values: the struct of a row's typed
-- values; row_problem_args, joined_problem_args: the two parts of the rules; key: the natural key's
-- columns; key_join: the key's columns matched with IS NOT DISTINCT FROM; reference_join: a LEFT JOIN
-- to the known students (known-students.sql), or nothing.
-- mapped is NOT MATERIALIZED: DuckDB would otherwise materialize a CTE used twice, holding every row
-- in memory and running the check nearly single-threaded; reading the staged Parquet again (the
-- duplicate passes read only the key columns) is cheaper. Measured on the same 3.67M rows: the check
-- went from 14 s to 4–7 s wall (a loaded machine), 14 to 8 CPU-seconds, peak RSS of the receipt
-- from 1.3–1.5 GiB to 0.9 GiB.
COPY (
  WITH mapped AS NOT MATERIALIZED ({{rows}}),
  repeated_hashes AS (
    SELECT hash({{key}}) AS key_hash FROM mapped GROUP BY ALL HAVING count(*) > 1
  ),
  duplicates AS (
    SELECT {{key}}, count(*) AS key_count
    FROM mapped
    WHERE hash({{key}}) IN (SELECT key_hash FROM repeated_hashes)
    GROUP BY ALL HAVING count(*) > 1
  )
  SELECT * EXCLUDE (known_student, key_count, any_problem, typed, row_problem),
         CASE WHEN any_problem IS NULL THEN CAST([] AS VARCHAR[]) ELSE {{problems}} END AS problem_list,
         CASE WHEN any_problem IS NULL THEN '' ELSE array_to_string(list_filter({{problems}}, p -> p IS NOT NULL), '; ') END AS problems
  FROM (
    SELECT *, coalesce(row_problem, {{joined_problem_args}}) AS any_problem
    FROM (
      SELECT m.*, {{known_student}} AS known_student, coalesce(d.key_count, 1) AS key_count
      FROM (
        SELECT *, coalesce({{row_problem_args}}) AS row_problem
        FROM (SELECT *, {{typed_values}} AS typed FROM mapped)
      ) AS m
      LEFT JOIN duplicates AS d ON {{key_join}}
      {{reference_join}}
    )
  )
  WHERE any_problem IS NOT NULL
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
