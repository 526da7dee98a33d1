-- The rejected rows of one table with where they came from (file, record, line), every rule they broke
-- (reasons and rule ids), the canonical columns as mapped (as received, for a canonical export), and
-- for mapped exports the source fields as received.
COPY (
  SELECT source_file, source_row, source_line, problems,
         list_filter({{rule_ids}}, (rule, i) -> problem_list[i] IS NOT NULL) AS rules,
         * EXCLUDE (source_file, source_row, source_line, problems, problem_list, read_problem, identifiers_masked, identifier_cells)
  FROM read_parquet({{rejected}})
  WHERE problems <> ''
  ORDER BY source_file, source_row
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
