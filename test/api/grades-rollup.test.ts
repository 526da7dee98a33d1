// The grade rollup answers exactly what the detail answers: the trends route reads
// cohort-grade-trends-from-rollup.sql whenever the version has the rollup (the hand-checked figures of
// grades-trends.test.ts are met through it); here, on a generated university, both files are run under
// every attempt rule (the shared archive rolls up all three) and a spread of filters and must agree —
// counts and exact quantiles to the last bit, means and GPA to floating-point rounding (sums taken in
// another order). A rule a version has not rolled up (best and latest by default) is answered from
// the detail.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ATTEMPT_RULES } from '../../analytics/archive/attempt-rules.ts';
import type { RollupView } from '../../analytics/archive/rollups.ts';
import { metricFile } from '../../analytics/metrics/from-rollup.ts';
import { signIn, testApp } from '../helpers/app.ts';
import { generatedArchive, sharedArchive } from '../helpers/generated.ts';
import { expectSameAnswer } from '../helpers/same-answer.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp(await sharedArchive(), { auditFile: '/dev/null' });
});

afterAll(async () => {
  await app.close();
});

/** The SQL files the trends route reads for one attempt rule. */
async function trendsFilesRead(server: FastifyInstance, attempt: string): Promise<string[]> {
  const teaching = await signIn(server, 'teaching');
  const query = vi.spyOn(server.archive.db, 'query');
  try {
    const response = await server.inject({ url: `/api/grades/trends?attempt=${attempt}`, headers: teaching.headers });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    return query.mock.calls.map((call) => call[0]);
  } finally {
    query.mockRestore();
  }
}

describe('grade rollup', () => {
  it('is built with the curated version', () => {
    expect(app.archive.hasRollup('grade_trends')).toBe(true);
  });

  it('gives the detail query’s trends under every attempt rule and every filter', async () => {
    const db = app.archive.db;
    const [{ college }] = (await db.query('meta/largest-college')) as { college: string }[];
    const [{ major, level }] = (await db.query('meta/filter-options', { college })) as { major: string; level: string }[];
    const [{ course_nature }] = (await db.query('meta/course-natures')) as { course_nature: string }[]; // the most common first
    const filters = [{}, { college }, { major }, { course_nature }, { level, cohort_from: 2018, cohort_to: 2021 }, { college, course_nature }];
    let compared = 0;
    for (const attempt of ATTEMPT_RULES) {
      expect(app.archive.hasRolledUpAttempt(attempt), attempt).toBe(true);
      for (const filter of filters) {
        const params = { attempt, ...filter };
        const detail = await db.query('metrics/grades/cohort-grade-trends', params);
        const rollup = await db.query('metrics/grades/cohort-grade-trends-from-rollup', params);
        expect(detail.length).toBeGreaterThan(0);
        expectSameAnswer(rollup, detail, JSON.stringify(params), ['mean', 'gpa']);
        compared += detail.length;
      }
    }
    expect(compared).toBeGreaterThan(450);
  });

  it('gives the detail’s course natures, most common first', async () => {
    expect(app.archive.hasRollup('course_natures')).toBe(true);
    const detail = await app.archive.db.query('meta/course-natures');
    expect(detail.length).toBeGreaterThan(1);
    expect(await app.archive.db.query('meta/course-natures-from-rollup')).toEqual(detail);
  });

  it('knows which attempt rules a version has rolled up, and the route reads the detail for the others', async () => {
    // Curated as by default: the first attempts only.
    const firstOnly = await testApp(await generatedArchive(4000, 42, { planted: false }), { auditFile: '/dev/null' });
    try {
      expect(firstOnly.archive.hasRollup('grade_trends')).toBe(true);
      expect(firstOnly.archive.hasRolledUpAttempt('first')).toBe(true);
      expect(firstOnly.archive.hasRolledUpAttempt('best')).toBe(false);
      expect(firstOnly.archive.hasRolledUpAttempt('latest')).toBe(false);
      const files = await trendsFilesRead(firstOnly, 'best');
      expect(files).toContain('metrics/grades/cohort-grade-trends');
      expect(files).not.toContain('metrics/grades/cohort-grade-trends-from-rollup');
    } finally {
      await firstOnly.close();
    }
    // Every rule rolled up: best from the rollup, and the filters are told so.
    expect(await trendsFilesRead(app, 'best')).toContain('metrics/grades/cohort-grade-trends-from-rollup');
    const teaching = await signIn(app, 'teaching');
    expect((await app.inject({ url: '/api/meta', headers: teaching.headers })).json().attempts_rolled_up).toEqual(['first', 'best', 'latest']);
  });

  it('answers an attempt rule a version has not rolled up from the detail', () => {
    const views = new Set<RollupView>(['grade_trends']);
    const file = 'metrics/grades/cohort-grade-trends';
    const firstOnly = { views, attempts: new Set(['first'] as const) };
    expect(metricFile(file, {}, firstOnly)).toBe(`${file}-from-rollup`);
    expect(metricFile(file, { attempt: 'first' }, firstOnly)).toBe(`${file}-from-rollup`);
    expect(metricFile(file, { attempt: 'best' }, firstOnly)).toBe(file);
    expect(metricFile(file, { attempt: 'latest' }, firstOnly)).toBe(file);
    const every = { views, attempts: new Set(ATTEMPT_RULES) };
    expect(metricFile(file, { attempt: 'best' }, every)).toBe(`${file}-from-rollup`);
    // No rollup view, no twin, whatever the rules.
    expect(metricFile(file, { attempt: 'first' }, { views: new Set(), attempts: new Set(ATTEMPT_RULES) })).toBe(file);
  });
});
