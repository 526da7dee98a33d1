-- Course natures rollup: the course natures (课程性质) present in the grades with how many grade rows
-- carry each — meta/course-natures.sql's answer, whole, so the filter options need not scan every grade
-- row (≈ 0.1–0.4 s at 300,000 students). Every row counts, whatever the attempt rule: built once
-- (perAttempt false).
COPY (
  SELECT course_nature, count(*)::INTEGER AS results
  FROM grades
  WHERE course_nature IS NOT NULL
  GROUP BY course_nature
) TO {{target}} (FORMAT parquet, COMPRESSION zstd)
