// The utilization analytics find what the generator planted (analytics/generator/planted-patterns.ts,
// PLANTED.utilization): the 学籍 share, the monthly seasonality, the shift from on-site to online service;
// and the forecast's backtest is set against the seasonal naive baseline. Shared generated archive
// (4,000 students, seed 42: about 12,600 requests from September 2016 to August 2026).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { linearRegression } from 'simple-statistics';
import { PLANTED } from '../../analytics/generator/planted-patterns.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { sharedArchive } from '../helpers/generated.ts';

const planted = PLANTED.utilization;
let app: FastifyInstance;
let admin: Session;

beforeAll(async () => {
  app = await testApp(await sharedArchive());
  admin = await signIn(app, 'admin'); // unsuppressed
});

afterAll(async () => {
  await app?.close();
});

type Row = Record<string, number | string | null>;
async function get(route: string, query = '') {
  const response = await app.inject({ url: `/api/utilization/${route}${query}`, headers: admin.headers });
  expect(response.statusCode).toBe(200);
  return response.json() as { rows: Row[]; [key: string]: unknown };
}

describe('planted utilization patterns', () => {
  it(`finds the student-record share (planted ${planted.studentRecordShare})`, async () => {
    const [summary] = (await get('summary')).rows;
    const share = summary.student_record_share as number;
    console.log(`学籍 share: ${share.toFixed(4)} of ${summary.requests} requests (planted ${planted.studentRecordShare})`);
    // Binomial standard error at n ≈ 12,600 is 0.003: ±0.015 is five of them.
    expect(Math.abs(share - planted.studentRecordShare)).toBeLessThan(0.015);
    // …and in every full year with enough requests to say so (SE ≤ 0.016 at n ≥ 500).
    for (const year of (await get('timeseries', '?period=year')).rows) {
      if ((year.requests as number) >= 500) expect(Math.abs((year.student_record_share as number) - planted.studentRecordShare), String(year.period)).toBeLessThan(0.05);
    }
  });

  it(`finds the on-site share falling by ${planted.onsiteDeclinePerYear} a year from ${planted.onsiteShareAt2016_5} in mid-2016`, async () => {
    const years = (await get('timeseries', '?period=year')).rows.filter((r) => Number(r.period) >= 2017 && Number(r.period) <= 2025);
    expect(years).toHaveLength(9);
    // A calendar year's share is the planted line at about its middle (year + 0.5).
    const { m, b } = linearRegression(years.map((r) => [Number(r.period) + 0.5, r.onsite_share as number]));
    const at2016_5 = m * 2016.5 + b;
    console.log(
      `on-site share by year: ${years.map((r) => `${r.period} ${(r.onsite_share as number).toFixed(3)}`).join(', ')}; ` +
        `fitted slope ${m.toFixed(4)}/yr (planted −${planted.onsiteDeclinePerYear}), at 2016.5 ${at2016_5.toFixed(3)} (planted ${planted.onsiteShareAt2016_5})`,
    );
    expect(Math.abs(m + planted.onsiteDeclinePerYear)).toBeLessThan(0.01);
    expect(Math.abs(at2016_5 - planted.onsiteShareAt2016_5)).toBeLessThan(0.03);
    // The requests that left the counter went online (PC端, 移动端, 自助终端).
    const [first, last] = [years[0], years[years.length - 1]];
    expect((last.online_share as number) - (first.online_share as number)).toBeGreaterThan(0.4);
  });

  it('finds the monthly seasonality: peaks at graduation and in the study-abroad autumn', async () => {
    const body = await get('seasonality');
    expect(body.years).toBe(10); // 2016-09 … 2026-08
    const meanWeight = planted.monthWeights.reduce((a, b) => a + b, 0) / 12;
    const found = body.rows.map((r) => r.index as number);
    const expected = planted.monthWeights.map((w) => w / meanWeight);
    console.log(`seasonal index, found vs planted: ${found.map((v, i) => `${i + 1}: ${v.toFixed(2)}/${expected[i].toFixed(2)}`).join(', ')}`);
    // Poisson noise on ~400–1,400 requests per calendar month is 3–5 %: within 0.08 of the planted ratio.
    found.forEach((index, i) => expect(Math.abs(index - expected[i]), `month ${i + 1}`).toBeLessThan(0.08));
    const busiest = found.map((v, i) => [v, i + 1] as const).sort((a, b) => b[0] - a[0]).slice(0, 5).map(([, month]) => month);
    expect(busiest.sort((a, b) => a - b)).toEqual([6, 7, 9, 10, 11]);
    expect(found.indexOf(Math.min(...found)) + 1).toBe(2); // February, the winter holiday
  });

  it('forecasts better than the seasonal naive baseline on the held-out year', async () => {
    const body = (await get('forecast')) as unknown as {
      rows: Row[];
      forecast: Row[];
      backtest: { from: string; to: string; mape: number; naive_mape: number; months: number };
      model: Record<string, unknown>;
    };
    console.log(`backtest ${body.backtest.from}…${body.backtest.to}: Holt–Winters MAPE ${body.backtest.mape.toFixed(2)} %, seasonal naive ${body.backtest.naive_mape.toFixed(2)} %; model ${JSON.stringify(body.model)}`);
    expect(body.backtest).toMatchObject({ from: '2025-09', to: '2026-08', months: 12 });
    // The archive grows with every cohort, so "same month last year" lags the trend; Holt–Winters follows it.
    expect(body.backtest.mape).toBeLessThanOrEqual(body.backtest.naive_mape);
    // The backtest MAPE recomputed from the rows it came from.
    const held = body.rows.filter((r) => r.backtest !== null);
    const mape = (100 / held.length) * held.reduce((sum, r) => sum + Math.abs((r.requests as number) - (r.backtest as number)) / (r.requests as number), 0);
    expect(mape).toBeCloseTo(body.backtest.mape, 2);

    expect(body.forecast.map((f) => f.month)).toEqual([
      '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08',
    ]);
    for (const f of body.forecast) {
      expect((f.lower95 as number) <= (f.lower80 as number) && (f.lower80 as number) <= (f.forecast as number)).toBe(true);
      expect((f.forecast as number) <= (f.upper80 as number) && (f.upper80 as number) <= (f.upper95 as number)).toBe(true);
    }
    // The forecast keeps the season: next June above next February.
    const month = (m: string) => body.forecast.find((f) => f.month === m)!.forecast as number;
    expect(month('2027-06')).toBeGreaterThan(2 * month('2027-02'));
  });

  it('serves the counter fastest and the post slowest, and finds the completion times left out', async () => {
    const service = new Map((await get('service')).rows.map((r) => [r.value, r]));
    expect(service.get('现场')!.median_hours as number).toBeLessThan(1);
    expect(service.get('邮寄')!.median_hours as number).toBeGreaterThan(72);
    expect(service.get('邮寄')!.within_1wd as number).toBeLessThan(service.get('现场')!.within_1wd as number);
    const quality = new Map((await get('quality')).rows.map((r) => [r.issue, r]));
    // The generator leaves out 2.5 % of completion times on completed requests.
    expect(quality.get('completion_missing')!.share as number).toBeGreaterThan(0.015);
    expect(quality.get('completion_missing')!.share as number).toBeLessThan(0.035);
    expect(quality.get('purpose_vague')!.share as number).toBeGreaterThan(0.2);
  });
});
