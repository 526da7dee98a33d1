// Grades area (issue: cohort grade analytics): trends, distributions, course difficulty (DFW), grade
// inflation, cohort comparison and student progress. Every route takes the grade filters (cohort range,
// level, college, major, course nature, attempt rule — api/schemas/grades.ts), runs one metric from
// sql/metrics/grades/, computes its statistics in analytics/metrics/ and answers { version, rows }.
// Aggregates for AGGREGATE_READERS; a college account is pinned to its college (collegeScope).
//
// Suppression (analytics/privacy/suppression.ts): each route declares its cell, the count of people
// behind it and `along` — the dimensions whose line totals a reader can know or derive from another
// route under the same filters, so that a lone hidden cell in such a line also hides a complementary one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AGGREGATE_READERS, SUPPRESSED_ROLES } from '../../analytics/accounts/roles.ts';
import type { AcademicWarning } from '../../analytics/config.ts';
import type { SuppressionRule } from '../../analytics/privacy/suppression.ts';
import { rateCourses, rateDepartments, yearOverYear, type CourseCounts, type CourseYearCounts, type DfwCounts } from '../../analytics/metrics/grades/course-difficulty.ts';
import { withCourseYearNames } from '../../analytics/metrics/grades/course-year-names.ts';
import { inflationTrends, type InflationYear } from '../../analytics/metrics/grades/inflation.ts';
import { compareSides, type Side } from '../../analytics/metrics/grades/comparison.ts';
import type { Params } from '../../analytics/db/database.ts';
import type { RouteCache } from '../plugins/response-cache.ts';
import { badRequest } from '../errors.ts';
import { errorResponses } from '../schemas/common.ts';
import * as S from '../schemas/grades.ts';

export interface GradesOptions {
  academicWarning: AcademicWarning;
  /** The suppression threshold of the access plugin: volatile courses are never fewer (see /courses). */
  suppressionThreshold: number;
}

export function checkCohortRange(filters: { cohort_from?: number; cohort_to?: number }): void {
  if (filters.cohort_from !== undefined && filters.cohort_to !== undefined && filters.cohort_from > filters.cohort_to) {
    throw badRequest(`cohort_from (${filters.cohort_from}) must not be later than cohort_to (${filters.cohort_to})`);
  }
}

/**
 * The checks a schema cannot make: the cohort range in order, and every number finite (the query-string
 * coercion turns "1e309" into Infinity, which passes a JSON-schema maximum).
 */
export function checkFilters(query: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw badRequest(`query parameter "${name}" must be a finite number, got ${value}`);
  }
  checkCohortRange(query as { cohort_from?: number; cohort_to?: number });
}

/** Filter parameters whose values come from the archive (filter-values.sql). */
const VALUE_FIELDS = ['level', 'college', 'major', 'course_nature', 'teaching_dept', 'course_id'] as const;

/**
 * The access declaration of an aggregate grades route, answers cached by VERSION and query
 * (api/plugins/response-cache.ts).
 */
const aggregate = (suppress: SuppressionRule, cache: RouteCache = true) => ({ access: { roles: AGGREGATE_READERS, collegeScope: true, suppress }, cache });

/** Ranked rates depend on whether the caller sees suppressed figures (rankedFrom): part of the cache key. */
const rankedByRole: RouteCache = { vary: (request) => Boolean(request.user && SUPPRESSED_ROLES.includes(request.user.role)) };

const standingValues = ['n', 'dfw', 'ci_low', 'ci_high', 'peer_mean', 'z', 'outlier', 'rank'];

// Rules other modules reuse (the cohort report applies them to the same metrics: api/routes/reports.ts);
// the routes below say why their cells and lines are what they are.
export const TRENDS_RULE: SuppressionRule = { count: 'students', cell: ['entry_year', 'term_index'], along: ['term_index'], values: ['n', 'mean', 'median', 'p10', 'p90', 'gpa'], rates: ['fail_rate'] };
export const COURSES_RULE: SuppressionRule = { count: 'students', cell: ['teaching_dept', 'course_id'], along: ['course_id'], values: standingValues, rates: ['dfw_rate'] };
export const COMPARE_RULE: SuppressionRule = {
  count: 'students',
  cell: ['by', 'a', 'b'],
  along: [],
  values: ['a_students', 'a_mean', 'a_sd', 'b_students', 'b_mean', 'b_sd', 'difference', 'ci_low', 'ci_high', 't', 'df', 'p_value', 'cohens_d', 'effect', 'verdict_zh', 'verdict_en'],
};

const grades: FastifyPluginAsyncTypebox<GradesOptions> = async (app, options) => {
  const known = new Map<string, Promise<Map<string, Set<string>>>>();
  const knownValues = (version: string) => {
    let values = known.get(version);
    if (!values) {
      values = app.archive.db.query('metrics/grades/filter-values').then((rows) => {
        const sets = new Map<string, Set<string>>(VALUE_FIELDS.map((field) => [field, new Set<string>()]));
        for (const row of rows) sets.get(row.field as string)!.add(row.value as string);
        return sets;
      });
      values.catch(() => known.delete(version));
      known.clear(); // one version at a time: the newest asked for
      known.set(version, values);
    }
    return values;
  };
  /**
   * Runs metric `name` for the current version: at once empty when a filter names a value the archive
   * does not hold (it could only find nothing), otherwise from DuckDB (its rollup twin where that gives
   * the answer: archive.queryMetric). Whole answers are cached by the
   * response-cache plugin; rows may be shared with later answers: callers copy, never change them.
   */
  const run = async (version: string, name: string, params: Record<string, unknown>) => {
    const values = await knownValues(version);
    if (VALUE_FIELDS.some((field) => typeof params[field] === 'string' && !values.get(field)!.has(params[field] as string))) return [];
    return app.archive.queryMetric(`metrics/grades/${name}`, params as Params);
  };
  /**
   * The least number of results a ranked rate needs: the caller's min_n, but never below the
   * suppression threshold for roles that see suppressed figures — a course hidden for its size is then
   * always volatile, and volatile courses are nobody's peers, so no visible z-score or peer mean carries
   * a hidden course's rate.
   */
  const rankedFrom = (request: FastifyRequest, minN: number) =>
    request.user && SUPPRESSED_ROLES.includes(request.user.role) ? Math.max(minN, options.suppressionThreshold) : minN;

  app.get(
    '/api/grades/trends',
    {
      // A cell is a cohort's results in one term; it is small when few *students* stand behind it (the
      // number of results is no measure of disclosure risk). A cohort's results over all terms can be
      // had from other views, so a lone hidden term in a cohort's line gets a complementary one.
      config: aggregate(TRENDS_RULE),
      schema: {
        tags: ['grades'],
        summary: 'Cohort grade trends per term since entry',
        description: 'Per entry cohort × term index: n, students, mean, median, P10, P90, fail rate and credit-weighted GPA of the counted results (attempt rule, default first attempts).',
        querystring: S.GradeFilters,
        response: { 200: S.Trends, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      return { version, rows: (await run(version, 'cohort-grade-trends', request.query)) as never };
    },
  );

  app.get(
    '/api/grades/trends/years',
    {
      // Cells are academic years; the results over all years follow from the cohort trends.
      config: aggregate({ count: 'students', cell: ['academic_year'], along: ['academic_year'], values: ['n', 'mean', 'median', 'p10', 'p90', 'gpa'], rates: ['fail_rate'] }),
      schema: {
        tags: ['grades'],
        summary: 'Grade trends per academic year',
        description: 'Per academic year (all cohorts under the filters): n, students, mean, median, P10, P90, fail rate, GPA.',
        querystring: S.GradeFilters,
        response: { 200: S.YearTrends, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      return { version, rows: (await run(version, 'grade-trends-by-year', request.query)) as never };
    },
  );

  app.get(
    '/api/grades/distribution/scores',
    {
      // Cells are group × score bin. A group's total is known (trends, box plot) and so is a bin's total
      // over the groups (the same histogram grouped another way): complementary cells along both.
      config: aggregate({ count: 'students', cell: ['grp', 'bin_lower'], along: ['bin_lower', 'grp'], values: ['results', 'share'] }),
      schema: {
        tags: ['grades'],
        summary: 'Score histograms per group',
        querystring: S.HistogramQuery,
        response: { 200: S.Histogram, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      return { version, rows: (await run(version, 'score-histogram', request.query)) as never };
    },
  );

  app.get(
    '/api/grades/distribution/boxplot',
    {
      // Cells are groups; the total over the groups is the ungrouped figure (trends), so a lone hidden
      // group is joined by the smallest other.
      config: aggregate({
        count: 'students',
        cell: ['grp'],
        along: ['grp'],
        values: ['n', 'mean', 'sd', 'q1', 'median', 'q3', 'whisker_low', 'whisker_high', 'outliers_low', 'outliers_high'],
      }),
      schema: {
        tags: ['grades'],
        summary: 'Box-plot data per group (quartiles, Tukey whiskers)',
        querystring: S.BoxplotQuery,
        response: { 200: S.Boxplot, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      return { version, rows: (await run(version, 'score-boxplot', request.query)) as never };
    },
  );

  app.get(
    '/api/grades/distribution/gpa',
    {
      // Cells are group × GPA band; a group's students and a band's students over the groups are both
      // known from other groupings.
      config: aggregate({ count: 'students', cell: ['grp', 'band_lower'], along: ['band_lower', 'grp'], values: ['share'] }),
      schema: {
        tags: ['grades'],
        summary: 'Students by GPA band (0.5 wide) per group',
        querystring: S.GpaBandsQuery,
        response: { 200: S.GpaBands, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      return { version, rows: (await run(version, 'gpa-bands', request.query)) as never };
    },
  );

  app.get(
    '/api/grades/courses',
    {
      // Cells are courses within their teaching college; the college's total is published by
      // /api/grades/departments, so complementary cells run along the courses of a teaching college.
      config: {
        ...aggregate(COURSES_RULE, rankedByRole),
        page: { sortable: S.COURSE_SORT_KEYS, descendingFirst: ['n', 'dfw_rate', 'z'], id: 'course_id', only: { parameter: 'outliers_only', keep: (row) => row.outlier != null } },
      },
      schema: {
        tags: ['grades'],
        summary: 'Course difficulty: first-attempt DFW rate, Wilson interval, z-score against peer courses (paged with limit)',
        description:
          'DFW = 不及格, 缺考 or withdrawn among first attempts (正常), whatever the attempt rule. Peers: same teaching college and course nature. Courses with fewer than min_n results are volatile: not ranked, no z-score.',
        querystring: S.CoursesQuery,
        response: { 200: S.Courses, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      const counts = (await run(version, 'course-dfw', request.query)) as unknown as CourseCounts[];
      const rows = rateCourses(counts, { minN: rankedFrom(request, request.query.min_n), zLimit: request.query.z });
      return { version, rows: rows as never };
    },
  );

  app.get(
    '/api/grades/departments',
    {
      // Cells are teaching colleges; the school's total is derivable, so a lone hidden one gets company.
      config: aggregate({ count: 'students', cell: ['teaching_dept'], along: ['teaching_dept'], values: ['courses', ...standingValues], rates: ['dfw_rate'] }, rankedByRole),
      schema: {
        tags: ['grades'],
        summary: 'DFW rate per teaching college, with z-scores against the other teaching colleges',
        querystring: S.DepartmentsQuery,
        response: { 200: S.Departments, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      const counts = (await run(version, 'department-dfw', request.query)) as unknown as (DfwCounts & { teaching_dept: string })[];
      const rows = rateDepartments(counts, { minN: rankedFrom(request, request.query.min_n), zLimit: request.query.z });
      return { version, rows: rows as never };
    },
  );

  app.get(
    '/api/grades/courses/years',
    {
      // Cells are course × academic year; a course's total over the years is published by /courses.
      config: aggregate({
        count: 'students',
        cell: ['course_id', 'academic_year'],
        along: ['academic_year'],
        values: ['n', 'dfw', 'ci_low', 'ci_high', 'change', 'p_value', 'q_value', 'jump'],
        rates: ['dfw_rate'],
      }, rankedByRole),
      schema: {
        tags: ['grades'],
        summary: 'Course DFW rates year by year, with year-over-year jumps',
        description:
          'Each year against the course’s previous year with results: change, two-proportion z-test, Benjamini–Hochberg q over every course-year under the filters; a jump is a change of at least jump_points with q < 0.05, both years not volatile.',
        querystring: S.CourseYearsQuery,
        response: { 200: S.CourseYears, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      checkFilters(q);
      const version = await app.requireVersion();
      const counts = (await run(version, 'course-dfw-by-year', q)) as unknown as CourseYearCounts[];
      // Tested over every course under the filters, narrowed afterwards (see the SQL file); names only
      // for the rows that remain.
      const tested = yearOverYear(counts, { minN: rankedFrom(request, q.min_n), jumpPoints: q.jump_points, jumpQ: 0.05 }).filter(
        (row) => (q.course_id === undefined || row.course_id === q.course_id) && (!q.jumps_only || row.jump !== null),
      );
      const named = await withCourseYearNames((file, params) => app.archive.queryMetric(file, params), q as Params, tested);
      const rows = named.filter((row) => q.teaching_dept === undefined || row.teaching_dept === q.teaching_dept);
      return { version, rows: rows as never };
    },
  );

  app.get(
    '/api/grades/inflation',
    {
      // Cells are group × academic year: a group's total over the years and a year's total over the
      // groups are both derivable (trends per year; the distribution by group).
      config: aggregate({ count: 'students', cell: ['grp', 'academic_year'], along: ['academic_year', 'grp'], values: ['n', 'mean', 'share_90'] }),
      schema: {
        tags: ['grades'],
        summary: 'Grade inflation: mean score and share of scores ≥ 90 per group and academic year',
        querystring: S.InflationQuery,
        response: { 200: S.Inflation, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      return { version, rows: (await run(version, 'grade-inflation', request.query)) as never };
    },
  );

  app.get(
    '/api/grades/inflation/trends',
    {
      // One cell per group, counting the fewest students of any fitted year: a trend is hidden whenever
      // one of its years would be (a slope and the visible years would give the hidden year's mean
      // back). Slopes do not add up, so there is no line total to protect.
      config: aggregate({
        count: 'students',
        cell: ['grp'],
        along: [],
        values: ['n', 'slope', 'intercept', 'r2', 'slope_low', 'slope_high', 'share_90_slope', 'share_90_low', 'share_90_high', 'within_course_slope', 'courses_over_years'],
      }),
      schema: {
        tags: ['grades'],
        summary: 'Grade inflation trend per group: slope per year, r², 95% CI; within-course slope',
        querystring: S.InflationTrendsQuery,
        response: { 200: S.InflationTrends, ...errorResponses },
      },
    },
    async (request) => {
      checkFilters(request.query);
      const version = await app.requireVersion();
      const years = (await run(version, 'grade-inflation', request.query)) as unknown as InflationYear[];
      return { version, rows: inflationTrends(years, request.query.min_year_n) as never };
    },
  );

  app.get(
    '/api/grades/compare',
    {
      // One cell: the comparison, counting the smaller side's students. Either side's mean can be read
      // back from the difference and the other side's, so both sides show or neither does.
      config: aggregate(COMPARE_RULE),
      schema: {
        tags: ['grades'],
        summary: 'Two cohorts or two colleges side by side: difference, Welch’s t-test, Cohen’s d, a verdict',
        description: 'Students are the units (each student’s credit-weighted mean score or GPA over the counted results). Cohorts are compared at the same point: up to the last term index both have reached, unless term_to.',
        querystring: S.CompareQuery,
        response: { 200: S.Compare, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      checkFilters(q);
      if (q.by === 'college' && q.college !== undefined) {
        throw badRequest(
          `by=college compares two colleges and cannot be combined with the college filter (${q.college}); a college account compares cohorts of its own college`,
        );
      }
      for (const [name, value] of [['a', q.a], ['b', q.b]] as const) {
        if (q.by === 'cohort' && value !== undefined && !/^\d{4}$/.test(value)) throw badRequest(`${name} must be a cohort's entry year such as 2020 when by=cohort, got "${value}"`);
      }
      const version = await app.requireVersion();
      let { a, b } = q;
      if (a === undefined || b === undefined) {
        const defaults = ((await run(version, 'comparison-defaults', q)) as unknown as { grp: string }[]).map((row) => row.grp);
        b ??= defaults.find((value) => value !== a);
        a ??= defaults.find((value) => value !== b);
      }
      if (a === undefined || b === undefined) return { version, rows: [] };
      if (a === b) throw badRequest(`a and b must differ (both are "${a}")`);
      const values = (await knownValues(version)).get('college')!;
      if (q.by === 'college' && ![a, b].every((college) => values.has(college))) return { version, rows: [] };
      const sides = (await run(version, 'cohort-comparison', { ...q, a, b })) as unknown as { side: 'a' | 'b'; students: number; mean: number; variance: number | null; term_limit: number | null }[];
      const side = (key: 'a' | 'b', value: string): Side => {
        const row = sides.find((s) => s.side === key);
        return { value, n: row?.students ?? 0, mean: row?.mean ?? NaN, variance: row?.variance ?? 0 };
      };
      const [left, right] = [side('a', a), side('b', b)];
      const comparison = compareSides(left, right, q.measure, q.by);
      const finite = (x: number) => (Number.isFinite(x) ? x : null);
      const row = {
        by: q.by,
        measure: q.measure,
        a,
        b,
        term_limit: sides[0]?.term_limit ?? null,
        students: Math.min(left.n, right.n),
        a_students: left.n,
        a_mean: finite(left.mean),
        a_sd: left.n > 1 ? Math.sqrt(left.variance) : null,
        b_students: right.n,
        b_mean: finite(right.mean),
        b_sd: right.n > 1 ? Math.sqrt(right.variance) : null,
        ...comparison,
      };
      return { version, rows: [row] as never };
    },
  );

  app.get(
    '/api/grades/progress',
    {
      // Cells are cohort × term × kind × band; the bands of one kind add up to the cohort's students
      // present that term (known from the other kind), so complementary cells run along the bands.
      config: aggregate({ count: 'students', cell: ['entry_year', 'term_index', 'kind', 'band'], along: ['band'], values: ['share'] }),
      schema: {
        tags: ['grades'],
        summary: 'Student progress: students by cumulative GPA band and by failed credits, against academic-warning lines',
        description:
          'Per entry cohort × term index, at the end of the term: cumulative GPA and accumulated failed credits by the attempt rule among the attempts sat so far. Warning lines default to XUEJI_WARNING_GPA, XUEJI_WARNING_FAILED_CREDITS, XUEJI_SERIOUS_FAILED_CREDITS.',
        querystring: S.ProgressQuery,
        response: { 200: S.Progress, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      checkFilters(q);
      const thresholds = {
        warning_gpa: q.warning_gpa ?? options.academicWarning.gpa,
        warning_credits: q.warning_credits ?? options.academicWarning.failedCredits,
        serious_credits: q.serious_credits ?? options.academicWarning.seriousFailedCredits,
      };
      if (thresholds.serious_credits <= thresholds.warning_credits) {
        throw badRequest(`serious_credits (${thresholds.serious_credits}) must be above warning_credits (${thresholds.warning_credits})`);
      }
      const version = await app.requireVersion();
      return { version, thresholds, rows: (await run(version, 'student-progress', { ...q, ...thresholds })) as never };
    },
  );
};

export default grades;
