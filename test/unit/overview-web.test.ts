// The overview page's pure builders (web/lib/overview/key-figures.ts) on hand-made answers.
import { describe, expect, it } from 'vitest';
import type { OverviewMeasureInfo, OverviewPoint } from '../../web/lib/api.ts';
import { sparklinePoints, summarizeFigures, trendOption } from '../../web/lib/overview/key-figures.ts';

const enrolled: OverviewMeasureInfo = { measure: 'students_enrolled', basis: 'academic_year', unit: 'students', link: '/status' };
const retention: OverviewMeasureInfo = { measure: 'retention_first_year', basis: 'cohort', unit: 'share', link: '/status?outcome_measure=retention' };

const point = (measure: OverviewPoint['measure'], year: number, value: number | null, suppressed = false): OverviewPoint => ({ measure, year, value, n: value === null ? null : 100, ...(suppressed ? { suppressed } : {}) });

describe('summarizeFigures', () => {
  it('takes the latest visible point and the year before it, and their change', () => {
    const [summary] = summarizeFigures({
      measures: [enrolled],
      rows: [point('students_enrolled', 2024, 1000), point('students_enrolled', 2022, 900), point('students_enrolled', 2023, 960)],
    });
    expect(summary.latest).toMatchObject({ year: 2024, value: 1000 });
    expect(summary.previous).toMatchObject({ year: 2023, value: 960 });
    expect(summary.change).toBe(40);
    expect(summary.relativeChange).toBeCloseTo(40 / 960, 12); // +4.2 %
    expect(summary.series.map((p) => p.year)).toEqual([2022, 2023, 2024]);
  });

  it('shows no change when the year before is hidden, rather than one against an older year', () => {
    const [summary] = summarizeFigures({
      measures: [retention],
      rows: [point('retention_first_year', 2019, 0.9), point('retention_first_year', 2020, null, true), point('retention_first_year', 2021, 0.95)],
    });
    expect(summary.latest).toMatchObject({ year: 2021, value: 0.95 });
    expect(summary.previous).toBeNull();
    expect(summary.change).toBeNull();
    expect(summary.relativeChange).toBeNull(); // shares change in points, never relative
  });

  it('skips a hidden latest point', () => {
    const [summary] = summarizeFigures({
      measures: [retention],
      rows: [point('retention_first_year', 2019, 0.8), point('retention_first_year', 2020, 0.85), point('retention_first_year', 2021, null, true)],
    });
    expect(summary.latest).toMatchObject({ year: 2020 });
    expect(summary.change).toBeCloseTo(0.05, 12);
  });
});

describe('sparklinePoints', () => {
  it('maps years to x and values to y (high values at the top) inside the padding', () => {
    // 100 × 28 box, padding 2: x from 2 to 98, y from 26 (lowest) to 2 (highest).
    expect(sparklinePoints([{ year: 2020, value: 10 }, { year: 2021, value: 30 }, { year: 2022, value: 20 }], 100, 28)).toBe('2.0,26.0 50.0,2.0 98.0,14.0');
  });

  it('draws a flat series in the middle, and nothing for one point', () => {
    expect(sparklinePoints([{ year: 2020, value: 5 }, { year: 2021, value: 5 }], 100, 28)).toBe('2.0,14.0 98.0,14.0');
    expect(sparklinePoints([{ year: 2020, value: 5 }], 100, 28)).toBe('');
  });
});

describe('trendOption', () => {
  it('draws hidden points as gaps', () => {
    const option = trendOption([point('students_enrolled', 2021, 5), point('students_enrolled', 2020, null, true)], 'students_enrolled', {
      name: 'n',
      yearLabel: String,
      value: String,
      suppressed: '—',
    }) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['2020', '2021']);
    expect(option.series[0].data).toEqual([null, 5]);
  });
});
