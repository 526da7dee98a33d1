// Rollups: pre-aggregates built with each curated version (DESIGN.md: "Rollups make dashboards
// instant"), stored in the version's folder as rollups/<folder>/attempt=<rule>/data.parquet and read
// through views named for them. Built from sql/rollups/*.sql, once per rolled-up attempt rule, over
// the version being built: on one connection, temporary views of the new tables (`grades`,
// `students`, …) shadow the reader views, so a rollup runs the metrics' own definition of which
// results count (sql/metrics/grades/parts) — no second copy to drift apart. Each rollup is one file
// (rollup-<name>.ts) listed in ROLLUP_BUILDERS; what each answers, and which routes read it: sql/README.md.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import { parquetFilesUnder } from './files.ts';
import { ATTEMPT_RULES, DEFAULT_ATTEMPT_RULE, type AttemptRule } from './attempt-rules.ts';
import { courseDfwRollup } from './rollup-course-dfw.ts';
import { courseYearScoresRollup } from './rollup-course-year-scores.ts';
import { courseNaturesRollup } from './rollup-course-natures.ts';
import { gpaBandsRollup } from './rollup-gpa-bands.ts';
import { gradeTrendsRollup } from './rollup-grade-trends.ts';
import { requestRollups } from './rollup-requests.ts';
import { scoreHistogramRollup } from './rollup-score-histogram.ts';
import { scoreStudentsRollup } from './rollup-score-students.ts';
import { statusRollups } from './rollup-status.ts';
import { studentProgressRollup } from './rollup-student-progress.ts';
import { studentCellsRollup } from './rollup-student-cells.ts';
import { studentScoresRollup } from './rollup-student-scores.ts';
import { studentTermsRollup } from './rollup-student-terms.ts';

/** The rollup views a version has, and the attempt rules its per-attempt rollups were built for. */
export interface RollupsPresent {
  views: ReadonlySet<RollupView>;
  attempts: ReadonlySet<AttemptRule>;
}

export const NO_ROLLUPS: RollupsPresent = { views: new Set(), attempts: new Set() };

/** What a rollup's builder is given: once per rolled-up attempt rule, or once if it has no attempt. */
export interface RollupBuild {
  connection: DuckDBConnection;
  /** The attempt rule being rolled up; the default rule (DEFAULT_ATTEMPT_RULE) for a rollup that has none. */
  attempt: AttemptRule;
  /**
   * A scratch Parquet file of the counted results under this attempt rule (sql/rollups/chosen-results:
   * parts/chosen-results, no filter, summer terms included), written once for all builders.
   */
  chosen: string;
  /** The Parquet file this rollup writes for this attempt rule (its folder exists). */
  target: string;
}

/** One rollup: its folder under rollups/, the view it is read through, and how it is built. */
export interface Rollup {
  folder: string;
  view: string;
  /**
   * Whether its rows depend on the grades' attempt rule: then it is built per rolled-up rule into
   * attempt=<rule>/ (its view has an `attempt` column); otherwise once, into the folder itself.
   */
  perAttempt: boolean;
  build(build: RollupBuild): Promise<void>;
}

/** Every rollup of the grades and status records, built in this order once the request rollups are written. */
const RECORD_ROLLUPS = [gradeTrendsRollup, courseNaturesRollup, ...statusRollups, courseDfwRollup, studentProgressRollup, gpaBandsRollup, scoreHistogramRollup, scoreStudentsRollup, courseYearScoresRollup, studentTermsRollup, studentCellsRollup, studentScoresRollup] as const satisfies readonly Rollup[];

/** Every rollup. */
const ROLLUP_BUILDERS = [...requestRollups, ...RECORD_ROLLUPS] as const;

/** Rollup folders (rollups/<folder>/) and the view each is read through. */
export const ROLLUPS = Object.fromEntries(ROLLUP_BUILDERS.map((rollup) => [rollup.folder, rollup.view])) as {
  [R in (typeof ROLLUP_BUILDERS)[number] as R['folder']]: R['view'];
};
export type RollupFolder = keyof typeof ROLLUPS;
export type RollupView = (typeof ROLLUPS)[RollupFolder];

/** The tables the rollups read, with their Hive partition column. */
const SOURCES = {
  grades: 'entry_year',
  students: 'entry_year',
  status_changes: 'entry_year',
  graduations: 'entry_year',
  utilization: 'request_year',
} as const;

export const rollupFolder = (versionFolder: string, folder: RollupFolder) => path.join(versionFolder, 'rollups', folder);

/**
 * Builds every rollup of the version in `versionFolder` (curated tables already written there), the
 * per-attempt ones for each rule of `attempts` (the default rule first: the rollups with no attempt rule are
 * built with it).
 */
export async function buildRollups(db: Database, versionFolder: string, attempts: readonly AttemptRule[]): Promise<void> {
  if (attempts[0] !== DEFAULT_ATTEMPT_RULE) throw new Error(`the rolled-up attempt rules must start with ${DEFAULT_ATTEMPT_RULE}, got ${attempts.join(', ')}`);
  const scratch = path.join(versionFolder, 'rollups', '.work');
  await db.withConnection(async (connection) => {
    const shadowed: string[] = [];
    try {
      for (const [table, partition] of Object.entries(SOURCES)) {
        const files = await parquetFilesUnder(path.join(versionFolder, table));
        if (files.length === 0) continue; // no such records yet: the rollups that read them are not built
        await connection.run(
          fillTemplate(loadSql('rollups/source-view').text, { table: sqlIdentifier(table), files: `[${files.map(sqlLiteral).join(', ')}]`, partition }),
        );
        shadowed.push(table);
      }
      if (shadowed.includes('utilization')) {
        for (const rollup of requestRollups) {
          const folder = rollupFolder(versionFolder, rollup.folder);
          await mkdir(folder, { recursive: true });
          await rollup.build({ connection, target: path.join(folder, 'data.parquet') });
        }
      }
      // No grades (or no register): no record rollup; the status rollups see missing status records
      // themselves and write nothing.
      if (!shadowed.includes('grades') || !shadowed.includes('students')) return;
      await mkdir(scratch, { recursive: true });
      const chosenSql = loadSql('rollups/chosen-results');
      for (const attempt of attempts) {
        // The counted results once (the attempt rule's window is the costly part), then each rollup
        // reads them.
        const chosen = path.join(scratch, `chosen-${attempt}.parquet`);
        const params = Object.fromEntries(chosenSql.parameters.map((name) => [name, name === 'attempt' ? attempt : null]));
        await connection.run(fillTemplate(chosenSql.text, { target: sqlLiteral(chosen) }), params);
        for (const rollup of RECORD_ROLLUPS) {
          if (!rollup.perAttempt && attempt !== DEFAULT_ATTEMPT_RULE) continue;
          const folder = path.join(versionFolder, 'rollups', rollup.folder, ...(rollup.perAttempt ? [`attempt=${attempt}`] : []));
          await mkdir(folder, { recursive: true });
          await rollup.build({ connection, attempt, chosen, target: path.join(folder, 'data.parquet') });
        }
        await rm(chosen, { force: true });
      }
    } finally {
      for (const table of shadowed) await connection.run(fillTemplate(loadSql('rollups/drop-source-view').text, { table: sqlIdentifier(table) }));
      await rm(scratch, { recursive: true, force: true });
    }
  });
}

/**
 * Points the rollup views at a version's files; returns the views that have data and the attempt rules
 * rolled up. A version curated before a rollup existed has none: its metrics read the detail (the
 * routes ask `archive.hasRollup`). A per-attempt rollup needs its default rule's file; a rule counts
 * as rolled up when every per-attempt rollup present has its file.
 */
export async function attachRollupViews(db: Database, versionFolder: string | null): Promise<RollupsPresent> {
  const views = new Set<RollupView>();
  let attempts: Set<AttemptRule> | null = null;
  for (const { folder, view, perAttempt } of ROLLUP_BUILDERS) {
    const files = versionFolder ? await parquetFilesUnder(rollupFolder(versionFolder, folder)) : [];
    const built = new Set(ATTEMPT_RULES.filter((rule) => files.some((file) => file.includes(`${path.sep}attempt=${rule}${path.sep}`))));
    if (files.length === 0 || (perAttempt && !built.has(DEFAULT_ATTEMPT_RULE))) {
      await db.execute(fillTemplate(loadSql('archive/drop-view').text, { view: sqlIdentifier(view) }));
      continue;
    }
    await db.execute(fillTemplate(loadSql('archive/create-rollup-view').text, { view: sqlIdentifier(view), files: `[${files.map(sqlLiteral).join(', ')}]` }));
    views.add(view);
    if (perAttempt) attempts = new Set([...(attempts ?? built)].filter((rule) => built.has(rule)));
  }
  return { views, attempts: attempts ?? new Set() };
}
