// Status changes (学籍异动): the risks per term, the reasons, and the records. Rates are our choice within
// the published ranges (DOMAIN.md: suspension plus withdrawal 3.3‰–11.3‰ a year; reasons financial 24 %,
// academic 21 %, health 15 %): about 4‰ a year suspend, about 3–4‰ a year withdraw, a few per cent of a
// cohort change major in years 1–2, men enlist (保留学籍, two years).
import type { Major } from './catalog.ts';
import { formatDay, yearOf } from './calendar.ts';
import { csvField, type CsvFileWriter } from './csv-writer.ts';
import { Weighted } from './random.ts';

export type ChangeType = '休学' | '复学' | '保留学籍' | '恢复学籍' | '退学' | '转专业' | '转学' | '降级' | '延期毕业';

/** Where a student stands: the from_* and to_* of a change. */
export interface Standing {
  major: Major;
  className: string;
  expectedGraduation: number;
}

export const RISK = {
  /** Per attended term, before the year factor. */
  suspension: 0.0017,
  suspensionByStudyYear: [1.3, 1.1, 0.9, 0.7, 0.7, 0.7],
  withdrawal: 0.001,
  withdrawalByStudyYear: [1.7, 1.2, 0.8, 0.5, 0.5, 0.5],
  /** 休学 students who do not come back when it ends (then 退学). */
  noReturnAfterSuspension: 0.12,
  noReturnAfterReservation: 0.05,
  /** 转专业 by study term at which it takes effect (本科; 专科 a third of it). */
  majorChange: new Map<number, number>([[1, 0.008], [2, 0.025], [4, 0.008]]),
  /** Men, at the start of study years 2 and 3 (women a tenth of it). */
  enlistment: 0.006,
  transferOut: 0.0003,
  /** Per attended term. */
  punishment: 0.003,
};

export const SUSPENSION_REASONS = new Weighted<string>([
  ['疾病', 35], ['个人原因', 22], ['学业困难', 13], ['经济困难', 12], ['家庭原因', 8], ['创业', 5], ['出国交流', 5],
]);
export const SUSPENSION_REASONS_WEAK = new Weighted<string>([
  ['疾病', 25], ['个人原因', 20], ['学业困难', 35], ['经济困难', 10], ['家庭原因', 6], ['创业', 2], ['出国交流', 2],
]);
export const WITHDRAWAL_REASONS = new Weighted<string>([
  ['经济困难', 24], ['学业困难', 15], ['疾病', 15], ['个人原因', 22], ['出国', 10], ['家庭原因', 8], ['退学复读', 2], ['擅自离校', 2], ['未按时注册', 2],
]);
export const WITHDRAWAL_REASONS_WEAK = new Weighted<string>([
  ['经济困难', 18], ['学业困难', 45], ['疾病', 10], ['个人原因', 15], ['出国', 3], ['家庭原因', 5], ['退学复读', 2], ['擅自离校', 1], ['未按时注册', 1],
]);
export const WITHDRAWAL_REASONS_FIRST_YEAR = new Weighted<string>([
  ['经济困难', 20], ['学业困难', 12], ['疾病', 12], ['个人原因', 20], ['出国', 8], ['家庭原因', 6], ['退学复读', 20], ['擅自离校', 1], ['未按时注册', 1],
]);
export const MAJOR_CHANGE_REASONS = new Weighted<string>([['转专业考核合格', 85], ['学科特长', 10], ['身体原因', 5]]);
export const TRANSFER_OUT_REASONS = new Weighted<string>([['家庭原因', 50], ['特殊困难', 30], ['个人原因', 20]]);

export class StatusLog {
  private sequence = 0;
  private readonly documents = new Map<number, number>();

  constructor(private readonly out: CsvFileWriter) {}

  get count(): number {
    return this.sequence;
  }

  record(studentId: string, type: ChangeType, reason: string | null, day: number, from: Standing, to: Standing | null): void {
    this.sequence++;
    const year = yearOf(day);
    const doc = (this.documents.get(year) ?? 0) + 1;
    this.documents.set(year, doc);
    this.out.row(
      [
        `YD${String(this.sequence).padStart(8, '0')}`,
        studentId,
        type,
        csvField(reason),
        formatDay(day),
        csvField(from.major.college.name),
        csvField(from.major.name),
        csvField(from.className),
        from.expectedGraduation,
        to ? csvField(to.major.college.name) : '',
        to ? csvField(to.major.name) : '',
        to ? csvField(to.className) : '',
        to ? to.expectedGraduation : '',
        `校学字〔${year}〕${doc}号`,
      ].join(','),
    );
  }
}
