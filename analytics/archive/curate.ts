// Builds a new curated version from all accessions: per table, the latest accession wins per natural
// key. The version is built beside the current one, renamed into place, then VERSION is swapped.
// The caller holds the writer lock (see archive.ts).
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import { loadSchema, TABLE_NAMES, type TableName } from '../db/schema.ts';
import { archiveLayout } from './layout.ts';
import { exists, writeFileAtomic } from './files.ts';
import { keyColumns } from './checks.ts';
import { newVersionId, readVersion, writeVersion } from './version.ts';
import { SOFTWARE } from './software.ts';
import { buildRollups } from './rollups.ts';
import type { AttemptRule } from './attempt-rules.ts';

/** How many curated versions stay on disk: the current one and the one before, for readers mid-query. */
const VERSIONS_KEPT = 2;

export const PARTITION_COLUMN: Record<TableName, string> = {
  students: 'entry_year',
  grades: 'entry_year',
  status_changes: 'entry_year',
  graduations: 'entry_year',
  awards_punishments: 'entry_year',
  utilization: 'request_year',
};

export async function curate(db: Database, dataDir: string, rollupAttempts: readonly AttemptRule[]): Promise<string> {
  const layout = archiveLayout(dataDir);
  const schema = await loadSchema();
  const accessionIds = await committedAccessions(layout.accessions);
  const version = newVersionId();
  const building = path.join(layout.curated, `.building-${version}`);
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  try {
    for (const table of TABLE_NAMES) {
      const sources = [];
      for (const id of accessionIds) {
        const file = layout.accessionTable(id, table);
        if (await exists(file)) sources.push(file);
      }
      if (sources.length === 0) continue;
      const template = table === 'students' ? 'archive/curate-students' : table === 'utilization' ? 'archive/curate-utilization' : 'archive/curate-by-student';
      await db.execute(
        fillTemplate(loadSql(template).text, {
          sources: `[${sources.map(sqlLiteral).join(', ')}]`,
          // Latest accession wins per natural key. Within one accession keys are unique (ingest
          // quarantines duplicates), so with a single source the window would only cost time.
          latest_wins: sources.length > 1 ? fillTemplate(loadSql('archive/latest-wins').text, { key: keyColumns(schema.get(table)!) }) : '',
          students: sqlLiteral(`${building}/students/*/*.parquet`),
          target: sqlLiteral(path.join(building, table)),
        }),
      );
    }
    // Pre-aggregates for the dashboards, from the tables just written (analytics/archive/rollups.ts).
    // Memory, measured per statement at 300k students (18.3M grades; memory_limit 1GB, spilling to the
    // archive's work folder): the curated tables above peak at 760 MiB RSS (grades, the largest), within
    // the limit; the rollups reach 2.2–2.8 GiB — the grade trends' INSERT per grouping set
    // (sql/rollups/grade-trends-set.sql: exact quantile_cont and count(DISTINCT) hold every value of
    // each group, outside DuckDB's memory limit), the status rollups' enrolled-terms and duration COPYs,
    // and the course DFW attempts table.
    await buildRollups(db, building, rollupAttempts);
    await writeFileAtomic(
      path.join(building, 'curation.json'),
      `${JSON.stringify({ version, accessions: accessionIds, software: SOFTWARE, built_at: new Date().toISOString() }, null, 2)}\n`,
    );
    await rename(building, layout.curatedVersion(version));
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  await writeVersion(layout.versionFile, version);
  await pruneOldVersions(layout.curated, version);
  return version;
}

async function committedAccessions(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  // Folders starting with '.' are incomplete work; ids sort by the time they were received.
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
}

async function pruneOldVersions(curatedDir: string, current: string): Promise<void> {
  const entries = await readdir(curatedDir, { withFileTypes: true });
  const versions = entries.filter((e) => e.isDirectory() && /^v\d/.test(e.name)).map((e) => e.name).sort();
  const keep = new Set([...versions.slice(-VERSIONS_KEPT), current]);
  for (const name of versions) if (!keep.has(name)) await rm(path.join(curatedDir, name), { recursive: true, force: true });
  for (const e of entries) if (e.name.startsWith('.building-')) await rm(path.join(curatedDir, e.name), { recursive: true, force: true });
}

/** Reads the version that a reader would see right now (null for an empty archive). */
export async function currentVersion(dataDir: string): Promise<string | null> {
  return readVersion(archiveLayout(dataDir).versionFile);
}
