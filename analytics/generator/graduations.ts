// Completion records (毕(结)业与学位授予): 毕业 (with or without a degree), 结业 (studied the whole time
// but did not meet the requirements), 肄业 (withdrew after at least a year, 教育部令第41号 Art. 35).
// Certificate numbers follow the national pattern in shape, with an invented school code:
//   diploma (18 digits): school 5 + 办学类型 1 + year 4 + level 1 (5 本科, 6 专科) + serial 7
//   degree  (16 digits): school 5 + 学位级别 1 (4 学士) + year 4 + serial 6
import type { Major } from './catalog.ts';
import { formatDay, yearOf } from './calendar.ts';
import type { CsvFileWriter } from './csv-writer.ts';

export type Outcome = '毕业' | '结业' | '肄业';

const SCHOOL_CODE = '19999';

export class GraduationLog {
  private readonly diplomaSerials = new Map<string, number>();
  private readonly degreeSerials = new Map<number, number>();

  constructor(private readonly out: CsvFileWriter) {}

  record(studentId: string, outcome: Outcome, day: number, major: Major, degreeAwarded: boolean): void {
    const year = yearOf(day);
    const levelDigit = major.level === '本科' ? '5' : '6';
    const key = `${year}:${levelDigit}`;
    const serial = (this.diplomaSerials.get(key) ?? 0) + 1;
    this.diplomaSerials.set(key, serial);
    const diploma = `${SCHOOL_CODE}1${year}${levelDigit}${String(serial).padStart(7, '0')}`;
    let degreeNo = '';
    let degreeType = '';
    if (degreeAwarded && major.degreeType) {
      const d = (this.degreeSerials.get(year) ?? 0) + 1;
      this.degreeSerials.set(year, d);
      degreeNo = `${SCHOOL_CODE}4${year}${String(d).padStart(6, '0')}`;
      degreeType = major.degreeType;
    }
    this.out.row([studentId, outcome, formatDay(day), degreeNo ? 'true' : 'false', degreeType, diploma, degreeNo].join(','));
  }
}
