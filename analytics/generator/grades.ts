// How results come about and how they are written. A first attempt's score is
//   BASE + course ease + teaching college effect + 6.5 × ability + drift(year) + noise(σ 7.5),
// with the drift 0.2 points a year after the first cohort's year (1.5 in the grade-inflation college),
// scores of 57–59 pushed to 60 two times in five (the familiar spike at 60), 缺考 0.4 % and 缓考 0.3 %.
// The planted course draws its first attempts so that the fail rate is exactly the planted probability
// (PLANTED.courseFailJump). A failed first attempt is followed by a 补考 in the same term (attended
// 95 %, passed mostly with 60–75); what is still failed is retaken (重修) in a later term.
import type { College, Course } from './catalog.ts';
import type { CsvFileWriter } from './csv-writer.ts';
import { PLANTED } from './planted-patterns.ts';
import type { Rng } from './random.ts';

/** Mean score of an average course for an average student in the first cohort's year (calibrated). */
const BASE = 71.5;
const ABILITY_POINTS = 6.5;
const NOISE_SD = 7.5;
const ABSENT = 0.004;
const DEFERRED = 0.003;
const MAKEUP_ATTENDED = 0.95;
/** Retakes (重修) score this much above the student's usual mean (they know the course now). */
const RETAKE_BONUS = 6;

export type ExamType = '正常' | '补考' | '重修' | '缓考';

export interface Attempt {
  /** null when there is no result (缓考). */
  score: number | null;
  passed: boolean;
  gradePoint: number;
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -probit(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

export function gradePoint(score: number): number {
  return score >= 60 ? Math.round(score * 10 - 500) / 100 : 0;
}

function fiveLevel(raw: number, rng: Rng): [number, string] {
  if (raw >= 90) return [95, '优'];
  if (raw >= 80) return [85, '良'];
  if (raw >= 70) return [75, '中'];
  if (raw >= 60) return [65, '及格'];
  return [rng.chance(0.5) ? 50 : 55, '不及格'];
}

export class GradeModel {
  private readonly planted: Course;
  /** The college inflating faster, or null when the patterns are not planted. */
  private readonly inflated: College | null;
  /** The planted course's bad academic year, or null when the patterns are not planted. */
  private readonly jumpYear: number | null;
  /** Threshold on the standard-normal latent score below which a planted-course first attempt fails. */
  private readonly plantedThreshold: Map<number, number> = new Map();

  constructor(
    private readonly out: CsvFileWriter,
    private readonly firstYear: number,
    planted: Course,
    inflated: College | null,
    jumpYear: number | null,
  ) {
    this.planted = planted;
    this.inflated = inflated;
    this.jumpYear = jumpYear;
  }

  /** Expected score of a first attempt (before noise). */
  mean(course: Course, ability: number, ay: number): number {
    const years = ay - this.firstYear;
    const drift = course.dept === this.inflated ? PLANTED.gradeInflation.pointsPerYear * years : PLANTED.gradeInflation.baselinePointsPerYear * years;
    return BASE + course.ease + course.dept.effect + ABILITY_POINTS * ability + drift;
  }

  private write(sid: string, ay: number, term: number, course: Course, score: string, text: string, gp: string, exam: ExamType): void {
    this.out.row(`${sid},${ay},${term},${course.csvMiddle},${score},${text},${gp},${exam},${course.csvDept}`);
  }

  /** Writes a row for a raw percentage score, converted as the course is graded; returns the attempt. */
  private result(rng: Rng, sid: string, ay: number, term: number, course: Course, raw: number, exam: ExamType): Attempt {
    if (course.fiveLevel) {
      const [score, text] = fiveLevel(raw, rng);
      const gp = gradePoint(score);
      this.write(sid, ay, term, course, String(score), text, String(gp), exam);
      return { score, passed: score >= 60, gradePoint: gp };
    }
    const clipped = Math.min(100, Math.max(5, raw));
    let score = course.decimals ? Math.round(clipped * 10) / 10 : Math.round(clipped);
    // Rounding must not move a result across the pass line the raw score decided.
    if (raw < 60 && score >= 60) score = course.decimals ? 59.9 : 59;
    if (raw >= 60 && score < 60) score = 60;
    const text = String(score);
    const gp = gradePoint(score);
    this.write(sid, ay, term, course, text, text, String(gp), exam);
    return { score, passed: score >= 60, gradePoint: gp };
  }

  private absent(sid: string, ay: number, term: number, course: Course, exam: ExamType): Attempt {
    this.write(sid, ay, term, course, '0', '缺考', '0', exam);
    return { score: 0, passed: false, gradePoint: 0 };
  }

  /**
   * The first attempt (正常, or 缓考 followed by the deferred exam written as 补考), then the 补考 of a
   * failed 正常. Returns the first attempt (for GPA) and whether the course is passed after the term.
   */
  take(rng: Rng, sid: string, ay: number, term: number, course: Course, ability: number): { first: Attempt | null; passed: boolean } {
    const u = rng.next();
    if (u >= ABSENT && u < ABSENT + DEFERRED) {
      this.write(sid, ay, term, course, '', '缓考', '', '缓考');
      const deferred = this.result(rng, sid, ay, term, course, this.mean(course, ability, ay) + rng.normal(0, NOISE_SD), '补考');
      return { first: null, passed: deferred.passed };
    }
    let first: Attempt;
    if (u < ABSENT) first = this.absent(sid, ay, term, course, '正常');
    else if (course === this.planted) first = this.result(rng, sid, ay, term, course, this.plantedRaw(rng, ability, ay), '正常');
    else {
      let raw = this.mean(course, ability, ay) + rng.normal(0, NOISE_SD);
      if (raw >= 57 && raw < 60 && rng.chance(0.4)) raw = 60;
      first = this.result(rng, sid, ay, term, course, raw, '正常');
    }
    if (first.passed) return { first, passed: true };
    if (!rng.chance(MAKEUP_ATTENDED)) return { first, passed: false };
    return { first, passed: this.makeup(rng, sid, ay, term, course, ability).passed };
  }

  private makeup(rng: Rng, sid: string, ay: number, term: number, course: Course, ability: number): Attempt {
    if (rng.chance(0.02)) return this.absent(sid, ay, term, course, '补考');
    const pass = rng.chance(Math.min(0.97, Math.max(0.5, 0.82 + 0.1 * ability)));
    const raw = pass ? 60 + Math.floor(16 * Math.pow(rng.next(), 1.6)) : 35 + 25 * rng.next();
    return this.result(rng, sid, ay, term, course, Math.min(raw, pass ? 75 : 59.4), '补考');
  }

  /** A 重修 in a later term (term 3 = summer). */
  retake(rng: Rng, sid: string, ay: number, term: number, course: Course, ability: number): Attempt {
    if (rng.chance(0.02)) return this.absent(sid, ay, term, course, '重修');
    return this.result(rng, sid, ay, term, course, this.mean(course, ability, ay) + RETAKE_BONUS + rng.normal(0, NOISE_SD), '重修');
  }

  /**
   * The planted course: the latent (6.5 × ability + noise) / its SD is standard normal for every
   * student, so failing below the probit of the planted probability gives that fail rate exactly in
   * expectation; 缺考 (always a fail) is part of it.
   */
  private plantedRaw(rng: Rng, ability: number, ay: number): number {
    let threshold = this.plantedThreshold.get(ay);
    if (threshold === undefined) {
      const p = ay === this.jumpYear ? PLANTED.courseFailJump.jumpFailRate : PLANTED.courseFailJump.baselineFailRate;
      // Among 正常 rows (缓考 has none), fails = 缺考 + the rest failing with probability q.
      const q = (p * (1 - DEFERRED) - ABSENT) / (1 - ABSENT - DEFERRED);
      threshold = probit(q);
      this.plantedThreshold.set(ay, threshold);
    }
    const sd = Math.hypot(ABILITY_POINTS, NOISE_SD);
    const latent = (ABILITY_POINTS * ability + rng.normal(0, NOISE_SD)) / sd;
    return 60 + (latent - threshold) * 11;
  }
}
