-- Flow cells (included by status-flows.sql; written as the status-flows rollup): per entry cohort ×
-- level × college × major now × link (source stage and category → target stage and category), the
-- students who took that link (definitions: status-flows.sql). A student takes each link of their path
-- once, so the counts add up over any selection of cells.
WITH o AS (
  SELECT student_id, entry_year, level, college, major, duration_years, final_category, outcome_date, undated, as_of_term
  FROM status_students($as_of::DATE)
  WHERE make_date(CAST(entry_year AS BIGINT), 9, 1) <= $as_of::DATE
),
years AS (
  SELECT student_id, entry_year, level, college, major, final_category, outcome_date,
         unnest(range(1, least(duration_years, as_of_term // 2) + 1))::INTEGER AS stage
  FROM o
),
year_status AS (
  SELECT y.student_id, y.entry_year, y.level, y.college, y.major, y.stage,
         CASE WHEN y.outcome_date IS NOT NULL AND y.outcome_date <= status_term_end(y.entry_year, 2 * y.stage)
              THEN y.final_category
              ELSE status_category(coalesce(t.status_end, '在读')) END AS category
  FROM years AS y
  LEFT JOIN status_terms($as_of::DATE) AS t
    ON t.student_id = y.student_id AND t.term_index = 2 * y.stage
),
first_terminal AS (
  SELECT student_id, min(stage) AS stage FROM year_status WHERE status_is_terminal(category) GROUP BY student_id
),
-- Each stage row carries its student's cell (cohort, level, college, major), so links need no join back.
path AS (
  SELECT student_id, entry_year, level, college, major, 0 AS stage, 'entry' AS category FROM o
  UNION ALL
  SELECT ys.student_id, ys.entry_year, ys.level, ys.college, ys.major, ys.stage, ys.category
  FROM year_status AS ys LEFT JOIN first_terminal AS ft USING (student_id)
  WHERE ft.stage IS NULL OR ys.stage <= ft.stage
  UNION ALL
  SELECT o.student_id, o.entry_year, o.level, o.college, o.major, 99, o.final_category
  FROM o LEFT JOIN first_terminal AS ft USING (student_id)
  WHERE ft.stage IS NULL
),
links AS (
  SELECT entry_year, level, college, major, stage AS source_stage, category AS source_category,
         lead(stage) OVER w AS target_stage, lead(category) OVER w AS target_category
  FROM path
  WINDOW w AS (PARTITION BY student_id ORDER BY stage)
)
SELECT entry_year, level, college, major,
       source_stage::INTEGER AS source_stage, source_category, target_stage::INTEGER AS target_stage, target_category,
       count(*)::INTEGER AS students
FROM links
WHERE target_stage IS NOT NULL
GROUP BY ALL
