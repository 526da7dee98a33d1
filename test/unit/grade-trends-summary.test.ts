// The grades page's key figures, computed by hand on four rows (one suppressed).
import { describe, expect, it } from 'vitest';
import { summarizeTrends } from '../../web/lib/grades/trends.ts';

const row = (entry_year: number, term_index: number, n: number | null, mean: number | null, fail_rate: number | null) => ({
  entry_year,
  term_index,
  n,
  mean,
  median: mean,
  p10: mean,
  p90: mean,
  fail_rate,
});

describe('summarizeTrends', () => {
  it('sums results and weights means and fail rates by n, skipping suppressed cells', () => {
    const summary = summarizeTrends([
      row(2020, 1, 100, 70, 0.1),
      row(2020, 2, 300, 80, 0.05),
      row(2021, 1, 50, 60, 0.2),
      { ...row(2021, 2, null, null, null), suppressed: true },
    ]);
    // results 100 + 300 + 50 = 450; mean (7000 + 24000 + 3000) / 450; fail (10 + 15 + 10) / 450.
    expect(summary.results).toBe(450);
    expect(summary.mean).toBeCloseTo(34000 / 450, 12);
    expect(summary.failRate).toBeCloseTo(35 / 450, 12);
    expect(summary.cohorts).toEqual([2020, 2021]);
    expect(summary.terms).toEqual([1, 2]);
  });

  it('has no mean for an empty answer', () => {
    expect(summarizeTrends([])).toMatchObject({ results: 0, mean: null, failRate: null, cohorts: [] });
  });
});
