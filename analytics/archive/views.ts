// Points the DuckDB views (students, grades, …) at a curated version's Parquet files.
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import { loadSchema, TABLE_NAMES } from '../db/schema.ts';
import { archiveLayout } from './layout.ts';
import { parquetFilesUnder } from './files.ts';
import { PARTITION_COLUMN } from './curate.ts';
import { typedNulls } from './checks.ts';
import { attachRollupViews, type RollupsPresent } from './rollups.ts';

/** Returns the rollup views the version has and the attempt rules rolled up (older versions may have none: metrics then read detail). */
export async function attachViews(db: Database, dataDir: string, version: string | null): Promise<RollupsPresent> {
  const layout = archiveLayout(dataDir);
  const schema = await loadSchema();
  for (const table of TABLE_NAMES) {
    const partition = PARTITION_COLUMN[table];
    // The file list is read once per version, not per query: a version never changes once built.
    const files = version ? await parquetFilesUnder(layout.curatedTable(version, table)) : [];
    if (files.length === 0) {
      await db.execute(
        fillTemplate(loadSql('archive/create-empty-view').text, {
          table: sqlIdentifier(table),
          typed_nulls: typedNulls(schema.get(table)!, { accession_id: 'VARCHAR', source_file: 'VARCHAR', source_row: 'BIGINT', [partition]: 'INTEGER' }),
        }),
      );
      continue;
    }
    await db.execute(
      fillTemplate(loadSql('archive/create-view').text, {
        table: sqlIdentifier(table),
        files: `[${files.map(sqlLiteral).join(', ')}]`,
        partition,
      }),
    );
  }
  return attachRollupViews(db, version ? layout.curatedVersion(version) : null);
}
