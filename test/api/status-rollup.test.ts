// The status rollups answer exactly what the detail answers: every status route reads its
// *-from-rollup.sql twin whenever the version has the rollups (the hand-checked figures of
// status-fixture.test.ts, status-uci.test.ts and overview.test.ts are met through them); here, on a
// generated university, each twin and its detail file are run under a spread of filters and groupings
// and must agree on every row and column — all counts, so bit for bit (rates are the same division of
// the same integers).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';
import { testApp } from '../helpers/app.ts';
import { sharedArchive } from '../helpers/generated.ts';

const VIEWS = [
  'status_change_records',
  'status_headcount_cells',
  'status_sequence_cells',
  'status_flow_cells',
  'status_outcome_cells',
  'status_survival_cells',
  'status_risk_cells',
] as const;

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp(await sharedArchive(), { auditFile: '/dev/null' });
});

afterAll(async () => {
  await app.close();
});

type Params = Record<string, string | number | null>;

describe('status rollups', () => {
  it('are built with the curated version', () => {
    for (const view of VIEWS) expect(app.archive.hasRollup(view), view).toBe(true);
  });

  it('give the detail queries’ answers under every grouping and a spread of filters', async () => {
    const db = app.archive.db;
    const [{ as_of }] = await db.query('metrics/status/data-as-of');
    const [{ college }] = (await db.query('meta/largest-college')) as { college: string }[];
    const [{ major, level }] = (await db.query('meta/filter-options', { college })) as { major: string; level: string }[];
    const none = { cohort_from: null, cohort_to: null, level: null, college: null, major: null, as_of } as Params;
    const filters: Params[] = [none, { ...none, college }, { ...none, major }, { ...none, level, cohort_from: 2018, cohort_to: 2021 }];
    const cases: [string, Params][] = [];
    for (const f of filters) {
      cases.push(['change-sequences', { ...f, limit: 8 }], ['status-flows', f], ['withdrawal-risk-factors', f]);
      for (const by of ['none', 'college']) cases.push(['cohort-outcomes', { ...f, by }]);
      for (const by of ['none', 'cohort']) cases.push(['withdrawal-survival', { ...f, by }]);
      cases.push(['change-rates', { ...f, by: 'college', period: 'term', change_type: null }]);
    }
    for (const by of ['major', 'level']) cases.push(['cohort-outcomes', { ...none, by }], ['withdrawal-survival', { ...none, by }]);
    const groupings = [['none', 'year'], ['change_type', 'term'], ['reason', 'month'], ['college', 'all'], ['major', 'year'], ['level', 'term']];
    for (const [by, period] of groupings) cases.push(['change-rates', { ...none, by, period, change_type: null }]);
    cases.push(['change-rates', { ...none, college, by: 'major', period: 'year', change_type: '休学' }]);
    cases.push(['change-sequences', { ...none, limit: 1000 }]);

    let compared = 0;
    for (const [name, params] of cases) {
      const detail = await db.query(`metrics/status/${name}`, params as never);
      const rollup = await db.query(`metrics/status/${name}-from-rollup`, params as never);
      expect(rollup, `${name} ${JSON.stringify(params)}`).toEqual(detail);
      expect(detail.length, `${name} ${JSON.stringify(params)}`).toBeGreaterThan(0);
      compared += detail.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('a version without status records', () => {
  it('has the grade rollups but no status rollups: the status routes read the detail', async () => {
    const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
    const tiny = await testApp(archive.dataDir, { auditFile: '/dev/null' });
    try {
      expect(tiny.archive.hasRollup('grade_trends')).toBe(true);
      for (const view of VIEWS) expect(tiny.archive.hasRollup(view), view).toBe(false);
    } finally {
      await tiny.close();
      await archive.cleanup();
    }
  });
});
