-- The outcomes answer from outcome cells (parts/outcome-cells): continues a WITH whose CTE `cells`
-- holds them — from the detail in cohort-outcomes.sql, from the status-outcomes rollup in
-- cohort-outcomes-from-rollup.sql. Filters select cells; counts add up, flags are "any".
picked AS (
  {{> metrics/status/parts/picked-cells}}
),
grouped AS (
  SELECT
    entry_year,
    CASE $by WHEN 'college' THEN college WHEN 'major' THEN major WHEN 'level' THEN level END AS group_name,
    sum(n)::INTEGER AS n,
    sum(excluded)::INTEGER AS excluded,
    sum(n_adjusted)::INTEGER AS n_adjusted,
    CASE WHEN bool_or(retention_open) THEN 'not_yet' WHEN bool_or(retention_undated) THEN 'undated' ELSE 'measured' END AS retention_state,
    sum(retained_count)::INTEGER AS retained_count,
    sum(on_leave_y1_count)::INTEGER AS on_leave_y1_count,
    CASE WHEN bool_or(grad_100_open) THEN 'not_yet' WHEN bool_or(graduated_undated) THEN 'undated' ELSE 'measured' END AS grad_100_state,
    CASE WHEN bool_or(grad_150_open) THEN 'not_yet' WHEN bool_or(graduated_or_transferred_undated) THEN 'undated' ELSE 'measured' END AS grad_150_state,
    CASE WHEN bool_or(grad_200_open) THEN 'not_yet' WHEN bool_or(graduated_undated) THEN 'undated' ELSE 'measured' END AS grad_200_state,
    sum(grad_100_count)::INTEGER AS grad_100_count,
    sum(grad_150_count)::INTEGER AS grad_150_count,
    sum(grad_200_count)::INTEGER AS grad_200_count,
    sum(transferred_150_count)::INTEGER AS transferred_150_count,
    sum(enrolled)::INTEGER AS enrolled,
    sum(on_leave)::INTEGER AS on_leave,
    sum(graduated)::INTEGER AS graduated,
    sum(completed)::INTEGER AS completed,
    sum(withdrawn)::INTEGER AS withdrawn,
    sum(transferred)::INTEGER AS transferred,
    sum(deceased)::INTEGER AS deceased,
    sum(degrees)::INTEGER AS degrees
  FROM picked
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
FROM grouped
ORDER BY entry_year, group_name
