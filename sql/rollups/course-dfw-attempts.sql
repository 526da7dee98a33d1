-- Course DFW rollup, per entry cohort ($cohort_from = $cohort_to; every cell of the rollup lies within
-- one cohort, so the cohorts are built one at a time and memory stays bounded): the cohort's first
-- attempts (metrics/grades/parts/first-attempts: the 正常 sitting with a result or a withdrawal,
-- whatever the attempt rule) with the columns the DFW metrics group and filter by, in a
-- connection-local table each grouping set reads.
--   repeated: the student has more than one first attempt at the course. Every cell of the rollup is
--   within one course, so a student without a repeat is one row of the cell and the cell's distinct
--   students are its rows without a repeat plus the distinct students among the few with one — no
--   distinct-count hash over every result.
CREATE OR REPLACE TEMP TABLE course_dfw_attempts AS
WITH attempts AS (
  SELECT
    course_id, course_name, course_nature, teaching_dept, academic_year, term,
    entry_year, level, college, major, student_id, dfw
  FROM ({{> metrics/grades/parts/first-attempts}}) AS f
),
repeats AS (
  SELECT student_id, course_id, true AS repeated
  FROM attempts
  GROUP BY student_id, course_id
  HAVING count(*) > 1
)
SELECT a.*, coalesce(r.repeated, false) AS repeated
FROM attempts AS a
LEFT JOIN repeats AS r USING (student_id, course_id)
