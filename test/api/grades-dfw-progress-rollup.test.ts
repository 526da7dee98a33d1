// The course-difficulty, student-progress and GPA-band rollups answer exactly what the detail answers:
// the courses, courses/years, departments, progress and distribution/gpa routes read their
// *-from-rollup.sql twins whenever the version has the rollups (the hand-checked figures of
// grades-metrics.test.ts are met through them); here both files are run under a spread of filters and
// must agree row for row — counts, shares and names to the last bit.
//   On a generated university (the shared sharedArchive(): 4,000 students), and on the hand-checked
//   grades-fixture with a second package in which two students sit a course's regular exam (正常) a
//   second time, once under another nature and teaching college and once under a new name: the
//   distinct students of a course then differ from its results (A1 counts once in M1's 8 results),
//   which the rollup must count without adding the two cells up.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp } from '../helpers/app.ts';
import { archiveFrom, SAMPLES, tempDir } from '../helpers/archive.ts';
import { COMPARED_RULES, sharedArchive } from '../helpers/generated.ts';

type Row = Record<string, unknown>;
let generated: FastifyInstance;
let fixture: FastifyInstance;
const cleanups: (() => Promise<void>)[] = [];

/** grades-fixture's later package: A1 sits M1 again as 正常 (选修, taught by 文学院), C2 sits M4 again under a new name. */
const REPEATS = [
  'student_id,academic_year,term,course_id,course_name,course_nature,credits,score,grade_text,grade_point,exam_type,teaching_dept',
  'A1,2021,1,M1,高等数学,选修,4,68,68,1.8,正常,文学院',
  'C2,2022,2,M4,数学分析（新）,必修,4,52,52,0,正常,理学院',
].join('\n');

beforeAll(async () => {
  generated = await testApp(await sharedArchive(), { auditFile: '/dev/null' });
  const extra = await tempDir();
  cleanups.push(extra.cleanup);
  const repeats = path.join(extra.dir, 'repeats');
  await mkdir(repeats);
  await writeFile(path.join(repeats, 'grades.csv'), `${REPEATS}\n`);
  const archive = await archiveFrom(path.join(SAMPLES, 'grades-fixture'), repeats);
  cleanups.push(archive.cleanup);
  fixture = await testApp(archive.dataDir, { auditFile: '/dev/null' });
});

afterAll(async () => {
  await generated?.close();
  await fixture?.close();
  for (const cleanup of cleanups) await cleanup();
});

/** Runs a metric's detail file and its rollup twin; they must give the same rows, returns how many. */
async function same(app: FastifyInstance, metric: string, params: Row): Promise<number> {
  const detail = await app.archive.db.query(`metrics/grades/${metric}`, params as never);
  const rollup = await app.archive.db.query(`metrics/grades/${metric}-from-rollup`, params as never);
  expect(rollup, `${metric} ${JSON.stringify(params)}`).toEqual(detail);
  return detail.length;
}

const LINES = { warning_gpa: 1.5, warning_credits: 10, serious_credits: 20 };

describe('course difficulty and progress rollups on a generated university', () => {
  let filters: Row[];
  beforeAll(async () => {
    const db = generated.archive.db;
    const [{ college }] = (await db.query('meta/largest-college')) as { college: string }[];
    const [{ major, level }] = (await db.query('meta/filter-options', { college })) as { major: string; level: string }[];
    const [{ course_nature }, second] = (await db.query('meta/course-natures')) as { course_nature: string }[];
    const [{ teaching_dept }] = (await db.query('metrics/grades/department-dfw')) as { teaching_dept: string }[];
    filters = [
      {},
      { cohort_from: 2018, cohort_to: 2021 },
      { level },
      { college },
      { major },
      { course_nature },
      { course_nature: second.course_nature, cohort_from: 2020 },
      { teaching_dept },
      { teaching_dept, course_nature, college },
    ];
  });
  /** The filters of the progress and GPA questions (no teaching college): all under first, the whole school under best (COMPARED_RULES). */
  const studentFilters = (attempt: string) => filters.filter((f, i) => f.teaching_dept === undefined && (attempt === 'first' || i === 0));

  it('are built with the curated version', () => {
    expect(generated.archive.hasRollup('course_dfw')).toBe(true);
    expect(generated.archive.hasRollup('student_progress')).toBe(true);
    expect(generated.archive.hasRollup('gpa_bands')).toBe(true);
  });

  it('give the detail query’s course, course-year and department DFW counts under every filter', async () => {
    let rows = 0;
    for (const filter of filters) {
      rows += await same(generated, 'course-dfw', filter);
      rows += await same(generated, 'department-dfw', filter);
      if (filter.teaching_dept === undefined) {
        rows += await same(generated, 'course-dfw-by-year', filter);
        rows += await same(generated, 'course-year-names', filter);
      }
    }
    expect(rows).toBeGreaterThan(20000);
  });

  it('name the course-years asked for, and only those', async () => {
    const all = (await generated.archive.db.query('metrics/grades/course-year-names', {})) as { course_id: string }[];
    const some = [...new Set(all.map((row) => row.course_id))].slice(0, 3);
    const named = (await generated.archive.db.query('metrics/grades/course-year-names-from-rollup', { course_ids: [...some, 'NO-SUCH-COURSE'] })) as { course_id: string }[];
    expect(named).toEqual(all.filter((row) => some.includes(row.course_id)));
    expect(await same(generated, 'course-year-names', { course_ids: [] })).toBe(0);
  });

  it('give the detail query’s progress bands under the first and best attempts, every filter and any warning lines', async () => {
    let rows = 0;
    for (const attempt of COMPARED_RULES) {
      for (const filter of studentFilters(attempt)) rows += await same(generated, 'student-progress', { ...filter, ...LINES, attempt });
    }
    // other lines than the configured ones, applied at read time (a GPA line inside a grade point)
    rows += await same(generated, 'student-progress', { warning_gpa: 2.3, warning_credits: 6, serious_credits: 15, attempt: 'first' });
    rows += await same(generated, 'student-progress', { warning_gpa: 3, warning_credits: 0.5, serious_credits: 30 });
    expect(rows).toBeGreaterThan(4000);
  });

  it('answer a GPA line off the 0.01 grid from the detail (the rollup keeps GPA in 0.01 bins)', async () => {
    const teaching = await signIn(generated, 'teaching');
    const response = await generated.inject({ url: '/api/grades/progress?warning_gpa=1.755&cohort_from=2020', headers: teaching.headers });
    const detail = await generated.archive.db.query('metrics/grades/student-progress', { ...LINES, warning_gpa: 1.755, cohort_from: 2020, attempt: 'first' });
    expect(response.json().rows).toEqual(detail);
    expect(detail.some((row) => row.kind === 'gpa' && row.upper === 1.755)).toBe(true);
  });

  it('give the detail query’s GPA bands by every group under the first and best attempts and every filter', async () => {
    let rows = 0;
    for (const attempt of COMPARED_RULES) {
      for (const filter of studentFilters(attempt)) {
        for (const by of ['cohort', 'college', 'major']) rows += await same(generated, 'gpa-bands', { ...filter, by, attempt });
      }
    }
    expect(rows).toBeGreaterThan(2000);
  });

  it('answer the courses route from the rollup under every attempt rule (first attempts do not depend on it)', async () => {
    const teaching = await signIn(generated, 'teaching');
    const first = await generated.inject({ url: '/api/grades/courses', headers: teaching.headers });
    const best = await generated.inject({ url: '/api/grades/courses?attempt=best', headers: teaching.headers });
    expect(best.json().rows).toEqual(first.json().rows);
    expect(first.json().rows.length).toBeGreaterThan(100);
  });
});

describe('course difficulty rollup with repeated first attempts (grades-fixture + repeats)', () => {
  it('counts a student who sat a course’s regular exam twice once', async () => {
    const teaching = await signIn(fixture, 'teaching');
    const response = await fixture.inject({ url: '/api/grades/courses?min_n=1', headers: teaching.headers });
    const byId = new Map((response.json().rows as Row[]).map((row) => [row.course_id, row]));
    // M1: the seven first sittings of the README (A1–A4, C1–C3) and A1's second, 68 — not a DFW;
    // its latest year (2021) has the 选修 nature and 文学院.
    expect(byId.get('M1')).toMatchObject({ n: 8, students: 7, dfw: 3, first_year: 2020, last_year: 2021, course_nature: '选修', teaching_dept: '文学院' });
    // M4: C1 85, C2 55, C3 65 and C2's 52 under the new name in 2022
    expect(byId.get('M4')).toMatchObject({ n: 4, students: 3, dfw: 2, course_name: '数学分析（新）', last_year: 2022 });
  });

  it('gives the detail query’s answers under the filters that split a repeated course', async () => {
    for (const filter of [{}, { course_nature: '必修' }, { course_nature: '选修' }, { teaching_dept: '理学院' }, { teaching_dept: '文学院', course_nature: '选修' }, { cohort_from: 2020, cohort_to: 2020 }, { college: '理学院' }, { level: '本科', major: '数学' }]) {
      await same(fixture, 'course-dfw', filter);
      await same(fixture, 'department-dfw', filter);
      if (!('teaching_dept' in filter)) {
        await same(fixture, 'course-dfw-by-year', filter);
        await same(fixture, 'course-year-names', filter);
        await same(fixture, 'student-progress', { ...filter, ...LINES, attempt: 'first' });
        await same(fixture, 'gpa-bands', { ...filter, by: 'cohort', attempt: 'first' });
      }
    }
  });
});
