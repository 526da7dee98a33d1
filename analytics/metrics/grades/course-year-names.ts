// The names of the course-years an answer shows — each year's latest course name, teaching college and
// nature (sql/metrics/grades/course-year-names.sql) — put beside their counts. The counts of every
// course-year come first (course-dfw-by-year.sql: the year-over-year test runs over all of them);
// names are read only for the courses that remain: at 300,000 students the names of all 13,834
// course-years take 72 ms to read out of DuckDB, their counts 34 ms.
import type { Params } from '../../db/database.ts';
import type { MetricQuery } from '../from-rollup.ts';

export interface CourseYearKey {
  course_id: string;
  academic_year: number;
}

export interface CourseYearNames {
  course_name: string;
  teaching_dept: string | null;
  course_nature: string | null;
}

/** `rows` with their names, asked of `query` under the filters the counts were asked under (`params`). */
export async function withCourseYearNames<T extends CourseYearKey>(query: MetricQuery, params: Params, rows: readonly T[]): Promise<(CourseYearKey & CourseYearNames & T)[]> {
  if (rows.length === 0) return [];
  const courseIds = [...new Set(rows.map((row) => row.course_id))];
  const names = (await query('metrics/grades/course-year-names', { ...params, course_ids: courseIds })) as unknown as (CourseYearKey & CourseYearNames)[];
  const byKey = new Map(names.map((name) => [`${name.course_id}|${name.academic_year}`, name]));
  return rows.map((row) => {
    const name = byKey.get(`${row.course_id}|${row.academic_year}`);
    if (!name) throw new Error(`no name for course ${row.course_id} in ${row.academic_year}: the counts and names were asked under different filters`);
    // The names right after the keys, as the rows read before the counts and names were split.
    const named = { course_id: row.course_id, academic_year: row.academic_year, course_name: name.course_name, teaching_dept: name.teaching_dept, course_nature: name.course_nature };
    return Object.assign(named, row);
  });
}
