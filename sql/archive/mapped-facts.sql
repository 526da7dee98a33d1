-- What the report needs to know about each received file of one table, from all its mapped rows
-- (rows: the files' map-source.sql selects, UNION ALL): records received, values masked in free text,
-- and non-empty cells in each dropped identifier column (identifier_sums is built by code for the
-- widest file).
SELECT source_file,
       count(*)::BIGINT AS rows_received,
       coalesce(sum(identifiers_masked), 0)::BIGINT AS identifiers_masked,
       {{identifier_sums}} AS identifier_cells
FROM ({{rows}})
GROUP BY source_file;
