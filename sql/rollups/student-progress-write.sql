-- Student progress rollup, last: one attempt rule's sets to the version's rollup file, sorted by grain,
-- kept, college and major so that DuckDB skips the row groups a lookup cannot match.
COPY (
  SELECT * FROM student_progress_build
  ORDER BY grain, kept, college, major, level, course_nature, kind, entry_year, term_index, gpa_bin, failed
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8192);
DROP TABLE student_progress_build;
