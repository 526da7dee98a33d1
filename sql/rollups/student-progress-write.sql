-- Student progress rollup, last: one attempt rule's sets to the version's rollup file, sorted by grain,
-- kept, college and major so that DuckDB skips the row groups a lookup cannot match.
-- DuckDB's default row groups: with small ones (8,192 rows) a lookup cost more, not less (at 300,000
-- students: student progress 70–80 → 34–45 ms, teaching colleges 33–38 → 17–21 ms, over HTTP).
COPY (
  SELECT * FROM student_progress_build
  ORDER BY grain, kept, college, major, level, course_nature, kind, entry_year, term_index, gpa_bin, failed
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
DROP TABLE student_progress_build;
