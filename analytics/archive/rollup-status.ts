// The status rollups (sql/rollups/status-write.sql over sql/metrics/status/parts/*; read by
// sql/metrics/status/*-from-rollup.sql): for each status metric, the cells its detail query sums — per
// entry cohort × level × college × major now (and the metric's own keys: time, band, sequence, link,
// term) — with counts that add up over any selection of cells, so every filter and grouping the
// routes take is a sum over one small table; change-rates' distinct students do not add up across
// records, so its change records are kept one by one (32,000 at 300,000 students).
// Built over the new version's tables (temporary views shadow the reader views; the timeline macros
// resolve them by name) at that version's as-of date, which the routes then pass unchanged: a version
// never changes once built. Status does not depend on the grades' attempt rule (perAttempt: false): each
// is built once per version.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../db/convert.ts';
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup, RollupBuild } from './rollups.ts';

/**
 * The as-of date of the version being built, found once per build (keyed by its scratch file); null
 * when the version lacks status records (no status rollups then: the routes read the detail).
 */
let asOfFound: { chosen: string; asOf: Promise<string | null> } | null = null;

async function versionAsOf(connection: DuckDBConnection, chosen: string): Promise<string | null> {
  if (asOfFound?.chosen !== chosen) {
    const asOf = (async () => {
      const [ready] = readRows(await connection.runAndReadAll(loadSql('rollups/status-ready').text));
      if (!ready.sources) return null;
      if (!ready.macros) await connection.run(loadSql('metrics/status/timeline-macros').text);
      const [row] = readRows(await connection.runAndReadAll(loadSql('metrics/status/data-as-of').text));
      return (row?.as_of as string | null) ?? null;
    })();
    asOfFound = { chosen, asOf };
  }
  return asOfFound.asOf;
}

/** A status rollup: the cells of sql/metrics/status/parts/<part>.sql, written to its file. */
const statusRollup = <F extends string, V extends string>(folder: F, view: V, part: string) =>
  ({
    folder,
    view,
    perAttempt: false,
    async build({ connection, chosen, target }: RollupBuild) {
      const asOf = await versionAsOf(connection, chosen);
      if (asOf === null) return;
      const cells = loadSql(`metrics/status/parts/${part}`);
      const sql = fillTemplate(loadSql('rollups/status-write').text, { cells: cells.text, target: sqlLiteral(target) });
      if (cells.parameters.length === 0) await connection.run(sql);
      else await connection.run(sql, { as_of: asOf });
    },
  }) as const satisfies Rollup;

export const statusRollups = [
  statusRollup('status-change-records', 'status_change_records', 'change-records'),
  statusRollup('status-headcount', 'status_headcount_cells', 'headcount-cells'),
  statusRollup('status-sequences', 'status_sequence_cells', 'sequence-cells'),
  statusRollup('status-flows', 'status_flow_cells', 'flow-cells'),
  statusRollup('status-outcomes', 'status_outcome_cells', 'outcome-cells'),
  statusRollup('status-survival', 'status_survival_cells', 'survival-cells'),
  statusRollup('status-risk', 'status_risk_cells', 'risk-cells'),
] as const;
