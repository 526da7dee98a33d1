-- One staged file (stage-csv.sql), mapped to a canonical table: each record numbered from 1 in file
-- order, its columns mapped by the profile to the canonical columns as text, with where it came from
-- (file, record, line) and, for mapped exports, the fields the rules read as received, for the
-- quarantine. A subquery of check-staged.sql, so a table is mapped and checked in one pass.
-- Fragments (all built by code, see analytics/ingest/stage.ts): staged, source_line, read_problem,
-- mapped (the profile's compiled SELECT list), source_fields, identifiers_masked, identifier_cells,
-- source_file.
SELECT {{source_file}} AS source_file, source_row, {{source_line}} AS source_line,
       {{read_problem}} AS read_problem,
       {{mapped}},
       {{source_fields}} AS source_fields,
       {{identifiers_masked}} AS identifiers_masked,
       {{identifier_cells}} AS identifier_cells
FROM (
  SELECT file_row_number + 1 AS source_row, * EXCLUDE (file_row_number)
  FROM read_parquet({{staged}}, file_row_number = true)
) AS s
