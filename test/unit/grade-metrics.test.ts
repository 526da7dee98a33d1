// The grades metrics' assembly (analytics/metrics/grades/): ranks, peers, volatility and year-over-year
// jumps of course difficulty; inflation trends; the comparison's verdict. Counts made up so that the
// expected figures are worked out by hand beside each case.
import { describe, expect, it } from 'vitest';
import { rateCourses, rateDepartments, yearOverYear } from '../../analytics/metrics/grades/course-difficulty.ts';
import { inflationTrends } from '../../analytics/metrics/grades/inflation.ts';
import { compareSides, formatP } from '../../analytics/metrics/grades/comparison.ts';

const course = (course_id: string, dept: string, nature: string, n: number, dfw: number) => ({
  course_id,
  course_name: course_id,
  teaching_dept: dept,
  course_nature: nature,
  n,
  students: n,
  dfw,
});

describe('rateCourses', () => {
  const rows = rateCourses(
    [
      course('A', '理学院', '必修', 100, 40), // 0.40
      course('B', '理学院', '必修', 100, 10), // 0.10
      course('C', '理学院', '必修', 100, 10), // 0.10
      course('D', '理学院', '必修', 100, 20), // 0.20
      course('E', '理学院', '必修', 12, 12), // volatile: 1.0 but fewer than 30 results
      course('F', '理学院', '选修', 50, 25), // another nature: no peers
    ],
    { minN: 30, zLimit: 2 },
  );
  const byId = Object.fromEntries(rows.map((row) => [row.course_id, row]));

  it('compares a course with its peers of the same teaching college and nature, leaving itself out', () => {
    // A against B, C, D: mean 0.4/3 = 0.133333, sd √((0.033333² · 2 + 0.066667²)/2) = 0.057735.
    expect(byId.A.peers).toBe(3);
    expect(byId.A.peer_mean).toBeCloseTo(0.4 / 3, 12);
    expect(byId.A.z).toBeCloseTo((0.4 - 0.4 / 3) / 0.057735027, 6);
    expect(byId.A.outlier).toBe('high');
    expect(byId.D.outlier).toBeNull();
  });

  it('marks small courses volatile: no z, no rank, and not a peer of others', () => {
    expect(byId.E).toMatchObject({ volatile: true, z: null, rank: null, outlier: null, dfw_rate: 1 });
    expect(byId.E.ci_high).toBe(1);
    expect(byId.F).toMatchObject({ volatile: false, peers: 0, z: null });
  });

  it('ranks by DFW rate, ties sharing a rank', () => {
    // F 0.5, A 0.4, D 0.2, B and C 0.1.
    expect([byId.F.rank, byId.A.rank, byId.D.rank, byId.B.rank, byId.C.rank]).toEqual([1, 2, 3, 4, 4]);
  });

  it('rates departments against each other', () => {
    const depts = rateDepartments(
      [
        { teaching_dept: 'x', n: 200, dfw: 20 },
        { teaching_dept: 'y', n: 200, dfw: 40 },
        { teaching_dept: 'z', n: 200, dfw: 60 },
        { teaching_dept: 'w', n: 200, dfw: 40 },
      ],
      { minN: 30, zLimit: 2 },
    );
    // x (0.1) against 0.2, 0.3, 0.2: mean 0.233333, sd 0.057735 → z = −2.309401.
    expect(depts[0].z).toBeCloseTo(-0.1333333 / 0.057735027, 5);
    expect(depts[0].outlier).toBe('low');
    expect(depts.map((d) => d.rank)).toEqual([4, 2, 1, 2]);
  });
});

describe('yearOverYear', () => {
  const year = (course_id: string, academic_year: number, n: number, dfw: number) => ({ course_id, academic_year, n, dfw });

  it('flags a large, significant change and the return after it', () => {
    // 12 of 100 → 35 of 100: pooled 0.235, se √(0.235 · 0.765 · 0.02) = 0.059962, z = 3.835766.
    const rows = yearOverYear(
      [year('X', 2021, 100, 35), year('X', 2020, 100, 12), year('X', 2022, 100, 12), year('Y', 2020, 100, 10), year('Y', 2021, 100, 13)],
      { minN: 30, jumpPoints: 0.1, jumpQ: 0.05 },
    );
    const x2021 = rows.find((r) => r.course_id === 'X' && r.academic_year === 2021)!;
    expect(x2021.previous_year).toBe(2020);
    expect(x2021.change).toBeCloseTo(0.23, 12);
    expect(x2021.p_value).toBeCloseTo(2 * (1 - 0.999937), 4);
    expect(x2021.jump).toBe('up');
    expect(rows.find((r) => r.course_id === 'X' && r.academic_year === 2022)!.jump).toBe('down');
    // Y: three points, not significant → no jump; the first year of each course has nothing to compare.
    expect(rows.filter((r) => r.jump !== null)).toHaveLength(2);
    expect(rows.find((r) => r.course_id === 'Y' && r.academic_year === 2020)!).toMatchObject({ previous_year: null, change: null, p_value: null });
  });

  it('does not compare a volatile year, nor one that follows a volatile year', () => {
    const rows = yearOverYear([year('Z', 2020, 10, 1), year('Z', 2021, 100, 60), year('Z', 2022, 100, 10)], { minN: 30, jumpPoints: 0.1, jumpQ: 0.05 });
    expect(rows[1]).toMatchObject({ previous_year: 2020, change: null, p_value: null, jump: null });
    expect(rows[2].jump).toBe('down');
  });

  it('does not call a significant change of a few points a jump', () => {
    // 20,000 results a year: 0.10 → 0.12 is highly significant but below the 10-point line.
    const rows = yearOverYear([year('W', 2020, 20000, 2000), year('W', 2021, 20000, 2400)], { minN: 30, jumpPoints: 0.1, jumpQ: 0.05 });
    expect(rows[1].q_value).toBeLessThan(1e-6);
    expect(rows[1].jump).toBeNull();
  });
});

describe('inflationTrends', () => {
  const year = (grp: string, academic_year: number, n: number, mean: number, share_90: number) => ({
    grp,
    academic_year,
    n,
    students: n,
    mean,
    share_90,
    within_course_slope: 1.25,
    courses_over_years: 4,
  });

  it('fits the yearly means of each group, leaving out thin years', () => {
    const [trend] = inflationTrends([year('经管', 2020, 100, 70, 0.1), year('经管', 2021, 100, 71.5, 0.12), year('经管', 2022, 100, 73, 0.14), year('经管', 2023, 5, 99, 1)]);
    // 2023 has 5 results (< 30): out. 70, 71.5, 73 on 2020–2022: slope 1.5 exactly, r² 1, se 0.
    expect(trend).toMatchObject({ grp: '经管', years: 3, first_year: 2020, last_year: 2022, n: 300, students: 100, within_course_slope: 1.25 });
    expect(trend.slope).toBeCloseTo(1.5, 10);
    expect(trend.r2).toBeCloseTo(1, 10);
    expect(trend.share_90_slope).toBeCloseTo(0.02, 10);
    expect(trend.slope_low).toBeCloseTo(1.5, 6);
  });

  it('keeps a group whose years are all thin out of the answer', () => {
    expect(inflationTrends([year('小', 2020, 5, 70, 0), year('小', 2021, 6, 72, 0)])).toEqual([]);
  });
});

describe('compareSides', () => {
  it('says there is no reliable difference when p ≥ 0.05, in both languages', () => {
    // The sleep data's two groups (R: p = 0.07939).
    const result = compareSides({ value: '2020', n: 10, mean: 2.33, variance: 4.009 }, { value: '2021', n: 10, mean: 0.75, variance: 3.2005555555555554 }, 'score', 'cohort');
    expect(result.p_value).toBeCloseTo(0.07939, 5);
    expect(result.verdict_zh).toBe('2021级与2020级的加权平均分没有统计上可靠的差异：相差 -1.6 分（95% 置信区间 -3.4 至 0.2，p = 0.079），差异可能只是偶然。');
    expect(result.verdict_en).toBe(
      'No reliable difference in credit-weighted mean score between the 2021 cohort and the 2020 cohort: -1.6 points (95% CI -3.4 to 0.2, p = 0.079), which chance alone could produce.',
    );
  });

  it('names the direction, the significance and the size of a real difference', () => {
    // se √(0.25/400 + 0.25/400) = 0.035355; t = 0.2 / se = 5.657, p < 0.001; d = 0.2 / 0.5 = 0.4 (small).
    const result = compareSides({ value: '文学院', n: 400, mean: 2.6, variance: 0.25 }, { value: '理学院', n: 400, mean: 2.4, variance: 0.25 }, 'gpa', 'college');
    expect(result.cohens_d).toBeCloseTo(-0.4, 12);
    expect(result.effect).toBe('small');
    expect(result.verdict_zh).toMatch(/^理学院的平均学分绩点比文学院低 0\.20（95% 置信区间 -0\.27 至 -0\.13），差异在统计上显著（p < 0\.001），效应量小（Cohen's d = -0\.40）。$/);
    expect(result.verdict_en).toMatch(/^理学院 has a GPA 0\.20 grade points lower than 文学院 \(95% CI -0\.27 to -0\.13\), a statistically significant difference \(p < 0\.001\), a small effect/);
  });

  it('calls a significant but tiny difference negligible', () => {
    const result = compareSides({ value: '2019', n: 5000, mean: 75, variance: 100 }, { value: '2020', n: 5000, mean: 75.5, variance: 100 }, 'score', 'cohort');
    expect(result.p_value).toBeLessThan(0.05);
    expect(result.effect).toBe('negligible');
    expect(result.verdict_en).toContain('but the effect is negligible');
    expect(result.verdict_zh).toContain('但效应量可忽略');
  });

  it('says when there are too few students to compare', () => {
    const result = compareSides({ value: '2019', n: 1, mean: 75, variance: 0 }, { value: '2020', n: 30, mean: 70, variance: 9 }, 'score', 'cohort');
    expect(result).toMatchObject({ p_value: null, cohens_d: expect.any(Number) });
    expect(result.verdict_en).toMatch(/^Too few students/);
  });

  it('writes p-values as people read them', () => {
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.0342)).toBe('p = 0.034');
  });
});
