-- Course difficulty year by year from the course DFW rollup (sql/rollups/course-dfw-years): the same
-- answer as course-dfw-by-year.sql — per course × academic year the first-attempt results, distinct
-- students and DFW — summed over the rollup's cells. Every filter is served (parts/course-dfw-year-cells
-- picks the cells). First attempts do not depend on the attempt rule.
SELECT
  course_id,
  academic_year,
  sum(n)::INTEGER AS n,
  sum(students)::INTEGER AS students,
  sum(dfw)::INTEGER AS dfw
FROM course_dfw
WHERE {{> metrics/grades/parts/course-dfw-year-cells}}
GROUP BY course_id, academic_year
ORDER BY course_id, academic_year;
