// A student as admitted: identity, cohort, first major and class, admission route and score, and the
// hidden traits that drive the simulation (ability, financial need). Rendering of the students row,
// which shows the values at the as-of date (current major, class, status).
import type { Major } from './catalog.ts';
import { daysFromCivil, formatDay } from './calendar.ts';
import { csvField } from './csv-writer.ts';
import type { StudentLayout } from './layout.ts';
import { ADMISSION_ARTS, ADMISSION_SPORTS, ADMISSION_UNDERGRADUATE, ADMISSION_VOCATIONAL, chineseName, PROVINCES } from './people.ts';
import type { Rng } from './random.ts';

export type StudentStatus = '在读' | '休学' | '保留学籍' | '退学' | '转学' | '毕业' | '结业' | '肄业';

export interface Student {
  index: number;
  id: string;
  name: string;
  gender: '男' | '女';
  birthDay: number;
  province: string;
  entryYear: number;
  major: Major;
  classNo: number;
  admissionType: string;
  entranceScore: number | null;
  /** Standard normal, the same scale for every student: drives scores and the academic risks. */
  ability: number;
  /** Family in financial difficulty (eligible for 国家励志奖学金, more likely to suspend or withdraw). */
  needy: boolean;
}

// Female share by college (our choice, typical of Chinese universities): engineering low, languages,
// medicine and arts high.
const FEMALE_SHARE = [0.28, 0.12, 0.22, 0.25, 0.62, 0.82, 0.68, 0.52, 0.4, 0.75, 0.62, 0.66, 0.6, 0.55, 0.32];

export function admitStudent(index: number, layout: StudentLayout, rng: Rng): Student {
  const place = layout.locate(index);
  const major = place.segment.major;
  const entryYear = place.segment.cohort;
  const gender = rng.chance(FEMALE_SHARE[major.college.index] ?? 0.5) ? '女' : '男';
  const name = chineseName(rng, gender);
  const ageDraw = rng.next();
  const birthYear = entryYear - (ageDraw < 0.06 ? 17 : ageDraw < 0.66 ? 18 : ageDraw < 0.96 ? 19 : 20);
  const birthDay = daysFromCivil(birthYear, 1, 1) + rng.int(0, 364);
  const province = PROVINCES.draw(rng);

  const college = major.college.index;
  const admissions =
    major.level === '专科' ? ADMISSION_VOCATIONAL : college === 11 && major.short !== '数媒专' ? ADMISSION_ARTS : college === 14 ? ADMISSION_SPORTS : ADMISSION_UNDERGRADUATE;
  const admissionType = admissions.draw(rng);

  // Entrance score (高考总分, out of 750) and ability share a factor: correlation 0.5 by construction,
  // so ability stays standard normal for everyone.
  const z = rng.normal();
  const ability = 0.5 * z + Math.sqrt(0.75) * rng.normal();
  let entranceScore: number | null;
  if (admissionType === '保送' || admissionType === '注册入学' || admissionType === '中职注册') entranceScore = null;
  else if (major.level === '专科') entranceScore = Math.round(405 + 35 * z);
  else if (admissionType === '艺术类统考' || admissionType === '体育类统考' || admissionType === '高水平运动队') entranceScore = Math.round(430 + 28 * z);
  else entranceScore = Math.round(548 + 22 * z + 4 * (major.popularity - 1));
  if (entranceScore !== null) entranceScore = Math.min(700, Math.max(150, entranceScore));

  return {
    index,
    id: place.studentId,
    name,
    gender,
    birthDay,
    province,
    entryYear,
    major,
    classNo: place.classNo,
    admissionType,
    entranceScore,
    ability,
    needy: rng.chance(0.18),
  };
}

/** The students row as the archive holds it at the as-of date. */
export function studentRow(s: Student, current: { major: Major; className: string }, status: StudentStatus): string {
  const m = current.major;
  return [
    s.id,
    csvField(s.name),
    s.gender,
    formatDay(s.birthDay),
    s.province,
    s.entryYear,
    m.level,
    m.duration,
    csvField(m.college.name),
    csvField(m.name),
    csvField(current.className),
    s.admissionType,
    s.entranceScore ?? '',
    status,
  ].join(',');
}
