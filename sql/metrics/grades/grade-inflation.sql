-- Grade inflation: per group ($by: teaching college — the department that gives the grades, the usual
-- unit of grade-inflation studies — or the students' college or major) and academic year, the counted
-- results' (parts/chosen-results) mean score and share of top grades (score ≥ 90, which includes 优 = 95).
-- The linear trend over the yearly means is fitted in analytics/metrics/grades/inflation.ts.
--   within_course_slope: the group's trend with the course mix held fixed (DOMAIN.md: serious studies
--   control for course mix): the pooled within-course least-squares slope of score on academic year,
--   Σ (x − x̄_c)(y − ȳ_c) / Σ (x − x̄_c)², where c is the course (means taken within the group). A raw
--   rise that vanishes here came from teaching more lenient courses, not from grading them more
--   leniently. NULL when no course of the group spans two years.
--   courses_over_years: the courses that span two or more years (those that carry that slope).
WITH r AS (
  SELECT grp, student_id, course_id, academic_year, score
  FROM ({{> metrics/grades/parts/grouped-results}}) AS r
  WHERE grp IS NOT NULL
),
yearly AS (
  SELECT
    grp,
    academic_year,
    count(*)::INTEGER AS n,
    count(DISTINCT student_id)::INTEGER AS students,
    avg(score) AS mean,
    avg(CASE WHEN score >= 90 THEN 1.0 ELSE 0.0 END) AS share_90
  FROM r
  GROUP BY grp, academic_year
),
centred AS (
  SELECT
    grp,
    course_id,
    academic_year - avg(academic_year) OVER (PARTITION BY grp, course_id) AS dx,
    score - avg(score) OVER (PARTITION BY grp, course_id) AS dy
  FROM r
),
within AS (
  SELECT
    grp,
    sum(dx * dy) / nullif(sum(dx * dx), 0) AS within_course_slope,
    count(DISTINCT course_id) FILTER (WHERE dx <> 0)::INTEGER AS courses_over_years
  FROM centred
  GROUP BY grp
)
SELECT y.*, w.within_course_slope, w.courses_over_years
FROM yearly AS y
JOIN within AS w USING (grp)
ORDER BY y.grp, y.academic_year;
