// The score rollups answer exactly what the detail answers: trends per year, the score histogram, the
// box plot and grade inflation read their -from-rollup twins (sql/metrics/grades/) whenever the version
// has the rollups (the hand-checked figures of grades-metrics.test.ts are met through them); here, on a
// generated university, both files are run under the first and best attempt rules (the shared archive
// rolls up all three), every grouping and a spread of filters, and must agree row for row — counts, students,
// quantiles, whiskers and shares to the last bit, means, SDs, rates, GPA and slopes to floating-point rounding (sums taken in another
// order). A question a twin does not answer reads the detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp } from '../helpers/app.ts';
import { COMPARED_RULES, sharedArchive } from '../helpers/generated.ts';

let app: FastifyInstance;
let filters: Record<string, unknown>[];

beforeAll(async () => {
  app = await testApp(await sharedArchive(), { auditFile: '/dev/null' });
  const db = app.archive.db;
  const [{ college }] = (await db.query('meta/largest-college')) as { college: string }[];
  const [{ major, level }] = (await db.query('meta/filter-options', { college })) as { major: string; level: string }[];
  const [{ course_nature }] = (await db.query('meta/course-natures')) as { course_nature: string }[]; // the most common first
  filters = [
    {},
    { cohort_from: 2018, cohort_to: 2021 },
    { cohort_to: 2019 },
    { level },
    { college },
    { major },
    { course_nature },
    { college, course_nature },
    { level, college, cohort_from: 2019 },
    { major, course_nature },
  ];
});

/** Every filter under first, the whole school under best (COMPARED_RULES). */
const filtersFor = (attempt: string) => (attempt === 'first' ? filters : [filters[0]]);

afterAll(async () => {
  await app.close();
});

type Row = Record<string, unknown>;

/** Compares two answers row by row: `close` columns to 9 digits, every other column exactly. */
async function compare(name: string, params: Row, close: string[]): Promise<number> {
  const db = app.archive.db;
  const detail = await db.query(`metrics/grades/${name}`, params as never);
  const rollup = await db.query(`metrics/grades/${name}-from-rollup`, params as never);
  const label = `${name} ${JSON.stringify(params)}`;
  expect(rollup.length, label).toBe(detail.length);
  const blank = Object.fromEntries(close.map((key) => [key, 0]));
  rollup.forEach((row: Row, i) => {
    const want = detail[i] as Row;
    expect({ ...row, ...blank }, label).toEqual({ ...want, ...blank });
    for (const key of close) {
      if (want[key] === null) expect(row[key], `${label} ${key}`).toBeNull();
      else expect(row[key] as number, `${label} ${key}`).toBeCloseTo(want[key] as number, 9);
    }
  });
  return detail.length;
}

const GROUPS = ['cohort', 'college', 'major', 'teaching_dept'] as const;

describe('score rollups', () => {
  it('are built with the curated version', () => {
    for (const view of ['score_histogram', 'score_students', 'course_year_scores'] as const) expect(app.archive.hasRollup(view)).toBe(true);
  });

  it('give the detail’s trends per academic year under every filter', async () => {
    let compared = 0;
    for (const attempt of COMPARED_RULES) {
      for (const filter of filtersFor(attempt)) compared += await compare('grade-trends-by-year', { attempt, ...filter }, ['mean', 'fail_rate', 'gpa']);
    }
    expect(compared).toBeGreaterThan(80);
  });

  it('give the detail’s box plots under every grouping and filter', async () => {
    let compared = 0;
    for (const attempt of COMPARED_RULES) {
      for (const by of GROUPS) {
        for (const filter of filtersFor(attempt)) compared += await compare('score-boxplot', { attempt, by, ...filter }, ['mean', 'sd']);
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('give the detail’s histograms under every grouping, bin width and filter it answers', async () => {
    let compared = 0;
    for (const [a, attempt] of COMPARED_RULES.entries()) {
      for (const [g, by] of GROUPS.entries()) {
        for (const [f, filter] of filtersFor(attempt).entries()) {
          if (by === 'teaching_dept' && filter.course_nature !== undefined) continue; // read from the detail (below)
          const bin = [1, 2, 5, 10][(a + g + f) % 4]; // every width meets every grouping and most filters
          compared += await compare('score-histogram', { attempt, by, bin, ...filter }, []);
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('give the detail’s grade inflation under every grouping and filter', async () => {
    let compared = 0;
    for (const attempt of COMPARED_RULES) {
      for (const by of ['teaching_dept', 'college', 'major', 'cohort'] as const) {
        for (const filter of filtersFor(attempt)) compared += await compare('grade-inflation', { attempt, by, ...filter }, ['mean', 'share_90', 'within_course_slope']);
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('leave a histogram by teaching college within one course nature to the detail, and answer the best attempts as the detail does', async () => {
    const teaching = await signIn(app, 'teaching');
    const db = app.archive.db;
    const [{ course_nature }] = (await db.query('meta/course-natures')) as { course_nature: string }[];
    for (const [query, params] of [
      [`by=teaching_dept&course_nature=${encodeURIComponent(course_nature)}`, { by: 'teaching_dept', bin: 5, course_nature }],
      ['attempt=best', { by: 'college', bin: 5, attempt: 'best' }],
    ] as const) {
      const response = await app.inject({ url: `/api/grades/distribution/scores?${query}`, headers: teaching.headers });
      expect(response.statusCode).toBe(200);
      const rows = (response.json() as { rows: Row[] }).rows;
      const detail = await db.query('metrics/grades/score-histogram', params);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((row) => [row.grp, row.bin_lower, row.students, row.results])).toEqual(detail.map((row) => [row.grp, row.bin_lower, row.students, row.results]));
    }
  });
});
