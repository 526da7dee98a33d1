-- Score students rollup: a grouping set summed from a finer one over level × college × major (distinct
-- students add up over them) — the cohort-only rows by teaching college, for fast lookups.
INSERT INTO score_students_build
SELECT
  entry_year, academic_year, NULL, NULL, NULL, course_nature, teaching_dept,
  {{kept}} AS kept, bin_width, bin_lower, sum(students)::INTEGER AS students
FROM score_students_build
WHERE kept = {{from}}
GROUP BY ALL;
