// The utilization routes on the hand-checked utilization-fixture package (its README shows every figure's
// arithmetic). The expected values were worked out by hand, not by running the queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let dataDir: string;
let cleanup: () => Promise<void>;
let archivist: Session;
let leader: Session;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'utilization-fixture'));
  dataDir = archive.dataDir;
  cleanup = archive.cleanup;
  app = await testApp(dataDir);
  // 档案馆 sees utilization unsuppressed; the leader sees it suppressed.
  archivist = await signIn(app, 'archivist');
  leader = await signIn(app, 'leader');
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

type Row = Record<string, unknown>;

async function get(route: string, query: Record<string, string> = {}, who: Session = archivist) {
  const search = new URLSearchParams(query).toString();
  const response = await app.inject({ url: `/api/utilization/${route}${search ? `?${search}` : ''}`, headers: who.headers });
  return { status: response.statusCode, body: response.json() as { rows: Row[]; [key: string]: unknown } };
}

const byValue = (rows: Row[], key = 'value') => new Map(rows.map((row) => [row[key] as string | null, row]));

describe('GET /api/utilization/summary', () => {
  it('counts requests, 卷次 and pages, the 学籍 and channel shares and the turnaround', async () => {
    const { status, body } = await get('summary');
    expect(status).toBe(200);
    expect(body.version).toMatch(/^v\d{8}T/);
    expect(body.rows).toHaveLength(1);
    const [s] = body.rows;
    expect(s).toMatchObject({
      requests: 24,
      items: 32,
      pages: 168,
      student_record_requests: 19,
      completed: 21,
      median_hours: 23,
      p90_hours: 96,
      first_day: '2023-06-05',
      last_day: '2024-12-02',
    });
    expect(s.student_record_share).toBeCloseTo(19 / 22, 12);
    expect(s.onsite_share).toBeCloseTo(10 / 24, 12);
    expect(s.online_share).toBeCloseTo(10 / 24, 12);
    expect(s.within_1wd).toBeCloseTo(16 / 21, 12);
    expect(s.within_3wd).toBeCloseTo(18 / 21, 12);
  });

  it.each([
    [{ channel: '现场' }, 10],
    [{ from: '2024-01-01', category: '学籍' }, 12],
    [{ purpose: '出国留学' }, 6],
    [{ requester_type: '校友' }, 7],
    [{ to: '2023-12-31' }, 10],
    [{ from: '2023-06-06', to: '2023-06-10' }, 2], // U03 (Fri 9th) and U04 (Sat 10th): to is inclusive
  ])('filters %o to %i requests', async (query, requests) => {
    const { body } = await get('summary', query as Record<string, string>);
    expect(body.rows[0].requests).toBe(requests);
  });

  it('gives the on-site channel’s own figures', async () => {
    const { body } = await get('summary', { channel: '现场' });
    expect(body.rows[0]).toMatchObject({ requests: 10, items: 12, pages: 73, onsite_share: 1, median_hours: 0.5, completed: 8 });
    expect(body.rows[0].student_record_share).toBeCloseTo(7 / 9, 12);
  });
});

describe('GET /api/utilization/timeseries', () => {
  it('counts by year with the 学籍, on-site and online shares of each', async () => {
    const { body } = await get('timeseries', { period: 'year' });
    expect(body.rows.map((r) => [r.period, r.period_start, r.year, r.requests, r.items, r.pages])).toEqual([
      ['2023', '2023-01-01', null, 10, 13, 75],
      ['2024', '2024-01-01', null, 14, 19, 93],
    ]);
    const [y2023, y2024] = body.rows;
    expect(y2023.student_record_share).toBeCloseTo(7 / 9, 12);
    expect(y2024.student_record_share).toBeCloseTo(12 / 13, 12);
    expect(y2023.onsite_share).toBeCloseTo(0.6, 12);
    expect(y2023.online_share).toBeCloseTo(0.2, 12);
    expect(y2024.onsite_share).toBeCloseTo(4 / 14, 12);
    expect(y2024.online_share).toBeCloseTo(8 / 14, 12);
  });

  it('counts by quarter', async () => {
    const { body } = await get('timeseries', { period: 'quarter' });
    expect(body.rows.map((r) => [r.period, r.year, r.requests, r.items, r.pages])).toEqual([
      ['2023-Q2', 2023, 4, 5, 15],
      ['2023-Q3', 2023, 2, 4, 35],
      ['2023-Q4', 2023, 4, 4, 25],
      ['2024-Q1', 2024, 4, 4, 11],
      ['2024-Q2', 2024, 4, 8, 49],
      ['2024-Q3', 2024, 2, 2, 6],
      ['2024-Q4', 2024, 4, 5, 27],
    ]);
  });

  it('counts by month (the default), leaving out months without a request', async () => {
    const { body } = await get('timeseries');
    expect(body.rows.map((r) => [r.period, r.requests])).toEqual([
      ['2023-06', 4], ['2023-07', 2], ['2023-10', 2], ['2023-11', 1], ['2023-12', 1],
      ['2024-03', 4], ['2024-04', 1], ['2024-06', 3], ['2024-07', 1], ['2024-09', 1],
      ['2024-10', 1], ['2024-11', 2], ['2024-12', 1],
    ]);
  });
});

describe('GET /api/utilization/breakdown', () => {
  it('breaks down by archive category (the default), the not-recorded ones in a row of their own', async () => {
    const { body } = await get('breakdown');
    expect(body.by).toBe('category');
    const rows = byValue(body.rows);
    expect(rows.get('学籍')).toMatchObject({ requests: 19, items: 21, pages: 66 });
    expect(rows.get('学籍')!.share).toBeCloseTo(19 / 24, 12);
    expect(rows.get('学籍')!.items_share).toBeCloseTo(21 / 32, 12);
    expect(rows.get(null)).toMatchObject({ requests: 2 });
    expect([...rows.keys()].sort()).toEqual([null, '学籍', '教学', '文书', '科研'].sort());
    expect(body.rows[0].value).toBe('学籍'); // largest first
  });

  it('breaks down by purpose and by requester type', async () => {
    const purposes = byValue((await get('breakdown', { by: 'purpose' })).body.rows);
    expect(Object.fromEntries([...purposes].map(([k, v]) => [String(k), v.requests]))).toEqual({
      出国留学: 6, 学历学位认证: 3, 查找: 3, 就业入职: 2, 职称评审: 2, 其他: 2, 考研升学: 2, 公务员政审: 1, 入伍政审: 1, 户籍迁移: 1, null: 1,
    });
    const requesters = byValue((await get('breakdown', { by: 'requester_type' })).body.rows);
    expect(Object.fromEntries([...requesters].map(([k, v]) => [String(k), v.requests]))).toEqual({
      在校生: 8, 校友: 7, 政府机关: 3, 用人单位: 2, 教职工: 2, 校内部门: 2,
    });
  });

  it('groups channels into on-site, online and other', async () => {
    const groups = byValue((await get('breakdown', { by: 'channel_group' })).body.rows);
    expect([...groups].map(([k, v]) => [k, v.requests])).toEqual([
      ['online', 10],
      ['onsite', 10],
      ['other', 4],
    ]);
  });
});

describe('GET /api/utilization/crosstab', () => {
  it('cross-tabulates purpose × requester type by default', async () => {
    const { body } = await get('crosstab');
    expect([body.rows_by, body.cols_by]).toEqual(['purpose', 'requester_type']);
    const cell = (row: string | null, col: string) => body.rows.find((r) => r.row_value === row && r.col_value === col);
    expect(cell('出国留学', '在校生')).toMatchObject({ requests: 3, row_share: 0.5 });
    expect(cell('出国留学', '校友')).toMatchObject({ requests: 3, row_share: 0.5 });
    expect(cell('学历学位认证', '校友')!.requests).toBe(2);
    expect(cell('学历学位认证', '校友')!.row_share).toBeCloseTo(2 / 3, 12);
    expect(cell('学历学位认证', '用人单位')!.requests).toBe(1);
    expect(body.rows.reduce((sum, r) => sum + (r.requests as number), 0)).toBe(24);
  });

  it('refuses the same dimension twice', async () => {
    const { status, body } = await get('crosstab', { rows: 'channel', cols: 'channel' });
    expect(status).toBe(400);
    expect(body.message).toMatch(/two different dimensions/);
  });
});

describe('GET /api/utilization/service', () => {
  it('gives median, P90 and the 1 and 3 working-day shares by channel', async () => {
    const { body } = await get('service');
    expect(body.by).toBe('channel');
    const rows = byValue(body.rows);
    const expected: [string, number, number, number, number, number, number][] = [
      // channel, requests, completed, median, P90, ≤1 wd, ≤3 wd
      ['现场', 10, 8, 0.5, 49.8, 7 / 8, 7 / 8],
      ['移动端', 5, 5, 22, 81.2, 4 / 5, 1],
      ['PC端', 4, 3, 24, 81.6, 2 / 3, 1],
      ['邮寄', 2, 2, 64, 96, 1 / 2, 1 / 2],
      ['委托代办', 2, 2, 117, 157.8, 1 / 2, 1 / 2],
      ['自助终端', 1, 1, 0.25, 0.25, 1, 1],
    ];
    for (const [channel, requests, completed, median, p90, wd1, wd3] of expected) {
      const row = rows.get(channel)!;
      expect(row, channel).toMatchObject({ requests, completed });
      expect(row.median_hours, channel).toBeCloseTo(median, 10);
      expect(row.p90_hours, channel).toBeCloseTo(p90, 10);
      expect(row.within_1wd, channel).toBeCloseTo(wd1, 12);
      expect(row.within_3wd, channel).toBeCloseTo(wd3, 12);
    }
  });

  it('gives them by purpose', async () => {
    const rows = byValue((await get('service', { by: 'purpose' })).body.rows);
    const abroad = rows.get('出国留学')!;
    expect(abroad).toMatchObject({ requests: 6, completed: 6, median_hours: 12, within_3wd: 1 });
    expect(abroad.p90_hours).toBeCloseTo(77.5, 10);
    expect(abroad.within_1wd).toBeCloseTo(5 / 6, 12);
    // 查找: U06 has no time, U22 is open, U17 took 20 minutes.
    expect(rows.get('查找')).toMatchObject({ requests: 3, completed: 1 });
    expect(rows.get('查找')!.median_hours).toBeCloseTo(1 / 3, 12);
  });
});

describe('GET /api/utilization/quality', () => {
  it('counts vague purposes, missing categories and missing completion times', async () => {
    const { body } = await get('quality');
    const rows = byValue(body.rows, 'issue');
    expect(Object.fromEntries([...rows].map(([k, v]) => [k, [v.affected, v.base]]))).toEqual({
      purpose_vague: [6, 24],
      purpose_missing: [1, 24],
      purpose_search: [3, 24],
      purpose_other: [2, 24],
      category_missing: [2, 24],
      completion_missing: [1, 22],
      requester_missing: [0, 24],
      channel_missing: [0, 24],
      status_missing: [0, 24],
    });
    expect(rows.get('purpose_vague')!.share).toBeCloseTo(0.25, 12);
    expect(rows.get('completion_missing')!.share).toBeCloseTo(1 / 22, 12);
  });
});

describe('GET /api/utilization/seasonality and /forecast', () => {
  it('profiles the one complete academic year against its mean month', async () => {
    const { body } = await get('seasonality');
    expect(body).toMatchObject({ years: 1, from: '2023-09', to: '2024-08' });
    const index = Object.fromEntries(body.rows.map((r) => [r.month, r.index as number]));
    expect(index[3]).toBeCloseTo(48 / 13, 12);
    expect(index[6]).toBeCloseTo(36 / 13, 12);
    expect(index[10]).toBeCloseTo(24 / 13, 12);
    for (const month of [4, 7, 11, 12]) expect(index[month]).toBeCloseTo(12 / 13, 12);
    for (const month of [1, 2, 5, 8, 9]) expect(index[month]).toBe(0);
    expect(body.rows.find((r) => r.month === 3)).toMatchObject({ requests: 4, mean_requests: 4 });
  });

  it('leaves out incomplete months and says how many complete ones a forecast needs', async () => {
    const { status, body } = await get('forecast');
    expect(status).toBe(200);
    expect(body.partial).toEqual(['2023-06', '2024-12']);
    expect(body.rows.map((r) => r.month)).toEqual([
      '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03',
      '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11',
    ]);
    expect(body.rows.map((r) => r.requests)).toEqual([2, 0, 0, 2, 1, 1, 0, 0, 4, 1, 0, 3, 1, 0, 1, 1, 2]);
    expect(body).toMatchObject({ forecast: [], backtest: null, model: null, shortfall: { months: 17, needed: 36 } });
  });

  it('counts a month whose last working day is covered as complete', async () => {
    const { body } = await get('forecast', { to: '2024-06-30' });
    expect(body.partial).toEqual(['2023-06']);
    expect(body.rows.map((r) => r.month).at(-1)).toBe('2024-06');
    expect(body.rows).toHaveLength(12);
  });
});

describe('GET /api/utilization/options', () => {
  it('lists the recorded values for the filters and the log’s span', async () => {
    const { body } = await get('options');
    expect(body).toMatchObject({ first_day: '2023-06-05', last_day: '2024-12-02' });
    expect([...(body.categories as string[])].sort()).toEqual(['学籍', '教学', '文书', '科研'].sort());
    expect(body.channels).toHaveLength(6);
    expect(body.requester_types).toHaveLength(6);
    expect(body.purposes).toHaveLength(10); // the empty purpose is not a value to choose
  });
});

describe('bad input', () => {
  it.each([
    ['summary', { from: '2024-02-30' }, /from.*date/],
    ['summary', { from: '2024-06-01', to: '2024-01-01' }, /from \(2024-06-01\) must not be later than to \(2024-01-01\)/],
    ['timeseries', { period: 'week' }, /period.*must be one of month, quarter, year/],
    ['breakdown', { by: 'student_id' }, /by.*must be one of/],
    ['forecast', { horizon: '24' }, /horizon.*<= 12/],
    ['forecast', { horizon: '3' }, /horizon.*>= 6/],
    ['summary', { channel: '' }, /channel/],
  ])('%s?%o is answered 400: %s', async (route, query, message) => {
    const { status, body } = await get(route, query as Record<string, string>);
    expect(status).toBe(400);
    expect(body.message).toMatch(message);
  });
});

describe('small-cell suppression for the leader', () => {
  it('shows the summary (24 requests) and hides the small categories', async () => {
    expect((await get('summary', {}, leader)).body.rows[0]).toMatchObject({ requests: 24, items: 32, median_hours: 23 });
    const { body } = await get('breakdown', {}, leader);
    const rows = byValue(body.rows);
    expect(rows.get('学籍')).toMatchObject({ requests: 19, items: 21 });
    expect(rows.get('学籍')!.suppressed).toBeUndefined();
    for (const value of [null, '文书', '教学', '科研']) {
      expect(rows.get(value)).toMatchObject({ requests: null, items: null, pages: null, share: null, suppressed: true });
    }
    expect(body.suppression).toEqual({ threshold: 10, cells: 4 });
  });

  it('shows the years and hides every month', async () => {
    const years = (await get('timeseries', { period: 'year' }, leader)).body.rows;
    expect(years.map((r) => r.requests)).toEqual([10, 14]);
    const months = (await get('timeseries', {}, leader)).body.rows;
    expect(months.every((r) => r.suppressed === true && r.requests === null)).toBe(true);
    const history = (await get('forecast', {}, leader)).body.rows;
    expect(history.every((r) => r.suppressed === true)).toBe(true);
  });

  it('protects a quarter from its year’s total with a complementary cell in the same year', async () => {
    const loose = await testApp(dataDir, { suppression: { threshold: 3, smallBase: 100 } });
    try {
      const session = await signIn(loose, 'leader');
      const body = (await loose.inject({ url: '/api/utilization/timeseries?period=quarter', headers: session.headers })).json();
      expect(body.rows.map((r: Row) => [r.period, r.requests])).toEqual([
        ['2023-Q2', null], // complementary: the smallest other quarter of 2023 (4, the first of two)
        ['2023-Q3', null], // 2 < 3
        ['2023-Q4', 4],
        ['2024-Q1', null], // complementary
        ['2024-Q2', 4],
        ['2024-Q3', null], // 2 < 3
        ['2024-Q4', 4],
      ]);
      expect(body.suppression).toEqual({ threshold: 3, cells: 4 });
    } finally {
      await loose.close();
    }
  });
});
