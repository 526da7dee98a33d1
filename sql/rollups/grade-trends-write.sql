-- Grade trends rollup, last: one attempt rule's grouping sets to the version's rollup file, sorted by kept,
-- college and major so that DuckDB skips the row groups a lookup cannot match.
COPY (
  SELECT * FROM grade_trends_build ORDER BY kept, college, major, level, course_nature, entry_year, term_index
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8192);
DROP TABLE grade_trends_build;
