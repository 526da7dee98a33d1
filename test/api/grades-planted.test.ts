// The generator's planted grade patterns (analytics/generator/planted-patterns.ts), found through the API
// on the shared generated university (4,000 students, seed 42) with their documented magnitudes:
//   1. 高等数学A's first-attempt fail rate is 0.35 in academic year 2021 and 0.12 in every other year;
//   3. 经济管理学院's courses gain 1.5 points a year, every other college's 0.2.
// Tolerances are statistical, stated beside each check: three standard errors of the measured figure
// (a planted probability measured on a few hundred results), or a systematic effect named below.
// data/README.md ("Planted patterns") lists what the large archives measure (0.350 vs 0.117; slopes
// 1.45 and, within courses, 1.40 vs 0.19); this archive is smaller and noisier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PLANTED } from '../../analytics/generator/planted-patterns.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { sharedArchive } from '../helpers/generated.ts';

let app: FastifyInstance;
let teaching: Session;

beforeAll(async () => {
  app = await testApp(await sharedArchive());
  teaching = await signIn(app, 'teaching');
});

afterAll(async () => {
  await app?.close();
});

type Row = Record<string, number | string | boolean | null>;
async function rows(url: string): Promise<Row[]> {
  const response = await app.inject({ url, headers: teaching.headers });
  expect(response.statusCode).toBe(200);
  return response.json().rows;
}

describe('planted: 高等数学A’s fail rate jumps in one year', () => {
  const planted = PLANTED.courseFailJump;

  it('measures the planted rates and flags the jump up and the return', async () => {
    const courses = await rows('/api/grades/courses');
    const course = courses.find((c) => c.course_name === planted.courseName)!;
    expect(course).toBeDefined();
    const years = await rows(`/api/grades/courses/years?course_id=${course.course_id}`);
    const jumpYear = years.find((y) => y.academic_year === planted.academicYear)!;
    const others = years.filter((y) => y.academic_year !== planted.academicYear);

    // The jump year: within three binomial standard errors of 0.35.
    const n = jumpYear.n as number;
    const jumpRate = jumpYear.dfw_rate as number;
    expect(Math.abs(jumpRate - planted.jumpFailRate)).toBeLessThan(3 * Math.sqrt((planted.jumpFailRate * (1 - planted.jumpFailRate)) / n));
    // Every other year pooled: within three standard errors of 0.12.
    const otherN = others.reduce((sum, y) => sum + (y.n as number), 0);
    const otherRate = others.reduce((sum, y) => sum + (y.dfw as number), 0) / otherN;
    expect(Math.abs(otherRate - planted.baselineFailRate)).toBeLessThan(3 * Math.sqrt((planted.baselineFailRate * (1 - planted.baselineFailRate)) / otherN));
    console.info(
      `高等数学A DFW: ${planted.academicYear} ${jumpRate.toFixed(3)} (n ${n}, planted ${planted.jumpFailRate}); other years ${otherRate.toFixed(3)} (n ${otherN}, planted ${planted.baselineFailRate})`,
    );

    expect(jumpYear.jump).toBe('up');
    expect(years.find((y) => y.academic_year === planted.academicYear + 1)!.jump).toBe('down');
    // Nowhere else in this course's history does the rate jump.
    expect(years.filter((y) => y.jump !== null).map((y) => y.academic_year)).toEqual([planted.academicYear, planted.academicYear + 1]);
  });

  it('puts the course near the top of the jumps across the school, after the multiple-testing correction', async () => {
    const jumps = await rows('/api/grades/courses/years?jumps_only=true');
    const strongest = [...jumps].sort((a, b) => (a.q_value as number) - (b.q_value as number)).slice(0, 2);
    expect(strongest.map((j) => [j.course_name, j.academic_year])).toEqual([
      [planted.courseName, planted.academicYear],
      [planted.courseName, planted.academicYear + 1],
    ]);
  });
});

describe('planted: grade inflation in one teaching college', () => {
  const planted = PLANTED.gradeInflation;

  it('finds about 1.5 points a year in 经济管理学院 and about 0.2 elsewhere', async () => {
    const trends = await rows('/api/grades/inflation/trends?by=teaching_dept');
    const inflated = trends.find((t) => t.grp === planted.collegeName)!;
    const others = trends.filter((t) => t.grp !== planted.collegeName);
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
    };
    const otherSlopes = others.map((t) => t.slope as number);
    const otherWithin = others.map((t) => t.within_course_slope as number);
    console.info(
      `inflation: ${planted.collegeName} ${(inflated.slope as number).toFixed(3)}/yr (95% CI ${(inflated.slope_low as number).toFixed(3)}–${(inflated.slope_high as number).toFixed(3)}, r² ${(inflated.r2 as number).toFixed(3)}, within-course ${(inflated.within_course_slope as number).toFixed(3)}); ` +
        `others median ${median(otherSlopes).toFixed(3)}/yr (within-course ${median(otherWithin).toFixed(3)})`,
    );

    // Scores are capped at 100 and five-level courses round to 95/85/75/65, so a college that
    // climbs from the mid-70s to the high 80s loses a little of its planted rise at the top: the
    // measured slope may fall short of 1.5 by up to 0.25, never exceed it by as much.
    expect(inflated.slope as number).toBeGreaterThan(planted.pointsPerYear - 0.25);
    expect(inflated.slope as number).toBeLessThan(planted.pointsPerYear + 0.25);
    expect(inflated.within_course_slope as number).toBeGreaterThan(planted.pointsPerYear - 0.25);
    expect(inflated.r2 as number).toBeGreaterThan(0.9);
    // It stands apart: its interval lies above every other college's slope.
    expect(inflated.slope_low as number).toBeGreaterThan(Math.max(...otherSlopes));
    // Elsewhere: the raw yearly means also move with the course mix (early years hold only first-year
    // courses), so the typical college is checked, within 0.15 of the planted 0.2 — and the
    // within-course slope, which holds the mix fixed, the same way.
    expect(Math.abs(median(otherSlopes) - planted.baselinePointsPerYear)).toBeLessThan(0.15);
    expect(Math.abs(median(otherWithin) - planted.baselinePointsPerYear)).toBeLessThan(0.15);
  });

  it('shows the share of top grades rising there too', async () => {
    const trends = await rows('/api/grades/inflation/trends?by=teaching_dept');
    const inflated = trends.find((t) => t.grp === planted.collegeName)!;
    expect(inflated.share_90_low as number).toBeGreaterThan(0);
    for (const other of trends.filter((t) => t.grp !== planted.collegeName)) {
      expect(other.share_90_slope as number).toBeLessThan(inflated.share_90_slope as number);
    }
  });
});
