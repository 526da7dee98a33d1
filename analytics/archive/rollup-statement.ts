// A rollup built by one statement, sql/rollups/<folder>.sql, filled with {{chosen}} (the chosen results
// of the attempt rule) and {{target}} (the Parquet file it writes).
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { RollupBuild } from './rollups.ts';

export function statementRollup<const F extends string, const V extends string>(folder: F, view: V, perAttempt: boolean) {
  return {
    folder,
    view,
    perAttempt,
    async build({ connection, chosen, target }: RollupBuild) {
      await connection.run(fillTemplate(loadSql(`rollups/${folder}`).text, { chosen: sqlLiteral(chosen), target: sqlLiteral(target) }));
    },
  } as const;
}
