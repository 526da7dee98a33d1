// The cohort comparison from the student terms and student cells rollups answers exactly what the
// detail answers: on a generated university, both files (metrics/grades/cohort-comparison and
// comparison-defaults, and their -from-rollup twins) are run under the first and best attempts (latest
// shares best's path: grades-rollup.test.ts compares its trends) for pairs
// of cohorts and of colleges, both measures, term limits and a spread of filters, and must agree —
// students, term limits and the default groups exactly, means and variances to floating-point rounding
// (sums taken in another order). The route reads the twins, and the detail under a course nature
// filter (the rollups have none).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp } from '../helpers/app.ts';
import { COMPARED_RULES, sharedArchive } from '../helpers/generated.ts';
import { expectSameAnswer } from '../helpers/same-answer.ts';

let app: FastifyInstance;
let college: string;
let level: string;
let major: string;
let colleges: string[];

beforeAll(async () => {
  app = await testApp(await sharedArchive(), { auditFile: '/dev/null' });
  const db = app.archive.db;
  [{ college }] = (await db.query('meta/largest-college')) as { college: string }[];
  [{ major, level }] = (await db.query('meta/filter-options', { college })) as { major: string; level: string }[];
  colleges = ((await db.query('metrics/grades/comparison-defaults', { by: 'college', attempt: 'first' })) as { grp: string }[]).map((row) => row.grp);
});

afterAll(async () => {
  await app.close();
});

type Row = Record<string, unknown>;

async function both(name: string, params: Row): Promise<[Row[], Row[]]> {
  const db = app.archive.db;
  return [await db.query(`metrics/grades/${name}`, params as never), await db.query(`metrics/grades/${name}-from-rollup`, params as never)];
}

describe('cohort comparison rollups', () => {
  it('are built with the curated version', () => {
    expect(app.archive.hasRollup('student_terms')).toBe(true);
    expect(app.archive.hasRollup('student_cells')).toBe(true);
  });

  it('picks the detail’s default groups under the first and best attempts and every filter', async () => {
    for (const attempt of COMPARED_RULES) {
      for (const by of ['cohort', 'college']) {
        for (const filter of [{}, { level }, { cohort_from: 2019, cohort_to: 2021 }, ...(by === 'cohort' ? [{ college }, { major }] : [])]) {
          const label = JSON.stringify({ attempt, by, filter });
          const [detail, rollup] = await both('comparison-defaults', { attempt, by, ...filter });
          expect(detail.length, label).toBe(2);
          expect(rollup, label).toEqual(detail);
        }
      }
    }
  });

  it('gives the detail’s sides for cohorts and colleges under the first and best attempts, both measures, with and without a term limit', async () => {
    const cases: Row[] = [
      { by: 'cohort', a: '2019', b: '2020' },
      { by: 'cohort', a: '2016', b: '2022' },
      { by: 'cohort', a: '2020', b: '2021', term_to: 2 },
      { by: 'cohort', a: '2018', b: '2019', college },
      { by: 'cohort', a: '2018', b: '2021', major },
      { by: 'cohort', a: '2017', b: '2018', level, cohort_from: 2017 },
      { by: 'college', a: colleges[0], b: colleges[1] },
      { by: 'college', a: colleges[0], b: colleges[1], term_to: 4, cohort_from: 2019 },
      { by: 'college', a: colleges[0], b: colleges[1], level },
    ];
    let sides = 0;
    for (const attempt of COMPARED_RULES) {
      // Under best (its detail window costs more) a pair of cohorts, one limited, and of colleges.
      for (const params of attempt === 'first' ? cases : [cases[0], cases[2], cases[6]]) {
        for (const measure of ['score', 'gpa']) {
          const label = JSON.stringify({ attempt, ...params, measure });
          const [detail, rollup] = await both('cohort-comparison', { attempt, measure, term_to: null, ...params });
          expectSameAnswer(rollup, detail, label, ['mean', 'variance']);
          sides += detail.length;
        }
      }
    }
    expect(sides).toBeGreaterThanOrEqual(34 + 12); // both sides of nearly every case have students
  });

  it('is what the route reads, except under a course nature filter', async () => {
    const teaching = await signIn(app, 'teaching');
    const query = vi.spyOn(app.archive.db, 'query');
    try {
      const plain = await app.inject({ url: '/api/grades/compare?a=2019&b=2020', headers: teaching.headers });
      expect(plain.statusCode).toBe(200);
      expect(query.mock.calls.map((call) => call[0])).toContain('metrics/grades/cohort-comparison-from-rollup');
      query.mockClear();
      const nature = await app.inject({ url: `/api/grades/compare?a=2019&b=2020&course_nature=${encodeURIComponent('必修')}`, headers: teaching.headers });
      expect(nature.statusCode).toBe(200);
      expect(query.mock.calls.map((call) => call[0])).toContain('metrics/grades/cohort-comparison');
      expect(query.mock.calls.map((call) => call[0])).not.toContain('metrics/grades/cohort-comparison-from-rollup');
    } finally {
      query.mockRestore();
    }
  });
});
