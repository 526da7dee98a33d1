-- Course DFW rollup, last: the grouping sets to the version's rollup file, sorted by part, grain, kept,
-- college and major so that DuckDB skips the row groups a lookup cannot match.
-- DuckDB's default row groups: with small ones (8,192 rows) a lookup cost more, not less (at 300,000
-- students: student progress 70–80 → 34–45 ms, teaching colleges 33–38 → 17–21 ms, over HTTP).
COPY (
  SELECT * FROM course_dfw_build
  ORDER BY part, grain, kept, college, major, level, entry_year, teaching_dept, course_nature, course_id, academic_year
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
DROP TABLE course_dfw_build;
DROP TABLE IF EXISTS course_dfw_attempts;
