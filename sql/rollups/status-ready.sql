-- Before the status rollups: whether the four tables of the status timeline are shadowed by the new
-- version's (rollups/source-view: a table without files is not, and the macros would then read the
-- reader views of the version before), and whether the timeline macros (metrics/status/timeline-macros)
-- are installed in this database (curation may run in a process that never served a status route).
SELECT
  (SELECT count(*) FROM duckdb_views()
   WHERE temporary AND view_name IN ('students', 'grades', 'status_changes', 'graduations')) = 4 AS sources,
  (SELECT count(*) > 0 FROM duckdb_functions() WHERE function_name = 'status_students') AS macros;
