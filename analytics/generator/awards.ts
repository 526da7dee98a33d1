// Rewards and punishments (奖惩). Scholarships for a completed academic year are announced in October–
// November of the next one, by merit (ability plus noise, no failed course that year); shares are our
// choice, typical of Chinese universities: about 0.4 % 国家奖学金, 3–4 % 国家励志奖学金 (students in
// financial need), 18 % school scholarships. Sanctions (教育部令第41号 Art. 51, short of 开除学籍) strike
// 0.3 % of students a term; most are lifted (解除处分) after 6 or 12 months.
import { daysFromCivil, formatDay } from './calendar.ts';
import type { CsvFileWriter } from './csv-writer.ts';
import { Rng, Weighted } from './random.ts';

const SANCTIONS = new Weighted<string>([['警告', 50], ['严重警告', 25], ['记过', 17], ['留校察看', 8]]);

export interface Sanction {
  kind: string;
  /** The day it no longer counts (lifted), or Infinity. */
  until: number;
}

export class AwardLog {
  private awardSequence = 0;
  private sanctionSequence = 0;

  constructor(
    private readonly out: CsvFileWriter,
    private readonly asOfDay: number,
  ) {}

  private write(id: string, studentId: string, kind: string, level: string, day: number, revoked: number | null): void {
    this.out.row(`${id},${studentId},${kind},${level},${formatDay(day)},${revoked === null ? '' : formatDay(revoked)}`);
  }

  private award(rng: Rng, studentId: string, kind: string, level: string, year: number): void {
    const day = daysFromCivil(year, 10, 10) + rng.int(0, 51);
    if (day > this.asOfDay) return;
    this.awardSequence++;
    this.write(`JC${String(this.awardSequence).padStart(8, '0')}`, studentId, kind, level, day, null);
  }

  /** Awards for the academic year that ended, announced in the autumn of `year`. */
  yearAwards(rng: Rng, studentId: string, ability: number, needy: boolean, failedCourses: number, year: number): void {
    const merit = ability + rng.normal(0, 0.45);
    if (failedCourses === 0) {
      if (merit > 2.9) this.award(rng, studentId, '国家奖学金', '国家级', year);
      else if (merit > 2.5) this.award(rng, studentId, '省政府奖学金', '省级', year);
      else if (merit > 2.0) this.award(rng, studentId, '校一等奖学金', '校级', year);
      else if (merit > 1.45) this.award(rng, studentId, '校二等奖学金', '校级', year);
      else if (merit > 0.95) this.award(rng, studentId, '校三等奖学金', '校级', year);
      if (needy && merit > 0.9) this.award(rng, studentId, '国家励志奖学金', '国家级', year);
      if (merit > 1.2 && rng.chance(0.5)) this.award(rng, studentId, '三好学生', '校级', year);
    } else if (failedCourses === 1 && merit > 0.5 && rng.chance(0.1)) {
      this.award(rng, studentId, '学习进步奖', '院级', year);
    }
    if (rng.chance(0.03)) this.award(rng, studentId, '优秀学生干部', '校级', year);
    if (rng.chance(0.04)) this.award(rng, studentId, '优秀共青团员', '院级', year);
    if (rng.chance(0.015)) this.award(rng, studentId, '社会实践先进个人', '院级', year);
  }

  /** A sanction on `day` (already known to be on or before the as-of date). */
  sanction(rng: Rng, studentId: string, day: number): Sanction {
    const kind = SANCTIONS.draw(rng);
    const [lift, after] = kind === '警告' || kind === '严重警告' ? [0.7, 180] : kind === '记过' ? [0.6, 365] : [0.5, 365];
    let until = Infinity;
    if (rng.chance(lift)) until = day + after + rng.int(0, 30);
    this.sanctionSequence++;
    this.write(`CF${String(this.sanctionSequence).padStart(8, '0')}`, studentId, kind, '校级', day, until <= this.asOfDay ? until : null);
    return { kind, until };
  }
}
