// The deterministic synthetic university: `generateUniversity` writes a transfer package (one canonical
// CSV per table plus the sender's manifest.json with row counts and SHA-256) for N students and a seed.
// Same seed, same options → byte-identical files. Students are generated one at a time, their whole
// career at once, through buffered writers with backpressure, so memory does not grow with N.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AwardLog } from './awards.ts';
import { cohortYears, formatDay, parseIsoDay } from './calendar.ts';
import { simulateStudent, type World } from './career.ts';
import { buildCatalog } from './catalog.ts';
import { CsvFileWriter, type WrittenFile } from './csv-writer.ts';
import { GradeModel } from './grades.ts';
import { GraduationLog } from './graduations.ts';
import { StudentLayout } from './layout.ts';
import { PLANTED } from './planted-patterns.ts';
import { StatusLog } from './status.ts';
import { GENERATED_COLUMNS, GENERATED_TABLES, type GeneratedTable } from './tables.ts';
import { writeUtilization } from './utilization.ts';

export { PLANTED } from './planted-patterns.ts';
export { GENERATED_COLUMNS, GENERATED_TABLES } from './tables.ts';
export { buildCatalog } from './catalog.ts';

export interface GenerateOptions {
  students: number;
  seed: number;
  outDir: string;
  /** ISO date, default '2026-08-31': nothing after it is written; ten cohorts up to the last September. */
  asOf?: string;
  /**
   * Default true. false generates the same university without the planted patterns 1–3 (the course's
   * jump, the withdrawal spike, the faster inflation), as the null case against which the insights
   * engine's false discoveries are measured. Utilization's seasons and channel shift are background.
   */
  planted?: boolean;
}

export interface GenerateSummary {
  outDir: string;
  seed: number;
  students: number;
  files: Record<string, { path: string; rows: number }>;
  seconds: number;
}

export const DEFAULT_AS_OF = '2026-08-31';
/** Upper bound that keeps a run within a few minutes and a few GB of disk (300,000 ≈ 1.6 GB of CSV). */
export const MAX_STUDENTS = 2_000_000;

/** Throws with a message a person can act on when an option is unusable. */
export function checkOptions(opts: GenerateOptions): { asOfDay: number; asOf: string } {
  if (!Number.isSafeInteger(opts.students) || opts.students < 1 || opts.students > MAX_STUDENTS) {
    throw new RangeError(`students must be a whole number from 1 to ${MAX_STUDENTS}, got ${opts.students}`);
  }
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new RangeError(`seed must be a non-negative whole number, got ${opts.seed}`);
  if (!opts.outDir) throw new RangeError('outDir is required');
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  let asOfDay: number;
  try {
    asOfDay = parseIsoDay(asOf);
  } catch (error) {
    throw new RangeError(`asOf: ${(error as Error).message}`);
  }
  const year = Number(asOf.slice(0, 4));
  if (year < 2010 || year > 2099) throw new RangeError(`asOf ${asOf} is outside the years the generator models (2010–2099)`);
  return { asOfDay, asOf: formatDay(asOfDay) };
}

export async function generateUniversity(opts: GenerateOptions): Promise<GenerateSummary> {
  const { asOfDay, asOf } = checkOptions(opts);
  const planted = opts.planted ?? true;
  const started = performance.now();
  await mkdir(opts.outDir, { recursive: true });

  const catalog = buildCatalog();
  const cohorts = cohortYears(asOfDay);
  const layout = new StudentLayout(opts.students, cohorts, catalog);
  const writers = Object.fromEntries(
    GENERATED_TABLES.map((table) => [table, new CsvFileWriter(path.join(opts.outDir, `${table}.csv`), GENERATED_COLUMNS[table])]),
  ) as Record<GeneratedTable, CsvFileWriter>;
  const all = GENERATED_TABLES.map((table) => writers[table]);

  try {
    const collegeByName = (name: string) => {
      const college = catalog.colleges.find((c) => c.name === name);
      if (!college) throw new Error(`planted pattern names an unknown college ${name}`);
      return college;
    };
    const world: World = {
      seed: opts.seed,
      asOfDay,
      catalog,
      layout,
      grades: new GradeModel(
        writers.grades,
        cohorts[0],
        catalog.courseByName(PLANTED.courseFailJump.courseName),
        planted ? collegeByName(PLANTED.gradeInflation.collegeName) : null,
        planted ? PLANTED.courseFailJump.academicYear : null,
      ),
      status: new StatusLog(writers.status_changes),
      graduations: new GraduationLog(writers.graduations),
      awards: new AwardLog(writers.awards_punishments, asOfDay),
      students: writers.students,
      withdrawalCollege: planted ? collegeByName(PLANTED.withdrawalSpike.collegeName) : null,
    };

    for (let index = 0; index < opts.students; index++) {
      simulateStudent(world, index);
      for (const writer of all) if (writer.full) await writer.flush();
    }
    await writeUtilization(writers.utilization, opts.seed, asOfDay, layout);

    const written: Partial<Record<GeneratedTable, WrittenFile>> = {};
    for (const table of GENERATED_TABLES) written[table] = await writers[table].close();

    const manifest = {
      package: 'synthetic-university',
      seed: opts.seed,
      students: opts.students,
      generated_for: asOf,
      ...(planted ? {} : { planted: false }),
      files: Object.fromEntries(GENERATED_TABLES.map((table) => [`${table}.csv`, { rows: written[table]!.rows, sha256: written[table]!.sha256 }])),
    };
    await writeFile(path.join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

    return {
      outDir: opts.outDir,
      seed: opts.seed,
      students: opts.students,
      files: Object.fromEntries(GENERATED_TABLES.map((table) => [`${table}.csv`, { path: written[table]!.path, rows: written[table]!.rows }])),
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } catch (error) {
    for (const writer of all) writer.abort();
    throw error;
  }
}
