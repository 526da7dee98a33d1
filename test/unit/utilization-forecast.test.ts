// The statistics behind the utilization forecast and seasonal profile, on series small enough to work
// out by hand (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import { fitHoltWinters, forecastHoltWinters, gridSearchHoltWinters } from '../../analytics/mining/holt-winters.ts';
import {
  meanAbsolutePercentageError,
  relativeErrorInterval,
  relativeErrors,
  seasonalNaiveForecast,
  Z_80,
  Z_95,
} from '../../analytics/mining/forecast-accuracy.ts';
import { seasonalIndexByCycle } from '../../analytics/mining/seasonal-profile.ts';
import { addMonths, buildMonthlySeries, firstWorkingDay, lastWorkingDay } from '../../analytics/metrics/utilization/monthly-series.ts';
import { forecastRequests, MINIMUM_MONTHS } from '../../analytics/metrics/utilization/request-forecast.ts';
import { seasonalMonths } from '../../analytics/metrics/utilization/seasonal-months.ts';

describe('Holt–Winters', () => {
  // y = 14.5 + t + s(t mod 2), s = (−4.5, +4.5): level, trend and season exactly.
  // Initial state: season means 15 and 17 → trend (17 − 15)/2 = 1; level 15 − 1.5·1 = 13.5;
  // seasonals 10 − 14.5 = −4.5 and 20 − 15.5 = 4.5.
  const exact = [10, 20, 12, 22, 14, 24];

  it('fits a series that is exactly level + trend + season without error, whatever the parameters', () => {
    for (const [alpha, beta, gamma] of [[0.2, 0.1, 0.3], [0.9, 0.5, 0.9], [0.05, 0, 0.05]]) {
      const fit = fitHoltWinters(exact, { seasonality: 'additive', period: 2, alpha, beta, gamma });
      fit.fitted.forEach((value, t) => expect(value).toBeCloseTo(exact[t], 10));
      expect(fit.sse).toBeLessThan(1e-20);
      // t = 6, 7, 8: 14.5 + t + s
      forecastHoltWinters(fit, 3).forEach((value, h) => expect(value).toBeCloseTo([16, 26, 18][h], 10));
    }
  });

  it('updates level, trend and season additively as FPP §7.3 writes them', () => {
    // After t = 3 (exact): level 17.5, trend 1, seasonals (−4.5, 4.5). t = 4, y = 20, α = β = γ = 0.5:
    //   prediction 17.5 + 1 − 4.5 = 14, error 6 → SSE 36
    //   level  0.5·(20 + 4.5) + 0.5·18.5 = 21.5
    //   trend  0.5·(21.5 − 17.5) + 0.5·1 = 2.5
    //   season 0.5·(20 − 18.5) + 0.5·(−4.5) = −1.5
    // forecasts: 21.5 + 2.5 + 4.5 = 28.5, then 21.5 + 5 − 1.5 = 25.
    const fit = fitHoltWinters([10, 20, 12, 22, 20], { seasonality: 'additive', period: 2, alpha: 0.5, beta: 0.5, gamma: 0.5 });
    expect(fit.fitted[4]).toBeCloseTo(14, 12);
    expect(fit.sse).toBeCloseTo(36, 12);
    expect(fit.level).toBeCloseTo(21.5, 12);
    expect(fit.trend).toBeCloseTo(2.5, 12);
    expect(fit.seasonals).toEqual([-1.5, 4.5]);
    expect(forecastHoltWinters(fit, 2).map((v) => Number(v.toFixed(10)))).toEqual([28.5, 25]);
  });

  it('updates them multiplicatively', () => {
    // Season means 10 and 10 → trend 0, level 10, seasonals 0.5 and 1.5; exact through t = 3.
    // t = 4, y = 10: prediction 10·0.5 = 5, error 5 → SSE 25
    //   level  0.5·(10 / 0.5) + 0.5·10 = 15;  trend 0.5·(15 − 10) = 2.5;  season 0.5·(10/10) + 0.5·0.5 = 0.75
    // forecasts: (15 + 2.5)·1.5 = 26.25, then (15 + 5)·0.75 = 15.
    const fit = fitHoltWinters([5, 15, 5, 15, 10], { seasonality: 'multiplicative', period: 2, alpha: 0.5, beta: 0.5, gamma: 0.5 });
    expect(fit.fitted.slice(0, 4)).toEqual([5, 15, 5, 15]);
    expect(fit.sse).toBeCloseTo(25, 12);
    expect([fit.level, fit.trend]).toEqual([15, 2.5]);
    expect(fit.seasonals).toEqual([0.75, 1.5]);
    expect(forecastHoltWinters(fit, 2)).toEqual([26.25, 15]);
  });

  it('searches the grid for the smallest one-step SSE', () => {
    // The exact additive series has SSE 0 (up to rounding) for every additive parameter set, and more
    // for every multiplicative one (its seasonal swing would have to be a fixed ratio): additive wins.
    const best = gridSearchHoltWinters([...exact, 16, 26], 2);
    expect(best.seasonality).toBe('additive');
    expect(best.sse).toBeLessThan(1e-20);
    // A swing that doubles with the level (5/15, then 10/30) is a fixed ratio: multiplicative wins.
    const ratios = gridSearchHoltWinters([5, 15, 5, 15, 10, 30, 10, 30], 2);
    expect(ratios.seasonality).toBe('multiplicative');
    // A series with a zero cannot be divided by: only additive models are tried.
    expect(gridSearchHoltWinters([0, 10, 2, 12, 4, 14], 2).seasonality).toBe('additive');
  });

  it('refuses a series shorter than two seasons and parameters outside [0, 1]', () => {
    expect(() => fitHoltWinters([1, 2, 3], { seasonality: 'additive', period: 2, alpha: 0.5, beta: 0.5, gamma: 0.5 })).toThrow(/at least 4/);
    expect(() => fitHoltWinters(exact, { seasonality: 'additive', period: 2, alpha: 1.5, beta: 0.5, gamma: 0.5 })).toThrow(/alpha/);
  });
});

describe('forecast accuracy', () => {
  it('computes MAPE over the periods with a positive actual value', () => {
    // |100−110|/100 = 0.1, |200−180|/200 = 0.1, the 0 left out, |50−50|/50 = 0 → 100·0.2/3
    const result = meanAbsolutePercentageError([100, 200, 0, 50], [110, 180, 5, 50]);
    expect(result.n).toBe(3);
    expect(result.mape).toBeCloseTo(20 / 3, 12);
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toEqual({ mape: null, n: 0 });
  });

  it('forecasts each month as the same month a year before', () => {
    const history = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(seasonalNaiveForecast(history, 12, 12)).toEqual([19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(seasonalNaiveForecast([1, 2, 3], 5, 3)).toEqual([1, 2, 3, 1, 2]);
  });

  it('turns relative errors into a band around the point', () => {
    // (110 − 100)/100 = 0.1, (90 − 100)/100 = −0.1; a zero forecast gives no relative error.
    const errors = relativeErrors([110, 90, 5], [100, 100, 0]);
    expect(errors.map((e) => Number(e.toFixed(12)))).toEqual([0.1, -0.1]);
    // RMS 0.1; z = 1.2816 (80 %), 1.9600 (95 %) from the normal table.
    const band80 = relativeErrorInterval(100, errors, Z_80);
    expect(band80.lower).toBeCloseTo(100 * (1 - 0.12816), 3);
    expect(band80.upper).toBeCloseTo(100 * (1 + 0.12816), 3);
    const band95 = relativeErrorInterval(100, errors, Z_95);
    expect(band95.lower).toBeCloseTo(80.4, 3);
    expect(band95.upper).toBeCloseTo(119.6, 3);
    expect(relativeErrorInterval(10, [1, -1], Z_95).lower).toBe(0); // never below zero requests
  });
});

describe('seasonal index by cycle', () => {
  it('pools each position’s values over the complete cycles against their mean', () => {
    // Season 4, y[0] at position 3, cycles starting at position 1: t = 2 … 9 are two cycles,
    // (2, 3, 6, 2) and (4, 6, 12, 7) at positions 1, 2, 3, 0. Totals: pos0 2+7 = 9, pos1 2+4 = 6,
    // pos2 3+6 = 9, pos3 6+12 = 18; all 42, pooled mean month 42/4 = 10.5.
    const profile = seasonalIndexByCycle([9, 1, 2, 3, 6, 2, 4, 6, 12, 7], 4, 3, 1)!;
    expect(profile).toMatchObject({ cycles: 2, first: 2, last: 9, totals: [9, 6, 9, 18] });
    [6 / 7, 4 / 7, 6 / 7, 12 / 7].forEach((expected, i) => expect(profile.index[i]).toBeCloseTo(expected, 12));
  });

  it('has nothing to say without a complete cycle', () => {
    expect(seasonalIndexByCycle([1, 2, 3], 4, 0, 0)).toBeNull();
    expect(seasonalIndexByCycle([0, 0, 0, 0], 4, 0, 0)).toBeNull();
  });
});

describe('the monthly series', () => {
  it('knows the first and last working day of a month', () => {
    expect(firstWorkingDay(2023, 6).toISOString().slice(0, 10)).toBe('2023-06-01'); // a Thursday
    expect(firstWorkingDay(2023, 7).toISOString().slice(0, 10)).toBe('2023-07-03'); // the 1st is a Saturday
    expect(lastWorkingDay(2024, 6).toISOString().slice(0, 10)).toBe('2024-06-28'); // the 30th is a Sunday
    expect(lastWorkingDay(2024, 12).toISOString().slice(0, 10)).toBe('2024-12-31');
    expect([addMonths('2024-11', 2), addMonths('2024-01', -1), addMonths('2024-05', 0)]).toEqual(['2025-01', '2023-12', '2024-05']);
  });

  it('fills months without requests with 0 and leaves out incomplete months at either end', () => {
    const counts = [
      { month: '2024-01-01', requests: 5 },
      { month: '2024-03-01', requests: 2 },
    ];
    expect(buildMonthlySeries(counts, { first: '2024-01-01', last: '2024-03-29' })).toEqual({
      months: ['2024-01', '2024-02', '2024-03'],
      values: [5, 0, 2],
      partial: [],
    });
    // 2 January is after the first working day (Monday the 1st); 28 March before the last (Friday the 29th).
    expect(buildMonthlySeries(counts, { first: '2024-01-02', last: '2024-03-28' })).toEqual({
      months: ['2024-02'],
      values: [0],
      partial: ['2024-01', '2024-03'],
    });
    // A log starting on Saturday 1 July 2023 covers July's first working day (Monday the 3rd).
    expect(buildMonthlySeries([], { first: '2023-07-01', last: '2023-07-31' }).months).toEqual(['2023-07']);
    expect(buildMonthlySeries(counts, null).months).toEqual([]);
  });
});

describe('the request forecast', () => {
  // y = 100 + 2t + s(t mod 12), the seasonal terms adding up to 0: an exact additive series.
  const season = [-20, -30, 0, 5, 10, 40, 35, -10, 15, 25, 20, -90];
  const value = (t: number) => 100 + 2 * t + season[t % 12];
  const months = Array.from({ length: 48 }, (_, t) => addMonths('2021-01', t));
  const series = { months, values: months.map((_, t) => value(t)), partial: [] };

  it('backtests on the last 12 months, beside the seasonal naive forecast', () => {
    const result = forecastRequests(series, 12);
    expect(result.shortfall).toBeNull();
    expect(result.model).toMatchObject({ method: 'holt-winters', seasonality: 'additive', trained_from: '2021-01', trained_to: '2024-12' });
    // Holt–Winters recovers the exact series: no error. The naive forecast is a year behind the trend:
    // y(t) − y(t − 12) = 24, so its error in month t is 24 / y(t).
    const expectedNaive = (100 / 12) * Array.from({ length: 12 }, (_, i) => 24 / value(36 + i)).reduce((a, b) => a + b, 0);
    expect(result.backtest).toMatchObject({ from: '2024-01', to: '2024-12', months: 12, mape: 0 });
    expect(result.backtest!.naive_mape).toBeCloseTo(expectedNaive, 3);
    expect(result.history[36]).toMatchObject({ month: '2024-01', requests: value(36), backtest: value(36), naive: value(24) });
    expect(result.history[35]).toMatchObject({ backtest: null, naive: null });
    expect(result.history[11].fitted).toBeNull(); // the first season only initialises
    expect(result.history[12].fitted).toBe(value(12));
  });

  it('forecasts the next months, with a band as wide as the backtest’s errors (none here)', () => {
    const result = forecastRequests(series, 6);
    expect(result.forecast.map((f) => f.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    result.forecast.forEach((f, h) => {
      expect(f.forecast).toBeCloseTo(value(48 + h), 3);
      expect(f.lower80).toBe(f.forecast);
      expect(f.upper95).toBe(f.forecast);
    });
  });

  it('says how many complete months it lacks, and refuses a horizon outside 6–12', () => {
    const short = { months: months.slice(0, MINIMUM_MONTHS - 1), values: series.values.slice(0, MINIMUM_MONTHS - 1), partial: [] };
    expect(forecastRequests(short, 12)).toMatchObject({ forecast: [], backtest: null, model: null, shortfall: { months: 35, needed: 36 } });
    expect(() => forecastRequests(series, 13)).toThrow(/6 to 12/);
  });

  it('profiles the seasons over complete academic years', () => {
    // From January 2021, the first September is t = 8; 48 months hold three academic years (t = 8 … 43).
    const profile = seasonalMonths(series);
    expect(profile).toMatchObject({ years: 3, from: '2021-09', to: '2024-08' });
    // Within an academic year the trend adds 2 a month, so the index is not exactly (100 + s)/100;
    // the pooled mean month is the mean of t = 8 … 43: 100 + 2·25.5 = 151.
    const expectedMarch = (value(14) + value(26) + value(38)) / (3 * 151);
    expect(profile.rows[2].index).toBeCloseTo(expectedMarch, 12);
    expect(profile.rows[2]).toMatchObject({ month: 3, requests: value(14) + value(26) + value(38) });
  });
});
