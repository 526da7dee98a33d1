-- Student progress rollup, once per entry cohort ($cohort_from = $cohort_to; a student's standing lies
-- within their cohort, so cohorts are built one at a time and memory stays bounded) and course nature
-- ($course_nature, NULL = all natures): each student's cumulative GPA and failed credits at the end of
-- each term they are present in — metrics/grades/parts/progress-standing itself, under the rolled-up
-- attempt rule ($attempt) — with the student's level, college and major, in a connection-local table
-- that rollups/student-progress-set counts.
CREATE OR REPLACE TEMP TABLE student_progress_standing AS
SELECT
  (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)::TINYINT AS kept,
  $course_nature::VARCHAR AS course_nature,
  p.entry_year,
  p.term_index,
  s.level,
  s.college,
  s.major,
  p.gpa,
  p.failed
FROM ({{> metrics/grades/parts/progress-standing}}) AS p
JOIN students AS s USING (student_id)
