// The request rollups (sql/rollups/request-cells.sql, request-times.sql over
// sql/metrics/utilization/parts/filtered-requests with every filter off; read by
// sql/metrics/utilization/*-from-rollup.sql): the request log's counts per day and per month and coded
// value, and its timed requests' turnarounds. They read the utilization log alone, so they are built
// once per version whether or not it has grades (buildRollups), and not per attempt rule.
import { statementRollup } from './rollup-statement.ts';

export const requestRollups = [
  statementRollup('request-days', 'request_days', false, { file: 'request-cells', fragments: { cell_day: 'day' } }),
  statementRollup('request-months', 'request_months', false, { file: 'request-cells', fragments: { cell_day: "date_trunc('month', day)::DATE" } }),
  statementRollup('request-times', 'request_times', false),
] as const;
