-- Removes a reader view whose data the current VERSION does not have (e.g. a rollup of an older version).
DROP VIEW IF EXISTS {{view}};
