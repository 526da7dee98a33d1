// A rollup built by one statement, sql/rollups/<file>.sql (the folder's name unless given), filled with
// {{target}} (the Parquet file it writes), {{chosen}} (the chosen results of the attempt rule) when the
// build has them, and any other fragments given; a metric part it selects from runs with its filters
// off (every $parameter bound to NULL).
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { RollupBuild } from './rollups.ts';

/** What a one-statement rollup needs of a build: the chosen results only if its statement reads them. */
export type StatementBuild = Pick<RollupBuild, 'connection' | 'target'> & Partial<Pick<RollupBuild, 'chosen'>>;

export function statementRollup<const F extends string, const V extends string>(
  folder: F,
  view: V,
  perAttempt: boolean,
  options: { file?: string; fragments?: Record<string, string> } = {},
) {
  return {
    folder,
    view,
    perAttempt,
    async build({ connection, chosen, target }: StatementBuild) {
      const sql = loadSql(`rollups/${options.file ?? folder}`);
      const text = fillTemplate(sql.text, { ...options.fragments, ...(chosen === undefined ? {} : { chosen: sqlLiteral(chosen) }), target: sqlLiteral(target) });
      if (sql.parameters.length === 0) await connection.run(text);
      else await connection.run(text, Object.fromEntries(sql.parameters.map((name) => [name, null])));
    },
  } as const;
}
