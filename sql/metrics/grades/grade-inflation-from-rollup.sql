-- Grade inflation from the course year scores and score students rollups: the same answer as
-- grade-inflation.sql (same definitions, columns and order), from pre-aggregates instead of every
-- result. The route uses it under the rolled-up attempt rule whenever the version has the rollups;
-- every filter and grouping is served.
--   course_year_scores (rollups/course-year-scores-set): results, Σ score, scores ≥ 90 per entry cohort
--   × course × academic year, per level × college × major (kept 28) when a filter or the group needs
--   them, else for all students (kept 0). The cohort range only selects rows.
--   n, mean, share_90 per group and year: Σ results; Σ score / n; scores ≥ 90 / n.
--   within_course_slope: the same pooled within-course slope from each course-year's n and Σ score y:
--   with N, x̄ = Σ n·x / N, ȳ = Σ y / N per (group, course), Σ (x − x̄)(y − ȳ) over results is
--   Σ_years (x − x̄)(Σy − n·ȳ) and Σ (x − x̄)² is Σ_years n (x − x̄)² (equal up to floating-point
--   rounding; NULL exactly when no course spans two years, as a single year's x̄ is that year).
--   courses_over_years: courses of the group with results in two or more years (a result with x ≠ x̄).
--   students: score_students (rollups/score-students-set), distinct students per entry cohort × level ×
--   college × major × academic year (× course nature, × teaching college when grouped by it: kept 60
--   + 2 + 1), added up over the student groups.
WITH r AS (
  SELECT grp, course_id, academic_year, sum(n) AS n, sum(score_sum) AS score_sum, sum(top) AS top
  FROM (
    SELECT {{> metrics/grades/parts/rollup-group}} AS grp, course_id, academic_year, n, score_sum, top
    FROM course_year_scores
    WHERE kept = CASE WHEN $level IS NOT NULL OR $college IS NOT NULL OR $major IS NOT NULL OR $by IN ('college', 'major') THEN 28 ELSE 0 END
      AND ({{> metrics/grades/parts/rollup-filters}})
  ) AS c
  WHERE grp IS NOT NULL
  GROUP BY grp, course_id, academic_year
),
students AS (
  SELECT grp, academic_year, sum(students)::INTEGER AS students
  FROM (
    SELECT {{> metrics/grades/parts/rollup-group}} AS grp, academic_year, students
    FROM score_students
    WHERE kept = 60 + (CASE WHEN $course_nature IS NOT NULL THEN 2 ELSE 0 END) + (CASE WHEN $by = 'teaching_dept' THEN 1 ELSE 0 END)
      AND ({{> metrics/grades/parts/rollup-filters}})
  ) AS s
  WHERE grp IS NOT NULL
  GROUP BY grp, academic_year
),
yearly AS (
  SELECT
    grp,
    academic_year,
    sum(n)::INTEGER AS n,
    students,
    sum(score_sum) / sum(n) AS mean,
    sum(top) / sum(n) AS share_90
  FROM r
  JOIN students USING (grp, academic_year)
  GROUP BY grp, academic_year, students
),
courses AS (
  SELECT
    *,
    sum(n * academic_year) OVER c / sum(n) OVER c AS x_bar,
    sum(score_sum) OVER c / sum(n) OVER c AS y_bar
  FROM r
  WINDOW c AS (PARTITION BY grp, course_id)
),
within AS (
  SELECT
    grp,
    sum((academic_year - x_bar) * (score_sum - n * y_bar)) / nullif(sum(n * (academic_year - x_bar) * (academic_year - x_bar)), 0) AS within_course_slope,
    count(DISTINCT course_id) FILTER (WHERE academic_year <> x_bar)::INTEGER AS courses_over_years
  FROM courses
  GROUP BY grp
)
SELECT y.*, w.within_course_slope, w.courses_over_years
FROM yearly AS y
JOIN within AS w USING (grp)
ORDER BY y.grp, y.academic_year;
