-- The change rates from placed change records (parts/change-records) and headcount cells
-- (parts/headcount-cells): continues a WITH whose CTEs `records` and `headcounts` hold them — from the
-- detail in change-rates.sql, from the status-change-records and status-headcount rollups in
-- change-rates-from-rollup.sql.
placed AS (
  SELECT * FROM records
  WHERE ($cohort_from IS NULL OR entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
    AND ($level IS NULL OR level = $level)
    AND ($change_type IS NULL OR change_type = $change_type)
),
cells AS (
  SELECT
    CASE WHEN $period IN ('year', 'term') THEN academic_year END AS academic_year,
    CASE WHEN $period = 'term' THEN term END AS term,
    CASE WHEN $period = 'month' THEN month END AS month,
    CASE $by WHEN 'change_type' THEN change_type WHEN 'reason' THEN reason WHEN 'college' THEN college
             WHEN 'major' THEN major WHEN 'level' THEN level END AS group_name,
    count(*)::INTEGER AS changes,
    count(DISTINCT student_id)::INTEGER AS students
  FROM placed
  WHERE ($college IS NULL OR college = $college)
    AND ($major IS NULL OR major = $major)
  GROUP BY ALL
),
headcount AS (
  SELECT
    CASE WHEN $period IN ('year', 'term') THEN t.academic_year END AS academic_year,
    CASE WHEN $period = 'term' THEN t.term END AS term,
    CASE $by WHEN 'college' THEN t.college_start WHEN 'major' THEN t.major_start WHEN 'level' THEN t.level END AS group_name,
    sum(t.enrolled)::INTEGER AS enrolled
  FROM headcounts AS t
  WHERE ($period = 'term' OR t.term = 1)
    AND ($cohort_from IS NULL OR t.entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR t.entry_year <= $cohort_to)
    AND ($level IS NULL OR t.level = $level)
    AND ($college IS NULL OR t.college_start = $college)
    AND ($major IS NULL OR t.major_start = $major)
  GROUP BY ALL
)
SELECT
  c.academic_year, c.term, c.month, c.group_name, c.changes, c.students,
  CASE WHEN $period <> 'month' THEN h.enrolled END AS enrolled,
  CASE WHEN $period <> 'month' AND h.enrolled > 0 THEN 1000.0 * c.changes / h.enrolled END AS rate_per_1000
FROM cells AS c
LEFT JOIN headcount AS h
  ON h.academic_year IS NOT DISTINCT FROM c.academic_year
 AND h.term IS NOT DISTINCT FROM c.term
 AND (h.group_name IS NOT DISTINCT FROM c.group_name OR $by NOT IN ('college', 'major', 'level'))
ORDER BY c.academic_year NULLS FIRST, c.term NULLS FIRST, c.month NULLS FIRST, c.changes DESC, c.group_name
