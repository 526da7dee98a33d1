// Rollups: pre-aggregates built with each curated version (DESIGN.md: "Rollups make dashboards
// instant"), stored in the version's folder as rollups/<name>/attempt=<rule>/data.parquet and read
// through views named for them (grade_trends). Built from sql/rollups/*.sql, once per rolled-up rule,
// over the version being built: on one connection, temporary views
// `grades` and `students` over the new files shadow the reader views, so a rollup runs the metrics'
// own definition of which results count (sql/metrics/grades/parts) — no second copy to drift apart.
// What each rollup answers, and which routes read it: sql/README.md.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import { parquetFilesUnder } from './files.ts';

/**
 * The attempt rules rolled up: the default rule only. Each rule's rollup costs about three minutes of
 * curation at 300,000 students (the bench); best and latest are the rarer choice and read the detail.
 */
export const ROLLED_UP_ATTEMPTS = ['first'] as const;

/** Whether a grades question under this attempt rule (absent = first) has a rollup to read. */
export const isRolledUp = (attempt: unknown): boolean => (ROLLED_UP_ATTEMPTS as readonly unknown[]).includes(attempt ?? 'first');

/** Rollup folders (rollups/<folder>/) and the view each is read through. */
export const ROLLUPS = { 'grade-trends': 'grade_trends' } as const;
export type RollupFolder = keyof typeof ROLLUPS;
export type RollupView = (typeof ROLLUPS)[RollupFolder];

/** The tables the rollups read, with their Hive partition column. */
const SOURCES = { grades: 'entry_year', students: 'entry_year' } as const;

/** The grade trends' filter dimensions and their bit in `kept` (sql/rollups/grade-trends-set.sql). */
const TREND_DIMENSIONS = [
  ['level', 8],
  ['college', 4],
  ['major', 2],
  ['course_nature', 1],
] as const;

export const rollupFolder = (versionFolder: string, folder: RollupFolder) => path.join(versionFolder, 'rollups', folder);

/** Builds every rollup of the version in `versionFolder` (curated tables already written there). */
export async function buildRollups(db: Database, versionFolder: string): Promise<void> {
  const scratch = path.join(versionFolder, 'rollups', '.work');
  await db.withConnection(async (connection) => {
    const shadowed: string[] = [];
    try {
      for (const [table, partition] of Object.entries(SOURCES)) {
        const files = await parquetFilesUnder(path.join(versionFolder, table));
        if (files.length === 0) return; // no grades (or no register): nothing to roll up
        await connection.run(
          fillTemplate(loadSql('rollups/source-view').text, { table: sqlIdentifier(table), files: `[${files.map(sqlLiteral).join(', ')}]`, partition }),
        );
        shadowed.push(table);
      }
      await mkdir(scratch, { recursive: true });
      const chosenSql = loadSql('rollups/chosen-results');
      for (const attempt of ROLLED_UP_ATTEMPTS) {
        // The counted results once (the attempt rule's window is the costly part), then 16 grouping
        // sets over them, each its own statement so only one set's quantile state is held at a time.
        const chosen = path.join(scratch, `chosen-${attempt}.parquet`);
        const params = Object.fromEntries(chosenSql.parameters.map((name) => [name, name === 'attempt' ? attempt : null]));
        await connection.run(fillTemplate(chosenSql.text, { target: sqlLiteral(chosen) }), params);
        await connection.run(loadSql('rollups/grade-trends-table').text);
        for (let kept = 0; kept < 16; kept++) {
          const columns = Object.fromEntries(TREND_DIMENSIONS.map(([name, bit]) => [name, kept & bit ? sqlIdentifier(name) : 'NULL::VARCHAR']));
          await connection.run(fillTemplate(loadSql('rollups/grade-trends-set').text, { ...columns, kept: `${kept}::TINYINT`, chosen: sqlLiteral(chosen) }));
        }
        const folder = path.join(rollupFolder(versionFolder, 'grade-trends'), `attempt=${attempt}`);
        await mkdir(folder, { recursive: true });
        await connection.run(fillTemplate(loadSql('rollups/grade-trends-write').text, { target: sqlLiteral(path.join(folder, 'data.parquet')) }));
        await rm(chosen, { force: true });
      }
    } finally {
      for (const table of shadowed) await connection.run(fillTemplate(loadSql('rollups/drop-source-view').text, { table: sqlIdentifier(table) }));
      await rm(scratch, { recursive: true, force: true });
    }
  });
}

/**
 * Points the rollup views at a version's files; returns the views that have data. A version curated
 * before a rollup existed has none: its metrics read the detail (the routes ask `archive.rollups`).
 */
export async function attachRollupViews(db: Database, versionFolder: string | null): Promise<Set<RollupView>> {
  const present = new Set<RollupView>();
  for (const [folder, view] of Object.entries(ROLLUPS) as [RollupFolder, RollupView][]) {
    const files = versionFolder ? await parquetFilesUnder(rollupFolder(versionFolder, folder)) : [];
    if (files.length < ROLLED_UP_ATTEMPTS.length) {
      await db.execute(fillTemplate(loadSql('archive/drop-view').text, { view: sqlIdentifier(view) }));
      continue;
    }
    await db.execute(fillTemplate(loadSql('archive/create-rollup-view').text, { view: sqlIdentifier(view), files: `[${files.map(sqlLiteral).join(', ')}]` }));
    present.add(view);
  }
  return present;
}
