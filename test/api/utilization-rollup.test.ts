// The utilization metrics from the request rollups (request_days and request_months: counts per day or
// month and coded value; request_times: each timed request's turnaround) answer exactly what the
// request log answers: every utilization file and its -from-rollup twin are run on the hand-checked
// fixture (blank and spaced values, refused and unfinished requests, an archive without grades) and on
// a generated university, under no filter, date ranges (one day, a year, bounds outside the log,
// ranges starting and ending inside a month, on a month's last or first day), each coded filter and a
// combination, for every dimension — and must agree to the last digit: the twins sum the same integer
// counts and take the quantiles over the same integers. The routes (the forecast's and seasons'
// monthly series included) read the twins.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';
import { sharedArchive } from '../helpers/generated.ts';

type Row = Record<string, unknown>;

const NO_FILTER = { from: null, to: null, category: null, channel: null, purpose: null, requester_type: null };
const DIMENSIONS = ['category', 'purpose', 'requester_type', 'channel', 'channel_group', 'delivery', 'year'];
const FILTERED = ['utilization-summary', 'turnaround-by-dimension', 'requests-by-period', 'requests-by-dimension', 'requests-crosstab', 'monthly-requests', 'data-quality'];

/** Filter sets over the archive's own values: none, date ranges, each coded filter, a combination. */
async function filterSets(app: FastifyInstance): Promise<Row[]> {
  const db = app.archive.db;
  const [{ first_day: first, last_day: last }] = (await db.query('metrics/utilization/request-extent')) as { first_day: string; last_day: string }[];
  const options = (await db.query('metrics/utilization/filter-options')) as { dimension: string; value: string }[];
  const value = (dimension: string, at = 0) => options.filter((option) => option.dimension === dimension)[at]?.value ?? null;
  const year = Number(last.slice(0, 4)) - 1;
  return [
    {},
    { from: first, to: first },
    { from: `${year}-09-01`, to: `${year + 1}-08-31` },
    { from: '1990-01-01', to: '2100-12-31' },
    { to: `${year}-03-15` },
    { from: `${year}-10-17`, to: `${year + 1}-02-03` },
    { from: `${year}-01-31`, to: `${year}-03-01` },
    { from: `${year}-02-01`, to: `${year}-02-28` },
    { category: value('category') },
    { channel: value('channel', 1) },
    { purpose: value('purpose') },
    { requester_type: value('requester_type') },
    { from: `${year - 2}-01-01`, category: value('category'), channel: value('channel') },
    { category: 'no such category' },
  ].map((filters) => ({ ...NO_FILTER, ...filters }));
}

async function expectTwinsAgree(app: FastifyInstance) {
  const db = app.archive.db;
  const both = async (file: string, params: Row) => {
    const label = `${file} ${JSON.stringify(params)}`;
    const detail = await db.query(`metrics/utilization/${file}`, params as never);
    const rollup = await db.query(`metrics/utilization/${file}-from-rollup`, params as never);
    expect(rollup, label).toEqual(detail);
    return detail;
  };
  expect((await both('filter-options', {})).length).toBeGreaterThan(4);
  expect((await both('request-extent', {}))[0].first_day).not.toBeNull();
  let answered = 0;
  for (const filters of await filterSets(app)) {
    for (const file of FILTERED) {
      const variants =
        file === 'requests-by-period'
          ? ['month', 'quarter', 'year'].map((period) => ({ period }))
          : file === 'requests-by-dimension' || file === 'turnaround-by-dimension'
            ? DIMENSIONS.map((by) => ({ by }))
            : file === 'requests-crosstab'
              ? [{ rows: 'purpose', cols: 'requester_type' }, { rows: 'year', cols: 'channel_group' }, { rows: 'delivery', cols: 'category' }]
              : [{}];
      for (const variant of variants) answered += (await both(file, { ...filters, ...variant })).length;
    }
  }
  return answered;
}

describe('request rollups on the hand-checked fixture (no grades)', () => {
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const archive = await archiveFrom(path.join(SAMPLES, 'utilization-fixture'));
    cleanup = archive.cleanup;
    app = await testApp(archive.dataDir, { auditFile: '/dev/null' });
  });

  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it('are built for an archive without grades', () => {
    expect(app.archive.hasRollup('request_days')).toBe(true);
    expect(app.archive.hasRollup('request_times')).toBe(true);
    expect(app.archive.hasRollup('grade_trends')).toBe(false);
  });

  it('give the log’s answer to every utilization question', async () => {
    expect(await expectTwinsAgree(app)).toBeGreaterThan(300);
  });
});

describe('request rollups on a generated university', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await testApp(await sharedArchive(), { auditFile: '/dev/null' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('are compared over a log of more than 10,000 requests', async () => {
    const [counts] = (await app.archive.db.query('metrics/utilization/utilization-summary', NO_FILTER)) as { requests: number; completed: number }[];
    const [rollup] = (await app.archive.db.query('metrics/utilization/utilization-summary-from-rollup', NO_FILTER)) as { requests: number; completed: number }[];
    expect(rollup.requests).toBe(counts.requests);
    expect(counts.requests).toBeGreaterThan(10_000);
    expect(rollup.completed).toBeGreaterThan(counts.requests * 0.8);
  });

  it('give the log’s answer to every utilization question', async () => {
    expect(await expectTwinsAgree(app)).toBeGreaterThan(1000);
  });

  it('are what the routes read', async () => {
    const archivist = await signIn(app, 'archivist');
    const query = vi.spyOn(app.archive.db, 'query');
    try {
      for (const route of ['summary', 'timeseries', 'breakdown', 'crosstab', 'service', 'seasonality', 'forecast', 'quality', 'options']) {
        const search = route === 'options' ? '' : '?from=2020-01-01';
        const response = await app.inject({ url: `/api/utilization/${route}${search}`, headers: archivist.headers });
        expect(response.statusCode, route).toBe(200);
      }
      const files = query.mock.calls.map((call) => call[0] as string).filter((file) => file.startsWith('metrics/utilization/'));
      expect(files.length).toBeGreaterThanOrEqual(9);
      expect(files.filter((file) => !file.endsWith('-from-rollup'))).toEqual([]);
    } finally {
      query.mockRestore();
    }
  });
});
