// The grade rollup answers exactly what the detail answers: the trends route reads
// cohort-grade-trends-from-rollup.sql whenever the version has the rollup (the hand-checked figures of
// grades-trends.test.ts are met through it); here, on a generated university, both files are run under
// the rolled-up attempt rule and a spread of filters and must agree — counts and exact quantiles to the
// last bit, means and GPA to floating-point rounding (sums taken in another order). The other attempt
// rules are not rolled up: the route answers them from the detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLLED_UP_ATTEMPTS } from '../../analytics/archive/rollups.ts';
import { signIn, testApp } from '../helpers/app.ts';
import { generatedArchive } from '../helpers/generated.ts';
import { expectSameAnswer } from '../helpers/same-answer.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp(await generatedArchive(4000, 42), { auditFile: '/dev/null' });
});

afterAll(async () => {
  await app.close();
});

describe('grade rollup', () => {
  it('is built with the curated version', () => {
    expect(app.archive.hasRollup('grade_trends')).toBe(true);
  });

  it('gives the detail query’s trends under the rolled-up attempt rule and every filter', async () => {
    const db = app.archive.db;
    const [{ college }] = (await db.query('meta/largest-college')) as { college: string }[];
    const [{ major, level }] = (await db.query('meta/filter-options', { college })) as { major: string; level: string }[];
    const [{ course_nature }] = (await db.query('meta/course-natures')) as { course_nature: string }[]; // the most common first
    const filters = [{}, { college }, { major }, { course_nature }, { level, cohort_from: 2018, cohort_to: 2021 }, { college, course_nature }];
    let compared = 0;
    for (const attempt of ROLLED_UP_ATTEMPTS) {
      for (const filter of filters) {
        const params = { attempt, ...filter };
        const detail = await db.query('metrics/grades/cohort-grade-trends', params);
        const rollup = await db.query('metrics/grades/cohort-grade-trends-from-rollup', params);
        expect(detail.length).toBeGreaterThan(0);
        expectSameAnswer(rollup, detail, JSON.stringify(params), ['mean', 'gpa']);
        compared += detail.length;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('gives the detail’s course natures, most common first', async () => {
    expect(app.archive.hasRollup('course_natures')).toBe(true);
    const detail = await app.archive.db.query('meta/course-natures');
    expect(detail.length).toBeGreaterThan(1);
    expect(await app.archive.db.query('meta/course-natures-from-rollup')).toEqual(detail);
  });

  it('answers an attempt rule without a rollup from the detail', async () => {
    const teaching = await signIn(app, 'teaching');
    const response = await app.inject({ url: '/api/grades/trends?attempt=best', headers: teaching.headers });
    const rows = (response.json() as { rows: Record<string, unknown>[] }).rows;
    const detail = await app.archive.db.query('metrics/grades/cohort-grade-trends', { attempt: 'best' });
    expect(rows.length).toBe(detail.length);
    rows.forEach((row, i) => expect(row.median).toBe(detail[i].median));
  });
});
