// Where every student sits before anything happens to them: cohort sizes, the intake of each major, and
// student index → (cohort, major, serial, class, student id). A pure function of (students, cohorts), so
// utilization can name existing students by index without holding the students in memory.
import type { Catalog, Major } from './catalog.ts';
import { allocate } from './random.ts';

export interface Segment {
  /** First student index of this (cohort, major) intake. */
  start: number;
  count: number;
  cohort: number;
  major: Major;
  /** Serial (1-based) of the segment's first student within its cohort and college. */
  serialStart: number;
  classes: number;
}

export interface Placement {
  segment: Segment;
  /** Position within the segment. */
  k: number;
  studentId: string;
  classNo: number;
}

/** Class size aimed at (our rule; Chinese classes are typically 30–40 students). */
const CLASS_SIZE = 35;

export class StudentLayout {
  readonly segments: Segment[] = [];
  readonly cohortSizes: number[];
  private readonly classCounts = new Map<string, number>();

  constructor(
    readonly total: number,
    readonly cohorts: readonly number[],
    catalog: Catalog,
  ) {
    // Intake grows a little every year (enrolment expansion, our choice: +4 % of the first year's a year).
    this.cohortSizes = allocate(total, cohorts.map((_, i) => 1 + 0.04 * i));
    let start = 0;
    cohorts.forEach((cohort, c) => {
      const open = catalog.majors.filter((m) => m.since <= cohort);
      const counts = allocate(this.cohortSizes[c], open.map((m) => m.weight));
      const serialByCollege = new Map<number, number>();
      open.forEach((major, i) => {
        const count = counts[i];
        const serialStart = (serialByCollege.get(major.college.index) ?? 0) + 1;
        serialByCollege.set(major.college.index, serialStart - 1 + count);
        const classes = Math.max(1, Math.round(count / CLASS_SIZE));
        this.classCounts.set(`${cohort}:${major.index}`, classes);
        if (count > 0) this.segments.push({ start, count, cohort, major, serialStart, classes });
        start += count;
      });
    });
  }

  /** Number of classes of a major's cohort; a cohort not in the data (e.g. next year's) is estimated. */
  classesOf(cohort: number, major: Major): number {
    const exact = this.classCounts.get(`${cohort}:${major.index}`);
    if (exact !== undefined) return exact;
    const last = this.cohorts[this.cohorts.length - 1];
    return this.classCounts.get(`${Math.min(cohort, last)}:${major.index}`) ?? 1;
  }

  locate(index: number): Placement {
    if (!(index >= 0 && index < this.total)) throw new Error(`student index ${index} out of range`);
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].start <= index) lo = mid;
      else hi = mid - 1;
    }
    const segment = this.segments[lo];
    const k = index - segment.start;
    const serial = segment.serialStart + k;
    return {
      segment,
      k,
      studentId: `${segment.cohort}${segment.major.college.code}${String(serial).padStart(4, '0')}`,
      classNo: Math.floor((k * segment.classes) / segment.count) + 1,
    };
  }

  /** First student index of each cohort, and one past the last. */
  cohortBounds(): number[] {
    const bounds = [0];
    for (const size of this.cohortSizes) bounds.push(bounds[bounds.length - 1] + size);
    return bounds;
  }
}

export function className(major: Major, year: number, classNo: number): string {
  return `${major.short}${year}-${classNo}班`;
}
