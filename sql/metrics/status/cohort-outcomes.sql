-- Outcomes per entry cohort (× college, major or level when $by asks): first-year retention,
-- graduation within 100 %, 150 % and 200 % of normal time, transfer-outs, degrees, and the status now —
-- with the counts behind every rate (IPEDS-style definitions; README.md, "Outcomes").
--   n: students who entered. excluded: deceased, or on 保留学籍 for military service at the as-of date
--   (the IPEDS exclusions), counted apart and taken out of every rate's denominator:
--   n_adjusted = n − excluded.
--   Clock not stopped: time on 休学 or 保留学籍 counts toward every window (the student's 100 % window
--   ends 学制 years after entry whatever leave they took).
--   retained: at the end of the first year (31 August after entry) in school (在读), or already
--   graduated / completed; on leave, withdrawn and transferred are not retained. retention_rate =
--   retained / n_adjusted.
--   grad_100 / grad_150 / grad_200: 毕业 (not 结业) before the window's end: entry (1 September) plus
--   学制 × 12 × f months, f = 1, 1.5, 2 (4 years → 4, 6, 8). Rate = count / n_adjusted.
--   transferred_150: transferred out (转学) before the 150 % window's end — reported separately, neither
--   completers nor removed from the denominator.
--   *_state: 'measured'; 'not_yet' when the window has not ended for every student of the cell by the
--   as-of date (a window ends on the day before its end date); 'undated' when a student of the cell
--   has a terminal status in the register without a dated record that would place it in the window.
--   A count and rate whose state is not 'measured' are NULL — never 0.
--   Status now (these add up to n): enrolled, on_leave, graduated, completed (结业), withdrawn (退学
--   and 肄业), transferred, deceased. degrees: graduates awarded a degree; degree_rate = degrees /
--   graduated.
--   Filters on the student: cohort range, level, college and major now (after any 转专业).
WITH o AS (
  SELECT *,
    excluded IS NULL AS counted,
    status_window_end(entry_year, duration_years, 1.0) AS end_100,
    status_window_end(entry_year, duration_years, 1.5) AS end_150,
    status_window_end(entry_year, duration_years, 2.0) AS end_200
  FROM status_students($as_of::DATE)
  WHERE ($cohort_from IS NULL OR entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
    AND ($level IS NULL OR level = $level)
    AND ($college IS NULL OR college = $college)
    AND ($major IS NULL OR major = $major)
),
cells AS (
  SELECT
    entry_year,
    CASE $by WHEN 'college' THEN college WHEN 'major' THEN major WHEN 'level' THEN level END AS group_name,
    count(*)::INTEGER AS n,
    count(excluded)::INTEGER AS excluded,
    count(*) FILTER (WHERE counted)::INTEGER AS n_adjusted,
    -- first-year retention
    CASE WHEN bool_or(status_term_end(entry_year, 2) > $as_of::DATE) THEN 'not_yet'
         WHEN bool_or(counted AND undated) THEN 'undated' ELSE 'measured' END AS retention_state,
    count(*) FILTER (WHERE counted AND category_y1 IN ('enrolled', 'graduated', 'completed'))::INTEGER AS retained_count,
    count(*) FILTER (WHERE counted AND category_y1 = 'on_leave')::INTEGER AS on_leave_y1_count,
    -- graduation windows
    CASE WHEN bool_or(end_100 > $as_of::DATE + 1) THEN 'not_yet'
         WHEN bool_or(counted AND undated AND final_category = 'graduated') THEN 'undated' ELSE 'measured' END AS grad_100_state,
    CASE WHEN bool_or(end_150 > $as_of::DATE + 1) THEN 'not_yet'
         WHEN bool_or(counted AND undated AND final_category IN ('graduated', 'transferred')) THEN 'undated' ELSE 'measured' END AS grad_150_state,
    CASE WHEN bool_or(end_200 > $as_of::DATE + 1) THEN 'not_yet'
         WHEN bool_or(counted AND undated AND final_category = 'graduated') THEN 'undated' ELSE 'measured' END AS grad_200_state,
    count(*) FILTER (WHERE counted AND final_category = 'graduated' AND outcome_date < end_100)::INTEGER AS grad_100_count,
    count(*) FILTER (WHERE counted AND final_category = 'graduated' AND outcome_date < end_150)::INTEGER AS grad_150_count,
    count(*) FILTER (WHERE counted AND final_category = 'graduated' AND outcome_date < end_200)::INTEGER AS grad_200_count,
    count(*) FILTER (WHERE counted AND final_category = 'transferred' AND outcome_date < end_150)::INTEGER AS transferred_150_count,
    -- status now
    count(*) FILTER (WHERE final_category = 'enrolled')::INTEGER AS enrolled,
    count(*) FILTER (WHERE final_category = 'on_leave')::INTEGER AS on_leave,
    count(*) FILTER (WHERE final_category = 'graduated')::INTEGER AS graduated,
    count(*) FILTER (WHERE final_category = 'completed')::INTEGER AS completed,
    count(*) FILTER (WHERE final_category = 'withdrawn')::INTEGER AS withdrawn,
    count(*) FILTER (WHERE final_category = 'transferred')::INTEGER AS transferred,
    count(*) FILTER (WHERE final_category = 'deceased')::INTEGER AS deceased,
    count(*) FILTER (WHERE final_category = 'graduated' AND degree_awarded)::INTEGER AS degrees
  FROM o
  GROUP BY ALL
)
SELECT
  entry_year, group_name, n, excluded, n_adjusted,
  retention_state,
  CASE WHEN retention_state = 'measured' THEN retained_count END AS retained,
  CASE WHEN retention_state = 'measured' AND n_adjusted > 0 THEN retained_count / n_adjusted END AS retention_rate,
  CASE WHEN retention_state = 'measured' THEN on_leave_y1_count END AS on_leave_y1,
  grad_100_state,
  CASE WHEN grad_100_state = 'measured' THEN grad_100_count END AS grad_100,
  CASE WHEN grad_100_state = 'measured' AND n_adjusted > 0 THEN grad_100_count / n_adjusted END AS grad_100_rate,
  grad_150_state,
  CASE WHEN grad_150_state = 'measured' THEN grad_150_count END AS grad_150,
  CASE WHEN grad_150_state = 'measured' AND n_adjusted > 0 THEN grad_150_count / n_adjusted END AS grad_150_rate,
  CASE WHEN grad_150_state = 'measured' THEN transferred_150_count END AS transferred_150,
  CASE WHEN grad_150_state = 'measured' AND n_adjusted > 0 THEN transferred_150_count / n_adjusted END AS transferred_150_rate,
  grad_200_state,
  CASE WHEN grad_200_state = 'measured' THEN grad_200_count END AS grad_200,
  CASE WHEN grad_200_state = 'measured' AND n_adjusted > 0 THEN grad_200_count / n_adjusted END AS grad_200_rate,
  enrolled, on_leave, graduated, completed, withdrawn, transferred, deceased,
  degrees,
  CASE WHEN graduated > 0 THEN degrees / graduated END AS degree_rate
FROM cells
ORDER BY entry_year, group_name;
