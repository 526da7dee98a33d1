// The request rollups (sql/rollups/request-cells.sql, request-times.sql over
// sql/metrics/utilization/parts/filtered-requests with every filter off; read by
// sql/metrics/utilization/*-from-rollup.sql): the request log's counts per day and per month and coded
// value, and its timed requests' turnarounds. They read the utilization log alone, so they are built
// once per version whether or not it has grades (buildRollups), and not per attempt rule.
import type { DuckDBConnection } from '@duckdb/node-api';
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';

export interface RequestRollupBuild {
  connection: DuckDBConnection;
  /** The Parquet file this rollup writes (its folder exists). */
  target: string;
}

/** sql/rollups/<file>.sql into rollups/<folder>/, its other {{placeholders}} filled with `fragments`. */
const requestRollup = <const F extends string, const V extends string>(folder: F, view: V, file: string, fragments: Record<string, string> = {}) =>
  ({
    folder,
    view,
    perAttempt: false,
    async build({ connection, target }: RequestRollupBuild) {
      const sql = loadSql(`rollups/${file}`);
      const noFilter = Object.fromEntries(sql.parameters.map((name) => [name, null]));
      await connection.run(fillTemplate(sql.text, { ...fragments, target: sqlLiteral(target) }), noFilter);
    },
  }) as const;

export const requestRollups = [
  requestRollup('request-days', 'request_days', 'request-cells', { grain: 'day', cell_day: 'day' }),
  requestRollup('request-months', 'request_months', 'request-cells', { grain: 'month', cell_day: "date_trunc('month', day)::DATE" }),
  requestRollup('request-times', 'request_times', 'request-times'),
] as const;
