// The student scores rollup (sql/rollups/student-scores.sql) built over a handful of results, and what
// the insights read from it (sql/insights/*-from-rollup.sql): students' mean scores per cohort and term
// and per college and academic year, worked out by hand below, from the detail and from the rollup
// alike. Summer results belong to their academic year but to no term; 重修 is not a first attempt.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../analytics/db/database.ts';
import { gradeTables, type ResultRow, type StudentRow } from '../helpers/grade-tables.ts';
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../../analytics/db/sql-files.ts';
import { studentScoresRollup } from '../../analytics/archive/rollup-student-scores.ts';
import { WHOLE_SCHOOL } from '../../analytics/insights/context.ts';

let db: Database;
let dir: string;

const STUDENTS: StudentRow[] = [
  ['A1', 2020, '理学院'],
  ['A2', 2020, '理学院'],
  ['B1', 2020, '文学院'],
  ['B2', 2021, '文学院'],
];
const RESULTS: ResultRow[] = [
  ['A1', 'C1', 2020, 1, 80, '正常'],
  ['A1', 'C2', 2020, 1, 90, '正常'],
  ['A1', 'C3', 2020, 3, 70, '正常'], // summer: in 2020's mean, in no term's
  ['A2', 'C1', 2020, 1, 60, '正常'],
  ['A2', 'C4', 2020, 2, 70, '正常'],
  ['A2', 'C1', 2021, 1, 95, '重修'], // not a first attempt
  ['B1', 'C4', 2020, 2, 70, '正常'],
  ['B1', 'C3', 2020, 3, 50, '正常'],
  ['B2', 'C1', 2021, 1, 100, '正常'],
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xueji-student-scores-'));
  db = await gradeTables(STUDENTS, RESULTS);
  const chosen = path.join(dir, 'chosen.parquet');
  const target = path.join(dir, 'attempt=first', 'data.parquet');
  await db.withConnection(async (connection) => {
    const chosenSql = loadSql('rollups/chosen-results');
    await connection.run(fillTemplate(chosenSql.text, { target: sqlLiteral(chosen) }), { ...WHOLE_SCHOOL });
    await mkdir(path.dirname(target), { recursive: true });
    await studentScoresRollup.build({ connection, chosen, target });
  });
  await db.execute(fillTemplate(loadSql('archive/create-rollup-view').text, { view: sqlIdentifier('student_scores'), files: `[${sqlLiteral(target)}]` }));
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

const FILTERS = { ...WHOLE_SCHOOL, attempt: 'first' };

async function bothFiles(file: string, params: Record<string, unknown> = FILTERS) {
  return [await db.query(file, params as never), await db.query(`${file}-from-rollup`, params as never)];
}

describe('the student scores rollup', () => {
  it('gives each college and year its students’ mean scores, summers included', async () => {
    // 理学院 2020: A1 (80 + 90 + 70) / 3 = 80, A2 (60 + 70) / 2 = 65 → mean 72.5, variance 2 · 7.5² / 1.
    // 文学院 2020: B1 (70 + 50) / 2 = 60; 2021: B2 100 — one student each, variance 0.
    const expected = [
      { college: '文学院', academic_year: 2020, students: 1, mean: 60, variance: 0 },
      { college: '文学院', academic_year: 2021, students: 1, mean: 100, variance: 0 },
      { college: '理学院', academic_year: 2020, students: 2, mean: 72.5, variance: 112.5 },
    ];
    for (const rows of await bothFiles('insights/college-year-scores')) expect(rows).toEqual(expected);
  });

  it('gives each cohort and term its students’ mean scores, summers left out', async () => {
    // 2020 term 1: A1 (80 + 90) / 2 = 85, A2 60 → 72.5, variance 2 · 12.5² / 1; term 2: A2 70, B1 70.
    const expected = [
      { entry_year: 2020, term_index: 1, students: 2, mean: 72.5, variance: 312.5 },
      { entry_year: 2020, term_index: 2, students: 2, mean: 70, variance: 0 },
      { entry_year: 2021, term_index: 1, students: 1, mean: 100, variance: 0 },
    ];
    for (const rows of await bothFiles('insights/cohort-term-scores')) expect(rows).toEqual(expected);
  });
});
