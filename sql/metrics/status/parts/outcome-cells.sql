-- Outcome cells (included by cohort-outcomes.sql; written as the status-outcomes rollup): the counts
-- and flags behind cohort-outcomes per entry cohort × level × college × major now — every figure there
-- is a sum of these counts or an "any" of these flags over the cells a question selects, so a cell
-- table answers every filter and grouping exactly. Definitions: cohort-outcomes.sql.
--   *_open: the window has not ended by the as-of date for some student of the cell (state not_yet);
--   *_undated: a counted student has an undated terminal status that could fall in the window.
SELECT
  entry_year, level, college, major,
  count(*)::INTEGER AS n,
  count(excluded)::INTEGER AS excluded,
  count(*) FILTER (WHERE counted)::INTEGER AS n_adjusted,
  bool_or(status_term_end(entry_year, 2) > $as_of::DATE) AS retention_open,
  bool_or(counted AND undated) AS retention_undated,
  count(*) FILTER (WHERE counted AND category_y1 IN ('enrolled', 'graduated', 'completed'))::INTEGER AS retained_count,
  count(*) FILTER (WHERE counted AND category_y1 = 'on_leave')::INTEGER AS on_leave_y1_count,
  bool_or(end_100 > $as_of::DATE + 1) AS grad_100_open,
  bool_or(end_150 > $as_of::DATE + 1) AS grad_150_open,
  bool_or(end_200 > $as_of::DATE + 1) AS grad_200_open,
  bool_or(counted AND undated AND final_category = 'graduated') AS graduated_undated,
  bool_or(counted AND undated AND final_category IN ('graduated', 'transferred')) AS graduated_or_transferred_undated,
  count(*) FILTER (WHERE counted AND final_category = 'graduated' AND outcome_date < end_100)::INTEGER AS grad_100_count,
  count(*) FILTER (WHERE counted AND final_category = 'graduated' AND outcome_date < end_150)::INTEGER AS grad_150_count,
  count(*) FILTER (WHERE counted AND final_category = 'graduated' AND outcome_date < end_200)::INTEGER AS grad_200_count,
  count(*) FILTER (WHERE counted AND final_category = 'transferred' AND outcome_date < end_150)::INTEGER AS transferred_150_count,
  count(*) FILTER (WHERE final_category = 'enrolled')::INTEGER AS enrolled,
  count(*) FILTER (WHERE final_category = 'on_leave')::INTEGER AS on_leave,
  count(*) FILTER (WHERE final_category = 'graduated')::INTEGER AS graduated,
  count(*) FILTER (WHERE final_category = 'completed')::INTEGER AS completed,
  count(*) FILTER (WHERE final_category = 'withdrawn')::INTEGER AS withdrawn,
  count(*) FILTER (WHERE final_category = 'transferred')::INTEGER AS transferred,
  count(*) FILTER (WHERE final_category = 'deceased')::INTEGER AS deceased,
  count(*) FILTER (WHERE final_category = 'graduated' AND degree_awarded)::INTEGER AS degrees
FROM (
  SELECT *,
    excluded IS NULL AS counted,
    status_window_end(entry_year, duration_years, 1.0) AS end_100,
    status_window_end(entry_year, duration_years, 1.5) AS end_150,
    status_window_end(entry_year, duration_years, 2.0) AS end_200
  FROM status_students($as_of::DATE)
) AS o
GROUP BY entry_year, level, college, major
