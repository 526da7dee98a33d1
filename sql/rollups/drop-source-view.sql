-- Ends a rollup build: drops a temporary source view (rollups/source-view), unshadowing the reader view.
DROP VIEW IF EXISTS temp.{{table}};
