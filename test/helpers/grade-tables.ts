// A database holding bare `students` and `grades` tables with a few hand-written results, for tests of
// the grades SQL parts and rollups on cases worked out by hand (no ingest, no curation).
import { Database } from '../../analytics/db/database.ts';

/** A student: id, entry year, college (also used as the major). */
export type StudentRow = [student: string, entryYear: number, college: string];
/** A result: student, course, academic year, term, score (null: none yet), exam type. */
export type ResultRow = [student: string, course: string, academicYear: number, term: number, score: number | null, examType: string];

/** Every course 2 credits, 必修, taught by 理学院; a grade point of score / 25. */
export async function gradeTables(students: readonly StudentRow[], results: readonly ResultRow[]): Promise<Database> {
  const db = await Database.open({ threads: 1, poolSize: 1 });
  await db.execute(`
    CREATE TABLE students (student_id VARCHAR, entry_year INTEGER, level VARCHAR, college VARCHAR, major VARCHAR);
    CREATE TABLE grades (
      student_id VARCHAR, entry_year INTEGER, course_id VARCHAR, course_name VARCHAR, course_nature VARCHAR,
      teaching_dept VARCHAR, credits DOUBLE, academic_year INTEGER, term INTEGER, score DOUBLE,
      grade_text VARCHAR, grade_point DOUBLE, exam_type VARCHAR)`);
  for (const [student, entry, college] of students) {
    await db.execute(`INSERT INTO students VALUES ($s, $e, '本科', $c, $c)`, { s: student, e: entry, c: college });
  }
  for (const [student, course, year, term, score, exam] of results) {
    const entry = students.find(([id]) => id === student)?.[1];
    if (entry === undefined) throw new Error(`result of unknown student ${student}`);
    await db.execute(`INSERT INTO grades VALUES ($s, $e, $c, $c, '必修', '理学院', 2, $y, $t, $score, NULL, $score / 25, $x)`, {
      s: student,
      e: entry,
      c: course,
      y: year,
      t: term,
      score,
      x: exam,
    });
  }
  return db;
}
