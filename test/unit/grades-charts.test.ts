// The grades dashboard's pure builders (web/lib/grades/*.ts): what the course table sorts and draws,
// what each chart is given (hidden groups kept as gaps), and the figures computed on the page.
import { describe, expect, it } from 'vitest';
import type { BoxplotRow, ComparisonRow, CourseDifficultyRow, CourseYearRow, ProgressRow, ScoreBinRow } from '../../web/lib/api.ts';
import { intervalBar, intervalScaleMax, jumpsOption, sortJumps } from '../../web/lib/grades/courses.ts';
import { binsOf, boxplotOption, type DistributionLabels } from '../../web/lib/grades/distribution.ts';
import { sideFigures } from '../../web/lib/grades/comparison.ts';
import { bandsOf, warningShare } from '../../web/lib/grades/progress.ts';
import { sortTrends } from '../../web/lib/grades/inflation.ts';
import { yearTrendsOption } from '../../web/lib/grades/trends.ts';

const formatters = {
  number: (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits)),
  percent: (v: number | null, digits = 1) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`),
  count: (v: number | null) => (v === null ? '—' : String(v)),
  suppressed: 'hidden',
};

const course = (course_id: string, patch: Partial<CourseDifficultyRow>): CourseDifficultyRow => ({
  course_id,
  course_name: course_id,
  teaching_dept: 'D',
  course_nature: '必修',
  first_year: 2020,
  last_year: 2022,
  volatile: false,
  peers: 3,
  n: 100,
  students: 100,
  dfw: 10,
  dfw_rate: 0.1,
  ci_low: 0.05,
  ci_high: 0.17,
  peer_mean: 0.12,
  z: 0,
  outlier: null,
  rank: 1,
  ...patch,
});

describe('the course table', () => {
  const rows = [
    course('A', { dfw_rate: 0.3, rank: 1, z: 2.5 }),
    course('B', { dfw_rate: null, rank: null, z: null, volatile: true }),
    course('C', { dfw_rate: 0.1, rank: 3, z: -1 }),
    course('D', { dfw_rate: 0.2, rank: 2, z: null }),
  ];

  it('places an interval bar on a scale rounded up to ten points', () => {
    expect(intervalScaleMax([{ ci_high: 0.43 }, { ci_high: null }])).toBeCloseTo(0.5, 12);
    expect(intervalScaleMax([{ ci_high: 0.05 }])).toBeCloseTo(0.2, 12); // never below the 20% reference
    // 0.05–0.17 on a 0–0.5 scale: left 10%, width 24%; the rate 0.1 at 20%, peers 0.12 at 24%.
    const bar = intervalBar(course('X', {}), 0.5)!;
    expect(bar.left).toBeCloseTo(10, 10);
    expect(bar.width).toBeCloseTo(24, 10);
    expect(bar.rate).toBeCloseTo(20, 10);
    expect(bar.peer).toBeCloseTo(24, 10);
    expect(bar.target).toBeCloseTo(40, 10);
    expect(intervalBar(course('Y', { dfw_rate: null }), 0.5)).toBeNull();
  });
});

describe('year-over-year jumps', () => {
  const year = (course_id: string, change: number | null, jump: CourseYearRow['jump']): CourseYearRow => ({
    course_id,
    academic_year: 2021,
    course_name: course_id,
    teaching_dept: 'D',
    course_nature: '必修',
    volatile: false,
    previous_year: 2020,
    n: 100,
    students: 100,
    dfw: 35,
    dfw_rate: 0.35,
    ci_low: 0.26,
    ci_high: 0.45,
    change,
    p_value: 0.001,
    q_value: 0.01,
    jump,
  });

  it('lists the flagged ones, the largest change first', () => {
    const rows = [year('small', 0.11, 'up'), year('none', 0.3, null), year('fall', -0.2, 'down'), year('rise', 0.23, 'up')];
    expect(sortJumps(rows).map((r) => r.course_id)).toEqual(['rise', 'fall', 'small']);
    const option = jumpsOption(rows, { ...formatters, dfwRate: 'DFW', interval: 'CI', results: 'n', target: '20%', volatile: 'v', outlierHigh: 'h', outlierLow: 'l', year: String, change: 'Δ' });
    expect((option!.yAxis as { data: string[] }).data).toEqual(['rise 2021', 'fall 2021', 'small 2021']);
    expect(jumpsOption([year('none', 0.3, null)], { ...formatters, dfwRate: '', interval: '', results: '', target: '', volatile: '', outlierHigh: '', outlierLow: '', year: String, change: '' })).toBeNull();
  });
});

describe('distributions', () => {
  const labels: DistributionLabels = { ...formatters, group: (g) => g, mean: 'mean', median: 'median', q1: 'Q1', q3: 'Q3', whiskers: 'w', students: 's', results: 'r', share: 'sh', outliers: 'o' };

  it('keeps a hidden group on the axis with an empty box', () => {
    const box = (grp: string, patch: Partial<BoxplotRow> = {}): BoxplotRow => ({
      grp, n: 50, students: 20, mean: 75, sd: 10, q1: 68, median: 75, q3: 82, whisker_low: 50, whisker_high: 100, outliers_low: 1, outliers_high: 0, ...patch,
    });
    const option = boxplotOption([box('甲'), box('乙', { suppressed: true, q1: null, median: null, q3: null, whisker_low: null, whisker_high: null })], labels, true)!;
    const series = option.series as { type: string; data: unknown[] }[];
    expect((option.yAxis as { data: string[] }).data).toEqual(['甲', '乙']);
    expect(series.map((s) => s.type)).toEqual(['bar', 'boxplot', 'scatter']); // the row click targets first
    expect(series[1].data).toEqual([[50, 68, 75, 82, 100], ['-', '-', '-', '-', '-']]);
    expect(series[2].data).toEqual([{ name: '甲', value: [75, 0] }]);
  });

  it('lays out every bin from 0 to 100 whether or not it holds results', () => {
    const bin = (lower: number): ScoreBinRow => ({ grp: 'x', bin_lower: lower, bin_upper: lower + 10, results: 1, students: 1, share: 0.5 });
    expect(binsOf([bin(60), bin(90)])).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map((l) => [l, l + 10]));
    expect(binsOf([])).toEqual([]);
  });
});

describe('the comparison’s sides', () => {
  it('gives each mean ± 1.96 standard errors', () => {
    const row = { a: '2020', b: '2021', a_students: 100, a_mean: 70, a_sd: 10, b_students: 1, b_mean: 72, b_sd: null } as ComparisonRow;
    const [a, b] = sideFigures(row);
    expect(a).toMatchObject({ side: 'a', value: '2020', students: 100, mean: 70 });
    expect(a.low).toBeCloseTo(70 - 1.96, 12); // 1.96 · 10 / √100
    expect(a.high).toBeCloseTo(70 + 1.96, 12);
    expect(b).toMatchObject({ low: null, high: null }); // one student: no interval
  });
});

describe('student progress', () => {
  const band = (term_index: number, band: number, share: number, warning: boolean, patch: Partial<ProgressRow> = {}): ProgressRow => ({
    entry_year: 2022, term_index, kind: 'failed_credits', band, lower: band * 10, upper: band === 3 ? null : band * 10 + 10, warning, students: 10, share, ...patch,
  });

  it('adds up the share past a warning line, unless a warning cell is hidden', () => {
    const rows = [band(2, 0, 0.6, false), band(2, 1, 0.25, false), band(2, 2, 0.1, true), band(2, 3, 0.05, true), band(3, 2, 0.3, true, { suppressed: true, share: null })];
    expect(warningShare(rows, 'failed_credits', 2022, 2)).toBeCloseTo(0.15, 12);
    expect(warningShare(rows, 'failed_credits', 2022, 3)).toBeNull();
    expect(warningShare(rows, 'gpa', 2022, 2)).toBeNull();
    expect(bandsOf(rows, 'failed_credits').map((b) => [b.band, b.warning])).toEqual([[0, false], [1, false], [2, true], [3, true]]);
  });
});

describe('inflation and year trends', () => {
  it('orders trends steepest first, hidden ones last', () => {
    const trend = (grp: string, slope: number | null) => ({ grp, slope }) as Parameters<typeof sortTrends>[0][number];
    expect(sortTrends([trend('a', 0.2), trend('b', null), trend('c', 1.5)]).map((t) => t.grp)).toEqual(['c', 'a', 'b']);
  });

  it('draws nothing without rows', () => {
    expect(yearTrendsOption([], 'mean', { metric: 'm', n: 'n', value: String, suppressed: 's', axis: String, count: String, year: String })).toBeNull();
  });
});
