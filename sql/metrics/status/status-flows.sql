-- Flows from entry to outcome, for a Sankey: the links between each student's consecutive stages,
-- counted. Stages: 0 = entry (入学, category 'entry'); y = the end of study year y (31 August of the
-- cohort's y-th academic year), y = 1 … 学制, while the as-of date has reached it; 99 = now (现状).
--   category at a stage: the status category (enrolled, on_leave, withdrawn, transferred, graduated,
--   completed, deceased) at the end of that year; a student whose outcome (withdrawal, transfer,
--   completion) fell in or before that year has that outcome's category.
--   A student's path stops at the first terminal stage (a withdrawal in year 1 is a link from entry to
--   "year 1: withdrawn" and nothing after). A student still on the register at the last stage reached
--   takes one more link to "now" with the status now — for a recent cohort that is "still enrolled".
--   Undated outcomes (a terminal status in the register with no dated record) are not placed in time:
--   such a student flows as enrolled until the last stage reached and then to "now" with the outcome.
--   Filters on the student: cohort range, level, college and major now.
WITH o AS (
  SELECT student_id, entry_year, duration_years, final_category, outcome_date, undated, as_of_term
  FROM status_students($as_of::DATE)
  WHERE make_date(CAST(entry_year AS BIGINT), 9, 1) <= $as_of::DATE
    AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
    AND ($level IS NULL OR level = $level)
    AND ($college IS NULL OR college = $college)
    AND ($major IS NULL OR major = $major)
),
years AS (
  SELECT student_id, entry_year, final_category, outcome_date,
         unnest(range(1, least(duration_years, as_of_term // 2) + 1))::INTEGER AS stage
  FROM o
),
year_status AS (
  SELECT y.student_id, y.stage,
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
path AS (
  SELECT student_id, 0 AS stage, 'entry' AS category FROM o
  UNION ALL
  SELECT ys.student_id, ys.stage, ys.category
  FROM year_status AS ys LEFT JOIN first_terminal AS ft USING (student_id)
  WHERE ft.stage IS NULL OR ys.stage <= ft.stage
  UNION ALL
  SELECT o.student_id, 99, o.final_category
  FROM o LEFT JOIN first_terminal AS ft USING (student_id)
  WHERE ft.stage IS NULL
),
links AS (
  SELECT stage AS source_stage, category AS source_category,
         lead(stage) OVER w AS target_stage, lead(category) OVER w AS target_category
  FROM path
  WINDOW w AS (PARTITION BY student_id ORDER BY stage)
)
SELECT source_stage::INTEGER AS source_stage, source_category, target_stage::INTEGER AS target_stage, target_category,
       count(*)::INTEGER AS students
FROM links
WHERE target_stage IS NOT NULL
GROUP BY ALL
ORDER BY source_stage, source_category, target_stage, target_category;
