-- Status changes (学籍异动) per period × group: the change records, the students behind them, and the
-- rate per 1,000 enrolled.
--   period ($period): 'year' = academic year of the effective date (1 Sep – 31 Aug); 'term' = academic
--     year and term (term 1: Sep – Jan, term 2: Feb – Aug); 'month' = calendar month, pooled over all
--     years (seasonality; no denominator); 'all' = the whole span.
--   group ($by): change_type; reason ('(未填)' when blank); college / major where the student was when
--     the change took effect (from_college / from_major, else the student's current one); level; or
--     'none' (one group, NULL).
--   enrolled, the denominator: students on the register (在读, 休学 or 保留学籍) at the start of the
--     period (the start of its term 1 for a year), of the same college / major / level when the group
--     is one of those, else of everyone matching the filters. For 'all' it is the sum over academic
--     years: student-years. A student counts once per period however many changes they had.
--   rate_per_1000 = changes / enrolled × 1000 (changes, not students: two suspensions are two events).
--   Filters: cohort range and level on the student; college and major on where the change happened
--   (and on the denominator's college / major at the period's start); change_type on the records.
WITH placed AS (
  SELECT c.student_id, c.change_type,
         coalesce(nullif(trim(c.reason), ''), '(未填)') AS reason,
         s.level,
         coalesce(c.from_college, s.college) AS college,
         coalesce(c.from_major, s.major) AS major,
         status_academic_year(c.effective_date) AS academic_year,
         status_term_of_year(c.effective_date)::INTEGER AS term,
         month(c.effective_date)::INTEGER AS month
  FROM status_changes AS c
  JOIN students AS s USING (student_id)
  WHERE ($cohort_from IS NULL OR s.entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR s.entry_year <= $cohort_to)
    AND ($level IS NULL OR s.level = $level)
    AND ($change_type IS NULL OR c.change_type = $change_type)
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
    count(*)::INTEGER AS enrolled
  FROM status_terms($as_of::DATE) AS t
  WHERE status_category(t.status_start) IN ('enrolled', 'on_leave')
    AND ($period = 'term' OR t.term = 1)
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
ORDER BY c.academic_year NULLS FIRST, c.term NULLS FIRST, c.month NULLS FIRST, c.changes DESC, c.group_name;
