// One student's whole career, term by term from admission to the as-of date: status changes at the start
// of (or during) a term, the term's results when it has ended, the summer retakes, the yearly academic
// review, completion. Everything the student produces is written as it happens; nothing is kept after
// the student is done. Nothing dated after the as-of date is written.
//
// Rules (ours, written down here):
// - A student moves through the major's plan one study term per attended term; 休学 and 保留学籍 last
//   whole years (1 or 2, resp. 2), so study terms keep their parity (term 1 courses in term 1).
// - On return the student joins the class of the cohort as many years behind (class name changes) and
//   the expected graduation moves by the same years; 降级 repeats the year (plan back two terms: passed
//   courses are not repeated, failed ones are retaken) and moves the expected graduation by one; none of
//   these change entry_year.
// - After the last study term: all courses passed → 毕业 (a bachelor's degree unless the credit-weighted
//   first-attempt GPA is below 1.3 or an unlifted 记过/留校察看 stands); otherwise half take a
//   延期毕业 year of retakes, the others 结业. Who has not finished 学制 + 2 years after entry (years
//   of military service not counted) is withdrawn (超过最长学习年限, Art. 30).
import type { Catalog, College, Course, Major } from './catalog.ts';
import { daysFromCivil, termEnd, termStart } from './calendar.ts';
import type { CsvFileWriter } from './csv-writer.ts';
import type { GradeModel } from './grades.ts';
import type { AwardLog } from './awards.ts';
import type { GraduationLog, Outcome } from './graduations.ts';
import { className, type StudentLayout } from './layout.ts';
import { PLANTED } from './planted-patterns.ts';
import { deriveSeed, Rng, Weighted } from './random.ts';
import {
  MAJOR_CHANGE_REASONS, RISK, SUSPENSION_REASONS, SUSPENSION_REASONS_WEAK, TRANSFER_OUT_REASONS, WITHDRAWAL_REASONS,
  WITHDRAWAL_REASONS_FIRST_YEAR, WITHDRAWAL_REASONS_WEAK, type StatusLog, type Standing,
} from './status.ts';
import { admitStudent, studentRow, type StudentStatus } from './students.ts';

const DEGREE_MIN_GPA = 1.3;
const MAX_RETAKES = 2;

export interface World {
  seed: number;
  asOfDay: number;
  catalog: Catalog;
  layout: StudentLayout;
  grades: GradeModel;
  status: StatusLog;
  graduations: GraduationLog;
  awards: AwardLog;
  students: CsvFileWriter;
  /** The college whose planted cohort withdraws more, or null when the patterns are not planted. */
  withdrawalCollege: College | null;
}

interface Outstanding {
  parity: number;
  retakes: number;
  lastAy: number;
  /** ay × 4 + term of the last attempt. */
  lastKey: number;
}

function pickWithout<T>(rng: Rng, pool: readonly T[], exclude: Set<T>): T | undefined {
  const open = pool.filter((item) => !exclude.has(item));
  return open.length > 0 ? rng.pick(open) : undefined;
}

export function simulateStudent(world: World, index: number): void {
  const rng = new Rng(deriveSeed(world.seed, index));
  const s = admitStudent(index, world.layout, rng);
  const { asOfDay, grades } = world;
  const sid = s.id;
  const a = s.ability;

  let major: Major = s.major;
  let classYear = s.entryYear;
  let cls = className(major, classYear, s.classNo);
  let expected = s.entryYear + major.duration;
  const planTerms = major.duration * 2;
  let studyTerm = 0;
  let extension = false;
  let status: StudentStatus = '在读';
  let away: { kind: '休学' | '保留学籍'; resumeAy: number; term: number; years: number } | null = null;

  const attempted = new Set<Course>();
  const outstanding = new Map<Course, Outstanding>();
  let gpaCredits = 0;
  let gpaPoints = 0;
  let termsAttended = 0;
  let yearTerms = 0;
  let yearFails = 0;
  let lastYear: { terms: number; fails: number } | null = null;
  let blockedUntil = -Infinity;
  let reservedYears = 0;

  const standing = (): Standing => ({ major, className: cls, expectedGraduation: expected });
  const rejoin = (years: number): void => {
    classYear += years;
    cls = className(major, classYear, rng.int(1, world.layout.classesOf(classYear, major)));
    expected += years;
  };
  const withdraw = (day: number, reason: string): void => {
    world.status.record(sid, '退学', reason, day, standing(), null);
    // 肄业 certificate for those who studied at least a year (most ask for it).
    if (termsAttended >= 2 && reason !== '退学复读' && rng.chance(0.75)) {
      world.graduations.record(sid, '肄业', day, major, false);
      status = '肄业';
    } else status = '退学';
  };
  const complete = (outcome: Outcome, ay: number): void => {
    const day = daysFromCivil(ay + 1, 6, 20) + rng.int(0, 8);
    const gpa = gpaCredits > 0 ? gpaPoints / gpaCredits : 0;
    const degree = outcome === '毕业' && major.level === '本科' && gpa >= DEGREE_MIN_GPA && blockedUntil <= day;
    world.graduations.record(sid, outcome, day, major, degree);
    status = outcome;
  };
  const takeCourse = (course: Course, ay: number, term: number): void => {
    attempted.add(course);
    const result = grades.take(rng, sid, ay, term, course, a);
    if (result.first) {
      gpaCredits += course.credits;
      gpaPoints += course.credits * result.first.gradePoint;
      if (!result.first.passed) yearFails++;
    }
    if (!result.passed) outstanding.set(course, { parity: term, retakes: 0, lastAy: ay, lastKey: ay * 4 + term });
  };
  const retake = (course: Course, o: Outstanding, ay: number, term: number): void => {
    o.retakes++;
    o.lastAy = ay;
    o.lastKey = ay * 4 + term;
    if (grades.retake(rng, sid, ay, term, course, a).passed) outstanding.delete(course);
  };

  career: for (let ay = s.entryYear; ; ay++) {
    for (let term = 1; term <= 2; term++) {
      const start = termStart(ay, term);
      if (start > asOfDay) break career;

      if (away) {
        if (ay < away.resumeAy || term !== away.term) continue;
        const { kind, years } = away;
        away = null;
        if (rng.chance(kind === '休学' ? RISK.noReturnAfterSuspension : RISK.noReturnAfterReservation)) {
          const day = start + rng.int(14, 30);
          if (day > asOfDay) {
            away = { kind, resumeAy: ay + 100, term, years };
            break career;
          }
          withdraw(day, kind === '休学' ? '休学期满未复学' : '保留学籍期满未复学');
          break career;
        }
        const from = standing();
        rejoin(years);
        world.status.record(sid, kind === '休学' ? '复学' : '恢复学籍', kind === '休学' ? '休学期满' : '退役复学', start - rng.int(0, 10), from, standing());
      }

      // Scholarships for the year just finished, announced this autumn.
      if (term === 1 && lastYear && lastYear.terms === 2) world.awards.yearAwards(rng, sid, a, s.needy, lastYear.fails, ay);
      if (term === 1) lastYear = null;

      // Events at the start of, or during, the term.
      const studyYear = Math.min(studyTerm >> 1, 5);
      const finalYear = studyTerm >= planTerms - 2;
      const switchRate = extension ? 0 : (RISK.majorChange.get(studyTerm) ?? 0) * (major.level === '专科' ? 1 / 3 : 1) * (a > 0 ? 1.5 : 0.5);
      if (switchRate > 0 && rng.chance(switchRate)) {
        const options = world.catalog.majors.filter((m) => m !== major && m.level === major.level && m.duration === major.duration && m.since <= s.entryYear);
        if (options.length > 0) {
          const target = new Weighted(options.map((m) => [m, m.popularity] as const)).draw(rng);
          const from = standing();
          major = target;
          cls = className(major, classYear, rng.int(1, world.layout.classesOf(classYear, major)));
          world.status.record(sid, '转专业', MAJOR_CHANGE_REASONS.draw(rng), start - rng.int(0, 7), from, standing());
        }
      }
      if (!extension && term === 1 && (studyTerm === 2 || studyTerm === 4) && rng.chance(s.gender === '男' ? RISK.enlistment : RISK.enlistment / 10)) {
        const day = start + rng.int(0, 20);
        if (day <= asOfDay) {
          world.status.record(sid, '保留学籍', '应征入伍', day, standing(), null);
          away = { kind: '保留学籍', resumeAy: ay + 2, term, years: 2 };
          reservedYears += 2;
          continue;
        }
      }
      if (!extension && studyTerm >= 1 && studyTerm <= planTerms - 3 && rng.chance(RISK.transferOut)) {
        const day = start + rng.int(0, 20);
        if (day <= asOfDay) {
          world.status.record(sid, '转学', TRANSFER_OUT_REASONS.draw(rng), day, standing(), null);
          status = '转学';
          break career;
        }
      }
      const suspension = RISK.suspension * RISK.suspensionByStudyYear[studyYear] * (s.needy ? 1.4 : 1) * (a < -1 ? 1.5 : 1) * (extension ? 0.5 : 1);
      if (rng.chance(suspension * (finalYear && !extension ? 0.6 : 1))) {
        const day = start + rng.int(0, 60);
        if (day <= asOfDay) {
          world.status.record(sid, '休学', (a < -1 ? SUSPENSION_REASONS_WEAK : SUSPENSION_REASONS).draw(rng), day, standing(), null);
          const years = rng.chance(0.85) ? 1 : 2;
          away = { kind: '休学', resumeAy: ay + years, term, years };
          continue;
        }
      }
      const planted = major.college === world.withdrawalCollege && s.entryYear === PLANTED.withdrawalSpike.entryYear ? PLANTED.withdrawalSpike.hazardMultiplier : 1;
      const withdrawal = (extension ? 0.004 : RISK.withdrawal * RISK.withdrawalByStudyYear[studyYear]) * Math.exp(-0.45 * a) * (s.needy ? 1.3 : 1) * planted;
      if (rng.chance(withdrawal)) {
        const day = start + rng.int(10, 110);
        if (day <= asOfDay) {
          const reasons = studyTerm < 2 ? WITHDRAWAL_REASONS_FIRST_YEAR : a < -0.8 ? WITHDRAWAL_REASONS_WEAK : WITHDRAWAL_REASONS;
          withdraw(day, reasons.draw(rng));
          break career;
        }
      }
      if (rng.chance(RISK.punishment * (a < -1 ? 1.5 : 1))) {
        const day = start + rng.int(10, 130);
        if (day <= asOfDay) {
          const sanction = world.awards.sanction(rng, sid, day);
          if ((sanction.kind === '记过' || sanction.kind === '留校察看') && sanction.until > blockedUntil) blockedUntil = sanction.until;
        }
      }

      if (termEnd(ay, term) > asOfDay) break career;

      // The term's results: new courses of the plan, electives, a public elective, then retakes.
      if (!extension) {
        const plan = major.plan[studyTerm];
        for (const course of plan.required) if (!attempted.has(course)) takeCourse(course, ay, term);
        for (let k = 0; k < plan.electiveSlots; k++) {
          const course = pickWithout(rng, major.electivePool, attempted);
          if (course) takeCourse(course, ay, term);
        }
        if (plan.publicElective) {
          const course = pickWithout(rng, world.catalog.publicElectives, attempted);
          if (course) takeCourse(course, ay, term);
        }
      }
      // Retakes: a year after the failed term; in the last term of the plan (and in a 延期毕业 year)
      // every course still owed is retaken, whatever its term, so graduates have a last chance.
      const sweep = extension || studyTerm === planTerms - 1;
      let retakes = 0;
      for (const [course, o] of outstanding) {
        if (sweep) {
          if (o.lastKey >= ay * 4 + term || (extension && o.parity !== term && term === 1)) continue;
        } else if (o.parity !== term || o.lastAy >= ay || o.retakes >= MAX_RETAKES || retakes >= 4) continue;
        retake(course, o, ay, term);
        retakes++;
      }
      termsAttended++;
      yearTerms++;
      if (!extension) studyTerm++;

      if (term !== 2) continue;
      lastYear = { terms: yearTerms, fails: yearFails };
      yearTerms = 0;
      yearFails = 0;

      // End of the academic year: completion, or the academic review, then summer retakes.
      if (extension) {
        complete(outstanding.size === 0 ? '毕业' : '结业', ay);
        break career;
      }
      if (studyTerm >= planTerms) {
        if (outstanding.size === 0) {
          complete('毕业', ay);
          break career;
        }
        if (rng.chance(0.5)) {
          const from = standing();
          expected += 1;
          world.status.record(sid, '延期毕业', rng.chance(0.8) ? '未修满规定学分' : '本人申请延长学习年限', daysFromCivil(ay + 1, 6, 1) + rng.int(0, 14), from, standing());
          extension = true;
        } else {
          complete('结业', ay);
          break career;
        }
      } else if (ay + 1 - s.entryYear - reservedYears >= major.duration + 2) {
        // The longest study time allowed (our rule: 学制 + 2 years, service years not counted).
        const day = daysFromCivil(ay + 1, 7, 15) + rng.int(0, 31);
        if (day <= asOfDay) {
          withdraw(day, '超过最长学习年限');
          break career;
        }
      } else {
        let owed = 0;
        for (const course of outstanding.keys()) owed += course.credits;
        const review = daysFromCivil(ay + 1, 7, 15) + rng.int(0, 31);
        if (owed >= 12 && review <= asOfDay) {
          const r = rng.next();
          if (owed >= 20 && r < 0.25) {
            withdraw(review, '学业困难');
            break career;
          }
          if (r >= 0.25 && r < (owed >= 15 ? 0.55 : 0.31)) {
            const from = standing();
            studyTerm -= 2;
            classYear += 1;
            cls = className(major, classYear, rng.int(1, world.layout.classesOf(classYear, major)));
            expected += 1;
            world.status.record(sid, '降级', '学业成绩未达要求', review, from, standing());
          }
        }
      }
      if (termEnd(ay, 3) <= asOfDay) {
        for (const [course, o] of outstanding) {
          if (o.retakes < MAX_RETAKES && rng.chance(0.3)) retake(course, o, ay, 3);
        }
      }
    }
  }

  if (away) status = away.kind;
  world.students.row(studentRow(s, { major, className: cls }, status));
}
