// The shared statistics (analytics/metrics/statistics.ts) against published values: printed t and
// normal tables, Newcombe's (1998) Wilson intervals, R's Welch test on the `sleep` data, the
// Benjamini–Hochberg (1995) example, and small cases worked by hand.
import { describe, expect, it } from 'vitest';
import {
  cohensD,
  effectSize,
  incompleteBeta,
  leaveOneOutZ,
  linearTrend,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  twoProportionTest,
  welchTest,
  wilsonInterval,
} from '../../analytics/metrics/statistics.ts';
import { benjaminiHochberg } from '../../analytics/metrics/grades/course-difficulty.ts';

describe('distributions', () => {
  it('gives the normal quantiles of the printed table', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it.each([
    [1, 12.706205],
    [5, 2.570582],
    [10, 2.228139],
    [30, 2.042272],
    [120, 1.97993],
  ])('gives t(0.975, %i df) = %f as in the printed t table', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 5);
    expect(studentTCdf(t, df)).toBeCloseTo(0.975, 7);
  });

  it('computes the regularized incomplete beta and the t cdf', () => {
    // I_0.5(2, 3) = Σ_{j=2..4} C(4, j) / 16 = (6 + 4 + 1) / 16.
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(studentTCdf(2, 5)).toBeCloseTo(0.94903026, 7);
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-2, 5)).toBeCloseTo(1 - 0.94903026, 7);
  });
});

describe('wilsonInterval', () => {
  // Newcombe, Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → %f to %f', (x, n, low, high) => {
    const interval = wilsonInterval(x, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('has no interval without results', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('welchTest and cohensD', () => {
  // R: t.test(extra ~ group, data = sleep) → t = −1.8608, df = 17.776, p = 0.07939,
  // 95% CI −3.3654832 to 0.2054832 (group 1 − group 2); means 0.75 and 2.33, variances 3.200556, 4.009.
  const one = { n: 10, mean: 0.75, variance: 3.2005555555555554 };
  const two = { n: 10, mean: 2.33, variance: 4.009 };

  it('reproduces R’s Welch test on the sleep data', () => {
    const result = welchTest(two, one)!; // b − a = group 1 − group 2, as R reports it
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.p).toBeCloseTo(0.07939, 5);
    expect(result.low).toBeCloseTo(-3.3654832, 6);
    expect(result.high).toBeCloseTo(0.2054832, 6);
    expect(result.difference).toBeCloseTo(-1.58, 12);
  });

  it('gives Cohen’s d with the pooled standard deviation', () => {
    // s_p = √((9·3.200556 + 9·4.009)/18) = √3.604778 = 1.898625; d = 1.58 / 1.898625.
    expect(cohensD(one, two)).toBeCloseTo(1.58 / Math.sqrt((3.2005555555555554 + 4.009) / 2), 12);
    expect(effectSize(0.83)).toBe('large');
    expect(effectSize(-0.5)).toBe('medium');
    expect(effectSize(0.19)).toBe('negligible');
    expect(effectSize(0.2)).toBe('small');
  });

  it('declines sides too small or without spread', () => {
    expect(welchTest({ n: 1, mean: 3, variance: 0 }, two)).toBeNull();
    expect(welchTest({ n: 5, mean: 3, variance: 0 }, { n: 5, mean: 4, variance: 0 })).toBeNull();
    expect(cohensD({ n: 1, mean: 3, variance: 0 }, { n: 1, mean: 4, variance: 0 })).toBeNull();
  });
});

describe('linearTrend', () => {
  it('fits three points by hand (grades-fixture, 理学院: 60, 67, 80 in 2020–2022)', () => {
    const trend = linearTrend([
      { x: 2020, y: 60 },
      { x: 2021, y: 67 },
      { x: 2022, y: 80 },
    ])!;
    // Sxy 20, Sxx 2 → slope 10; residuals 1, −2, 1 → SSE 6, SST 206; se √(6/1/2); t(0.975, 1) 12.706205.
    expect(trend.slope).toBeCloseTo(10, 10);
    expect(trend.intercept).toBeCloseTo(69 - 10 * 2021, 6);
    expect(trend.r2).toBeCloseTo(1 - 6 / 206, 10);
    expect(trend.se).toBeCloseTo(Math.sqrt(3), 10);
    expect(trend.low).toBeCloseTo(10 - 12.706205 * Math.sqrt(3), 4);
    expect(trend.high).toBeCloseTo(10 + 12.706205 * Math.sqrt(3), 4);
  });

  it('has no interval from two points and no line from one', () => {
    const two = linearTrend([
      { x: 1, y: 2 },
      { x: 2, y: 5 },
    ])!;
    expect(two).toMatchObject({ n: 2, slope: 3, se: null, low: null, high: null });
    expect(linearTrend([{ x: 1, y: 2 }])).toBeNull();
    expect(linearTrend([{ x: 1, y: 2 }, { x: 1, y: 3 }])).toBeNull();
  });
});

describe('twoProportionTest', () => {
  it('tests 2 of 4 against 1 of 3 as worked in grades-fixture', () => {
    // pooled 3/7; se √(3/7 · 4/7 · (1/4 + 1/3)) = 0.377964; z = (1/3 − 1/2)/se = −0.440959.
    const test = twoProportionTest(2, 4, 1, 3)!;
    expect(test.difference).toBeCloseTo(-1 / 6, 12);
    expect(test.z).toBeCloseTo(-0.440959, 6);
    expect(test.p).toBeCloseTo(0.659243, 6);
    expect(twoProportionTest(0, 5, 0, 5)).toEqual({ difference: 0, z: 0, p: 1 });
    expect(twoProportionTest(0, 0, 1, 3)).toBeNull();
  });
});

describe('benjaminiHochberg', () => {
  it('rejects the first four of Benjamini and Hochberg’s (1995) fifteen p-values at 0.05', () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const q = benjaminiHochberg(p);
    expect(q.map((value) => value < 0.05)).toEqual([true, true, true, true, ...new Array(11).fill(false)]);
    // q(4) = min over j ≥ 4 of p_j·15/j: 0.0095·15/4 = 0.035625 is the smallest.
    expect(q[3]).toBeCloseTo(0.035625, 10);
  });

  it('keeps the input order and a running minimum', () => {
    // grades-fixture: 0.659243 (M1), 0.349575 (M2), 0.291841 (L1) → 0.659243, 0.5243625, 0.5243625.
    const q = benjaminiHochberg([0.659243, 0.349575, 0.291841]);
    expect(q[0]).toBeCloseTo(0.659243, 6);
    expect(q[1]).toBeCloseTo(0.5243625, 10); // 0.349575 · 3/2
    expect(q[2]).toBeCloseTo(0.5243625, 10); // min(0.291841 · 3, 0.5243625)
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('leaveOneOutZ', () => {
  it('measures each value against the others', () => {
    // 0.3 against 0.1, 0.2, 0.3: mean 0.2, sd 0.1 → 1; fewer than three others → null.
    const z = leaveOneOutZ([0.1, 0.2, 0.3, 0.3]);
    expect(z[3]).toBeCloseTo((0.3 - 0.2) / 0.1, 10);
    expect(z[0]).toBeCloseTo((0.1 - 0.8 / 3) / Math.sqrt(((0.2 - 0.8 / 3) ** 2 + 2 * (0.3 - 0.8 / 3) ** 2) / 2), 10);
    expect(leaveOneOutZ([0.1, 0.2, 0.3])).toEqual([null, null, null]);
    expect(leaveOneOutZ([0.5, 0.2, 0.2, 0.2])[0]).toBeNull(); // the others do not vary
  });
});
