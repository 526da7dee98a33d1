// Cohort grade trends on the hand-checked tiny-university package (data/samples/tiny-university/README.md
// shows the arithmetic). The expected figures were worked out by hand, not by running the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
let teaching: Session;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  // 教务处 sees unsuppressed aggregates: the hand-computed cells here are far below the threshold.
  teaching = await signIn(app, 'teaching');
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

async function trends(query = '') {
  const response = await app.inject({ url: `/api/grades/trends${query}`, headers: teaching.headers });
  return { status: response.statusCode, body: response.json() };
}

describe('GET /api/grades/trends', () => {
  it('gives n, mean, median, P10, P90 and fail rate per cohort and term index', async () => {
    const { status, body } = await trends();
    expect(status).toBe(200);
    expect(body.version).toMatch(/^v\d{8}T/);
    expect(body.rows).toHaveLength(3);
    const [c2020t1, c2020t2, c2021t1] = body.rows;
    expect(c2020t1).toMatchObject({ entry_year: 2020, term_index: 1, n: 6, median: 65, p10: 25, p90: 87.5 });
    expect(c2020t1.mean).toBeCloseTo(355 / 6, 10);
    expect(c2020t1.fail_rate).toBeCloseTo(2 / 6, 10);
    expect(c2020t2).toMatchObject({ entry_year: 2020, term_index: 2, n: 2, mean: 87.5, median: 87.5, fail_rate: 0 });
    expect(c2020t2.p10).toBeCloseTo(85.5, 10);
    expect(c2020t2.p90).toBeCloseTo(89.5, 10);
    expect(c2021t1).toMatchObject({ entry_year: 2021, term_index: 1, n: 3, median: 72 });
    expect(c2021t1.mean).toBeCloseTo(200 / 3, 10);
    expect(c2021t1.p10).toBeCloseTo(46.4, 10);
    expect(c2021t1.p90).toBeCloseTo(84.8, 10);
    expect(c2021t1.fail_rate).toBeCloseTo(1 / 3, 10);
  });

  it('filters by level, college, major and cohort range', async () => {
    // 本科 in 2021 leaves S4 alone: 40 and 88.
    const undergrad = await trends('?level=本科&cohort_from=2021');
    expect(undergrad.body.rows).toEqual([
      expect.objectContaining({ entry_year: 2021, term_index: 1, n: 2, mean: 64, median: 64, fail_rate: 0.5 }),
    ]);
    // 外国语学院: S3 (60, 95; its 缓考 has no result) and S5 (72; the summer course has no term index).
    const college = await trends(`?college=${encodeURIComponent('外国语学院')}`);
    expect(college.body.rows.map((r: { entry_year: number; n: number; mean: number }) => [r.entry_year, r.n, r.mean])).toEqual([
      [2020, 2, 77.5],
      [2021, 1, 72],
    ]);
    const major = await trends(`?major=${encodeURIComponent('软件工程')}&cohort_to=2020`);
    expect(major.body.rows.map((r: { term_index: number; n: number }) => [r.term_index, r.n])).toEqual([
      [1, 4],
      [2, 2],
    ]);
  });

  it('answers an empty list when no student matches', async () => {
    const { status, body } = await trends(`?college=${encodeURIComponent('不存在学院')}`);
    expect(status).toBe(200);
    expect(body.rows).toEqual([]);
  });

  it.each([
    ['?cohort_from=abc', /cohort_from.*integer/],
    ['?cohort_from=1800', /cohort_from.*>= 1949/],
    ['?cohort_from=2022&cohort_to=2020', /cohort_from \(2022\) must not be later than cohort_to \(2020\)/],
    ['?college=', /college.*fewer|college.*NOT have fewer than 1/i],
  ])('refuses %s with a 400 that says what to fix', async (query, message) => {
    const { status, body } = await trends(query);
    expect(status).toBe(400);
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message) });
  });
});

describe('GET /api/meta and /api/health', () => {
  it('lists cohorts, levels and colleges with their majors', async () => {
    const response = await app.inject({ url: '/api/meta', headers: teaching.headers });
    expect(response.statusCode).toBe(200);
    const meta = response.json();
    expect(meta.cohorts).toEqual([2020, 2021]);
    expect([...meta.levels].sort()).toEqual(['专科', '本科'].sort());
    const colleges = Object.fromEntries(meta.colleges.map((c: { name: string; majors: string[] }) => [c.name, [...c.majors].sort()]));
    expect(colleges).toEqual({ 计算机学院: ['软件工程'], 外国语学院: ['商务英语', '英语'].sort() });
    // Curated as by default: only the first attempts answer from rollups.
    expect(meta.attempts_rolled_up).toEqual(['first']);
  });

  it('reports the data version and the student count', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.json()).toMatchObject({ status: 'ok', version: expect.stringMatching(/^v/), students: 5 });
  });

  it('serves the OpenAPI document and answers unknown API routes with the error shape', async () => {
    const docs = await app.inject({ url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/api/health', '/api/meta', '/api/grades/trends']));
    const missing = await app.inject({ url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
