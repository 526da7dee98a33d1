-- Course DFW rollup, last: the grouping sets to the version's rollup file, sorted by part, grain, kept,
-- college and major so that DuckDB skips the row groups a lookup cannot match.
COPY (
  SELECT * FROM course_dfw_build
  ORDER BY part, grain, kept, college, major, level, entry_year, teaching_dept, course_nature, course_id, academic_year
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8192);
DROP TABLE course_dfw_build;
DROP TABLE IF EXISTS course_dfw_attempts;
