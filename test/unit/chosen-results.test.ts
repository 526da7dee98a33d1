// The attempt rules (sql/metrics/grades/parts/chosen-results.sql) on a small set of attempts, each
// case's chosen result worked out by hand from the rule's definition: a course sat once; a failed
// regular sitting cleared by a summer 补考; three attempts where the best and the latest differ; a
// course taken twice as 正常 with no retake; a 补考 with no regular sitting; a deferred exam without a
// result; a 正常 still without a result and its 缓考; a tie on the best score. The part picks only
// among the pairs sat more than once, so every kind of pair — once, twice as 正常, with retakes — is here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../analytics/db/database.ts';
import { gradeTables, type ResultRow, type StudentRow } from '../helpers/grade-tables.ts';
import { WHOLE_SCHOOL } from '../../analytics/insights/context.ts';

let db: Database;

const STUDENTS: StudentRow[] = [
  ['S1', 2020, '理学院'],
  ['S2', 2021, '理学院'],
];
const ATTEMPTS: ResultRow[] = [
  ['S1', 'C1', 2020, 1, 80, '正常'],
  ['S1', 'C2', 2020, 1, 50, '正常'],
  ['S1', 'C2', 2020, 3, 70, '补考'],
  ['S1', 'C3', 2020, 2, 55, '正常'],
  ['S1', 'C3', 2020, 3, 64, '补考'],
  ['S1', 'C3', 2021, 2, 62, '重修'],
  ['S1', 'C4', 2020, 1, 40, '正常'],
  ['S1', 'C4', 2021, 1, 35, '正常'],
  ['S1', 'C5', 2020, 3, 66, '补考'],
  ['S1', 'C6', 2020, 1, null, '缓考'],
  ['S1', 'C7', 2020, 1, null, '正常'],
  ['S1', 'C7', 2020, 1, 77, '缓考'],
  ['S1', 'C8', 2020, 1, 60, '正常'],
  ['S1', 'C8', 2020, 3, 60, '补考'],
  ['S2', 'C1', 2021, 1, 90, '正常'],
];

beforeAll(async () => {
  db = await gradeTables(STUDENTS, ATTEMPTS);
});

afterAll(() => db?.close());

/** The chosen results as `student course year-term term_index score exam`, sorted. */
async function chosen(attempt: string): Promise<string[]> {
  const rows = await db.query('metrics/grades/parts/chosen-results', { ...WHOLE_SCHOOL, attempt });
  return rows.map((r) => `${r.student_id} ${r.course_id} ${r.academic_year}-${r.term} ${r.term_index} ${r.score} ${r.exam_type}`).sort();
}

describe('the attempt rules', () => {
  it('first: every regular sitting with a result, where it was sat', async () => {
    expect(await chosen('first')).toEqual([
      'S1 C1 2020-1 1 80 正常',
      'S1 C2 2020-1 1 50 正常',
      'S1 C3 2020-2 2 55 正常',
      'S1 C4 2020-1 1 40 正常',
      'S1 C4 2021-1 3 35 正常', // taken again as 正常: both are regular sittings
      'S1 C8 2020-1 1 60 正常',
      'S2 C1 2021-1 1 90 正常',
    ]);
  });

  it('best: the highest score of each course, in the term of its first sitting; a tie goes to the earlier', async () => {
    expect(await chosen('best')).toEqual([
      'S1 C1 2020-1 1 80 正常',
      'S1 C2 2020-1 1 70 补考', // the summer 补考 clears the autumn term's fail
      'S1 C3 2020-2 2 64 补考', // 64 beats the 重修's 62
      'S1 C4 2020-1 1 40 正常', // 40 beats the second 正常's 35
      'S1 C5 2020-3 null 66 补考', // no regular sitting: the 补考 is the first, in summer
      'S1 C7 2020-1 1 77 缓考', // the 正常 has no result
      'S1 C8 2020-1 1 60 正常', // tied at 60: the earlier attempt
      'S2 C1 2021-1 1 90 正常',
    ]);
  });

  it('latest: the last attempt with a result, in the term of the first sitting', async () => {
    expect(await chosen('latest')).toEqual([
      'S1 C1 2020-1 1 80 正常',
      'S1 C2 2020-1 1 70 补考',
      'S1 C3 2020-2 2 62 重修', // the 2021 重修, though lower than the 补考
      'S1 C4 2020-1 1 35 正常', // the 2021 sitting, placed in 2020
      'S1 C5 2020-3 null 66 补考',
      'S1 C7 2020-1 1 77 缓考',
      'S1 C8 2020-1 1 60 补考', // same score, but the 补考 came after
      'S2 C1 2021-1 1 90 正常',
    ]);
  });
});
