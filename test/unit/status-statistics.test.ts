// The survival and risk statistics of the status area, against published figures and hand arithmetic.
//
// Published: the Freireich et al. (1963) leukaemia remission data as given by Gehan (1965), the
// textbook example of Kaplan–Meier and the log-rank test (Kleinbaum & Klein, Survival Analysis, 3rd
// ed., ch. 2; R: survival::survfit(conf.type = "log-log") and survdiff on the same data give
// S = 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448 with Greenwood SE 0.0764 … 0.1346, and
// "Chisq = 16.8 on 1 degree of freedom, p = 4e-05").
import { describe, expect, it } from 'vitest';
import { kaplanMeier, type LifeTableRow } from '../../analytics/metrics/status/kaplan-meier.ts';
import { logRank } from '../../analytics/metrics/status/log-rank.ts';
import { chiSquareSurvival } from '../../analytics/metrics/status/chi-square.ts';
import { relativeRisk } from '../../analytics/metrics/status/relative-risk.ts';

/** Weeks of remission; a trailing + marks a censored time. */
function lifeTable(times: string): LifeTableRow[] {
  return times.split(/\s+/).map((t) => ({ time: parseFloat(t), events: t.endsWith('+') ? 0 : 1, censored: t.endsWith('+') ? 1 : 0 }));
}
const MP6 = lifeTable('6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+');
const PLACEBO = lifeTable('1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23');

describe('kaplanMeier', () => {
  it('reproduces the published 6-MP curve, Greenwood errors and log-log band', () => {
    const steps = kaplanMeier(MP6).filter((s) => s.events > 0);
    const published = [
      // time, at risk, events, S, SE, lower, upper
      [6, 21, 3, 0.857, 0.0764, 0.62, 0.952],
      [7, 17, 1, 0.807, 0.0869, 0.563, 0.923],
      [10, 15, 1, 0.753, 0.0963, 0.503, 0.889],
      [13, 12, 1, 0.69, 0.1068, 0.432, 0.849],
      [16, 11, 1, 0.627, 0.1141, 0.368, 0.805],
      [22, 7, 1, 0.538, 0.1282, 0.268, 0.747],
      [23, 6, 1, 0.448, 0.1346, 0.188, 0.68],
    ];
    expect(steps).toHaveLength(published.length);
    steps.forEach((step, i) => {
      const [time, atRisk, events, s, se, lower, upper] = published[i];
      expect(step).toMatchObject({ time, atRisk, events });
      expect(step.survival).toBeCloseTo(s, 3);
      expect(step.stdError).toBeCloseTo(se, 4);
      expect(step.lower).toBeCloseTo(lower, 3);
      expect(step.upper).toBeCloseTo(upper, 3);
    });
  });

  it('keeps censored-only times as steps and sums repeated times (hand-computed table)', () => {
    // n = 10. t1: 1 event → S = 9/10, Greenwood Σ = 1/(10·9) = 1/90. t2: 2 censored, S unchanged.
    // t3: n = 7, 2 events → S = 0.9 · 5/7 = 0.642857, Σ = 1/90 + 2/(7·5) = 0.068254.
    // t5: n = 4, 1 event → S = 0.642857 · 3/4 = 0.482143, Σ = 0.068254 + 1/12 = 0.151587.
    const rows = [
      { time: 3, events: 1, censored: 1 },
      { time: 1, events: 1, censored: 0 },
      { time: 2, events: 0, censored: 2 },
      { time: 3, events: 1, censored: 0 },
      { time: 5, events: 1, censored: 3 },
      { time: 4, events: 0, censored: 0 },
    ];
    const steps = kaplanMeier(rows);
    expect(steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [1, 10, 1, 0],
      [2, 9, 0, 2],
      [3, 7, 2, 1],
      [5, 4, 1, 3],
    ]);
    expect(steps[1].survival).toBeCloseTo(0.9, 12);
    expect(steps[2].survival).toBeCloseTo(0.642857142857, 10);
    expect(steps[2].stdError).toBeCloseTo(0.642857142857 * Math.sqrt(0.068253968254), 10);
    expect(steps[3].survival).toBeCloseTo(0.482142857143, 10);
    expect(steps[3].stdError).toBeCloseTo(0.482142857143 * Math.sqrt(0.151587301587), 10);
    // log-log band at t1: log(−log 0.9) = −2.250367, σ = √(1/90) / 0.1053605 = 1.000462;
    // exp(−exp(−2.250367 ± 1.959964 · 1.000462)) = 0.473009, 0.985281.
    expect(steps[0].lower).toBeCloseTo(0.473009, 5);
    expect(steps[0].upper).toBeCloseTo(0.985281, 5);
  });

  it('gives a band of 1 before the first event and 0 once everyone has had it', () => {
    const steps = kaplanMeier([
      { time: 1, events: 0, censored: 1 },
      { time: 2, events: 2, censored: 0 },
    ]);
    expect(steps[0]).toMatchObject({ survival: 1, lower: 1, upper: 1, stdError: 0 });
    expect(steps[1]).toMatchObject({ survival: 0, lower: 0, upper: 0 });
    expect(kaplanMeier([])).toEqual([]);
  });
});

describe('logRank', () => {
  it('reproduces the published 6-MP against placebo test: χ² = 16.8, df 1, p = 4e-05', () => {
    const result = logRank([MP6, PLACEBO])!;
    expect(result.df).toBe(1);
    expect(result.chiSquare).toBeCloseTo(16.79, 1);
    expect(result.pValue).toBeGreaterThan(3.5e-5);
    expect(result.pValue).toBeLessThan(4.5e-5);
    // Observed and expected as survdiff prints them: 6-MP 9 vs 19.3, placebo 21 vs 10.7.
    expect(result.groups.map((g) => [g.n, g.observed])).toEqual([
      [21, 9],
      [21, 21],
    ]);
    expect(result.groups[0].expected).toBeCloseTo(19.25, 1);
    expect(result.groups[1].expected).toBeCloseTo(10.75, 1);
  });

  it('matches a two-group test worked by hand', () => {
    // A: events at t1 and t2, 2 censored at t3; B: 1 event and 1 censored at t2, 2 censored at t3.
    // t1: n = 8 (4 + 4), d = 1: E_A = 4/8 = 0.5, V = 1·7/7 · 4/8 · 4/8 = 0.25.
    // t2: n = 7 (3 + 4), d = 2: E_A = 2·3/7 = 0.857143, V = 2·5/6 · 3/7 · 4/7 = 0.408163.
    // O_A = 2, E_A = 1.357143, V = 0.658163: χ² = 0.642857² / 0.658163 = 0.627907; p = erfc(√(χ²/2)) = 0.428124.
    const a = [
      { time: 1, events: 1, censored: 0 },
      { time: 2, events: 1, censored: 0 },
      { time: 3, events: 0, censored: 2 },
    ];
    const b = [
      { time: 2, events: 1, censored: 1 },
      { time: 3, events: 0, censored: 2 },
    ];
    const result = logRank([a, b])!;
    expect(result.groups[0].expected).toBeCloseTo(1.357143, 6);
    expect(result.chiSquare).toBeCloseTo(0.627907, 6);
    expect(result.pValue).toBeCloseTo(0.428124, 6);
  });

  it('tests k groups with k − 1 degrees of freedom, whatever their order', () => {
    const third = lifeTable('3 5 7 9+ 12 15 18+ 21 30+');
    const one = logRank([MP6, PLACEBO, third])!;
    const other = logRank([third, MP6, PLACEBO])!;
    expect(one.df).toBe(2);
    expect(one.chiSquare).toBeCloseTo(other.chiSquare, 8);
    expect(one.pValue).toBeCloseTo(chiSquareSurvival(one.chiSquare, 2), 12);
  });

  it('answers null without two non-empty groups or without any event', () => {
    expect(logRank([MP6])).toBeNull();
    expect(logRank([MP6, []])).toBeNull();
    expect(logRank([lifeTable('3+ 4+'), lifeTable('5+')])).toBeNull();
  });
});

describe('chiSquareSurvival', () => {
  it.each([
    // critical values from published chi-square tables (p = 0.05, 0.01, 0.001)
    [3.841459, 1, 0.05],
    [6.634897, 1, 0.01],
    [5.991465, 2, 0.05],
    [7.814728, 3, 0.05],
    [18.307038, 10, 0.05],
    [29.588298, 10, 0.001],
  ])('P(χ² ≥ %f; df %i) = %f', (x, df, p) => {
    expect(chiSquareSurvival(x, df)).toBeCloseTo(p, 6);
  });

  it('follows the closed forms: df 2 → e^(−x/2), and 1 at x = 0', () => {
    expect(chiSquareSurvival(4, 2)).toBeCloseTo(Math.exp(-2), 12);
    expect(chiSquareSurvival(0.3, 2)).toBeCloseTo(Math.exp(-0.15), 12);
    expect(chiSquareSurvival(0, 5)).toBe(1);
    expect(chiSquareSurvival(Infinity, 1)).toBe(0);
  });
});

describe('relativeRisk (Katz log interval)', () => {
  it('matches hand arithmetic: 10/100 against 5/100', () => {
    // RR = 0.10 / 0.05 = 2; SE(ln RR) = √(1/10 − 1/100 + 1/5 − 1/100) = √0.28 = 0.529150;
    // CI = 2 · exp(∓1.959964 · 0.529150) = 0.708951, 5.642136.
    const result = relativeRisk(10, 100, 5, 100)!;
    expect(result.rr).toBe(2);
    expect(result.lower).toBeCloseTo(0.708951, 6);
    expect(result.upper).toBeCloseTo(5.642136, 5);
    expect(result.corrected).toBe(false);
  });

  it('adds 0.5 to every cell when a count is zero (Haldane–Anscombe)', () => {
    // 0/50 against 5/100 → 0.5/51 against 5.5/101: RR = 0.180036, SE = √(1/0.5 − 1/51 + 1/5.5 − 1/101)
    // = 1.467075; CI = 0.010153, 3.192531.
    const result = relativeRisk(0, 50, 5, 100)!;
    expect(result.corrected).toBe(true);
    expect(result.rr).toBeCloseTo(0.180036, 6);
    expect(result.lower).toBeCloseTo(0.010153, 6);
    expect(result.upper).toBeCloseTo(3.192531, 6);
  });

  it('answers null for an empty group or impossible counts', () => {
    expect(relativeRisk(1, 0, 1, 10)).toBeNull();
    expect(relativeRisk(11, 10, 1, 10)).toBeNull();
  });
});
