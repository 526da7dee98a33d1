// TypeBox schemas of the grades routes (api/routes/grades.ts): the filters every grades metric takes,
// each route's own parameters, and the rows it answers.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ATTEMPT_RULES, DEFAULT_ATTEMPT_RULE } from '../../analytics/archive/attempt-rules.ts';
import { CohortFilters, oneOf, pageProperties, PageNote, suppressibleRow, SuppressionNote } from './common.ts';

const gradeFilterProperties = {
  ...CohortFilters.properties,
  course_nature: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Course nature (课程性质): 必修, 选修, 公共必修 …, as listed by /api/meta' })),
  attempt: oneOf(ATTEMPT_RULES, {
    default: DEFAULT_ATTEMPT_RULE,
    description: 'Which result of a course counts: first = the regular sitting (正常) only; best = the highest score over all attempts; latest = the last attempt. Placed in the term of the first sitting.',
  }),
};

/** The filters of every grades metric: cohort range, level, college, major, course nature, attempt rule. */
export const GradeFilters = Type.Object(gradeFilterProperties, { additionalProperties: false });
export type GradeFilters = Static<typeof GradeFilters>;

/** GradeFilters plus a route's own parameters. */
export function withFilters<T extends Record<string, TSchema>>(properties: T) {
  return Type.Object({ ...gradeFilterProperties, ...properties }, { additionalProperties: false });
}

export const minN = Type.Integer({
  minimum: 1,
  maximum: 10000,
  default: 30,
  description: 'Fewest first-attempt results for a rate to be ranked; smaller courses are marked volatile (never below the suppression threshold for roles that see suppressed figures)',
});

const zLimit = Type.Number({ minimum: 1, maximum: 5, default: 2, description: 'An outlier is a course whose |z| is at least this' });

const num = Type.Number();
const int = Type.Integer();
const text = Type.String();
const answer = <T extends TSchema>(row: T, extra: Record<string, TSchema> = {}) =>
  Type.Object({ version: Type.String(), ...extra, rows: Type.Array(row), suppression: SuppressionNote });

const trendMeasures = {
  n: Type.Integer({ description: 'Counted results' }),
  students: Type.Integer({ description: 'Students behind them' }),
  mean: num,
  median: num,
  p10: num,
  p90: num,
  fail_rate: Type.Number({ description: 'Share of results below 60 (缺考 counts as 0)' }),
  gpa: Type.Number({ description: 'Credit-weighted mean grade point: Σ credits × grade point / Σ credits' }),
};

export const TrendRow = suppressibleRow(
  { entry_year: int, term_index: Type.Integer({ description: '1 = the cohort’s first autumn term' }) },
  trendMeasures,
);
export const Trends = answer(TrendRow);

export const YearTrendRow = suppressibleRow({ academic_year: Type.Integer({ description: 'Start year: 2019 = 2019–2020' }) }, trendMeasures);
export const YearTrends = answer(YearTrendRow);

export const DISTRIBUTION_GROUPS = ['cohort', 'college', 'major', 'teaching_dept'] as const;
export const STUDENT_GROUPS = ['cohort', 'college', 'major'] as const;
const groupBy = <T extends readonly string[]>(values: T, fallback: T[number]) =>
  oneOf(values, {
    default: fallback,
    description: 'Group by: cohort (entry year), college or major (the student’s), teaching_dept (the college that teaches the course)',
  });

export const HistogramQuery = withFilters({
  by: groupBy(DISTRIBUTION_GROUPS, 'college'),
  bin: Type.Unsafe<1 | 2 | 5 | 10>({ type: 'integer', enum: [1, 2, 5, 10], default: 5, description: 'Bin width in points' }),
});
export const HistogramRow = suppressibleRow(
  { grp: Type.String({ description: 'The group: a cohort’s year, a college, major or teaching college' }), bin_lower: num, bin_upper: num },
  { results: int, students: int, share: Type.Number({ description: 'Share of the group’s results' }) },
);
export const Histogram = answer(HistogramRow);

export const BoxplotQuery = withFilters({ by: groupBy(DISTRIBUTION_GROUPS, 'college') });
export const BoxplotRow = suppressibleRow(
  { grp: text },
  {
    n: int,
    students: int,
    mean: num,
    sd: num,
    q1: num,
    median: num,
    q3: num,
    whisker_low: Type.Number({ description: 'Lowest result within 1.5 IQR below Q1 (Tukey)' }),
    whisker_high: Type.Number({ description: 'Highest result within 1.5 IQR above Q3 (Tukey)' }),
    outliers_low: int,
    outliers_high: int,
  },
);
export const Boxplot = answer(BoxplotRow);

export const GpaBandsQuery = withFilters({ by: groupBy(STUDENT_GROUPS, 'college') });
export const GpaBandRow = suppressibleRow(
  { grp: text, band_lower: num, band_upper: num },
  { students: int, share: Type.Number({ description: 'Share of the group’s students' }) },
);
export const GpaBands = answer(GpaBandRow);

const standingMeasures = {
  n: Type.Integer({ description: 'First-attempt results (正常)' }),
  students: int,
  dfw: Type.Integer({ description: 'Of which 不及格, 缺考 or withdrawn' }),
  dfw_rate: num,
  ci_low: Type.Number({ description: 'Wilson 95% interval' }),
  ci_high: num,
  peer_mean: Type.Number({ description: 'Mean DFW rate of the peers (each counts once)' }),
  z: Type.Number({ description: 'Leave-one-out z-score against the peers' }),
  outlier: oneOf(['high', 'low'] as const, { description: '|z| at or past the limit' }),
  rank: Type.Integer({ description: '1 = highest DFW rate among ranked (not volatile) rows' }),
};
const standingDimensions = {
  volatile: Type.Boolean({ description: 'Too few results to rank: no z-score, rank or outlier flag' }),
  peers: Type.Integer({ description: 'How many others it was measured against' }),
};

/** The course table's sort columns (the first is the default: rank 1 = the highest DFW rate). */
export const COURSE_SORT_KEYS = ['rank', 'course_name', 'teaching_dept', 'n', 'dfw_rate', 'z'] as const;

export const CoursesQuery = withFilters({
  teaching_dept: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only the courses of this teaching college (开课学院)' })),
  min_n: minN,
  z: zLimit,
  outliers_only: Type.Boolean({ default: false, description: 'Only the courses flagged as outliers' }),
  ...pageProperties(COURSE_SORT_KEYS),
});
export const CourseRow = suppressibleRow(
  {
    course_id: text,
    course_name: text,
    teaching_dept: Type.Union([text, Type.Null()]),
    course_nature: Type.Union([text, Type.Null()]),
    first_year: int,
    last_year: int,
    ...standingDimensions,
  },
  standingMeasures,
);
export const Courses = answer(CourseRow, { page: PageNote });

export const DepartmentsQuery = withFilters({ min_n: minN, z: zLimit });
export const DepartmentRow = suppressibleRow({ teaching_dept: text, ...standingDimensions }, { courses: int, ...standingMeasures });
export const Departments = answer(DepartmentRow);

export const CourseYearsQuery = withFilters({
  course_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only this course' })),
  teaching_dept: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only the courses of this teaching college' })),
  jumps_only: Type.Boolean({ default: false, description: 'Only the course-years flagged as jumps' }),
  min_n: minN,
  jump_points: Type.Number({ minimum: 0.01, maximum: 1, default: 0.1, description: 'Smallest change of DFW rate (0.1 = 10 points) that counts as a jump' }),
});
export const CourseYearRow = suppressibleRow(
  {
    course_id: text,
    academic_year: int,
    course_name: text,
    teaching_dept: Type.Union([text, Type.Null()]),
    course_nature: Type.Union([text, Type.Null()]),
    volatile: Type.Boolean(),
    previous_year: Type.Union([int, Type.Null()]),
  },
  {
    n: int,
    students: int,
    dfw: int,
    dfw_rate: num,
    ci_low: num,
    ci_high: num,
    change: Type.Number({ description: 'This year’s DFW rate minus the previous year’s (both not volatile)' }),
    p_value: Type.Number({ description: 'Two-proportion z-test against the previous year' }),
    q_value: Type.Number({ description: 'Benjamini–Hochberg adjusted over every comparison under the filters' }),
    jump: oneOf(['up', 'down'] as const, { description: 'A change of at least jump_points with q < 0.05' }),
  },
);
export const CourseYears = answer(CourseYearRow);

export const INFLATION_GROUPS = ['teaching_dept', 'college', 'major'] as const;
export const InflationQuery = withFilters({ by: groupBy(INFLATION_GROUPS, 'teaching_dept') });
export const InflationTrendsQuery = withFilters({
  by: groupBy(INFLATION_GROUPS, 'teaching_dept'),
  min_year_n: Type.Integer({ minimum: 1, maximum: 100000, default: 30, description: 'Years with fewer results are left out of the fit (their mean is too noisy)' }),
});
export const InflationRow = suppressibleRow(
  { grp: text, academic_year: int },
  { n: int, students: int, mean: num, share_90: Type.Number({ description: 'Share of results with a score of 90 or more (优 = 95)' }) },
);
export const Inflation = answer(InflationRow);

export const InflationTrendRow = suppressibleRow(
  { grp: text, years: int, first_year: int, last_year: int },
  {
    n: int,
    students: Type.Integer({ description: 'The fewest students behind any fitted year' }),
    slope: Type.Number({ description: 'Mean score, points per year (least squares over the yearly means)' }),
    intercept: num,
    r2: num,
    slope_low: Type.Number({ description: '95% interval of the slope (t, years − 2 df)' }),
    slope_high: num,
    share_90_slope: Type.Number({ description: 'Share of scores ≥ 90, per year' }),
    share_90_low: num,
    share_90_high: num,
    within_course_slope: Type.Number({ description: 'Points per year with the course mix held fixed (pooled within-course slope)' }),
    courses_over_years: int,
  },
);
export const InflationTrends = answer(InflationTrendRow);

export const CompareQuery = withFilters({
  by: oneOf(['cohort', 'college'] as const, { default: 'cohort', description: 'Compare two cohorts or two colleges' }),
  a: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The first cohort (year) or college; default: the second-latest cohort, or the second-largest college' })),
  b: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The second cohort or college; default: the latest cohort, or the largest college' })),
  measure: oneOf(['score', 'gpa'] as const, { default: 'score', description: 'Per-student credit-weighted mean score (加权平均分) or GPA' }),
  term_to: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Only results up to this term index (cohorts default to the last term both have reached)' })),
});
export const CompareRow = suppressibleRow(
  {
    by: text,
    measure: text,
    a: text,
    b: text,
    term_limit: Type.Union([int, Type.Null()], { description: 'Results up to this term index were compared (null: all)' }),
  },
  {
    students: Type.Integer({ description: 'The smaller side’s students' }),
    a_students: int,
    a_mean: num,
    a_sd: num,
    b_students: int,
    b_mean: num,
    b_sd: num,
    difference: Type.Number({ description: 'b − a' }),
    ci_low: num,
    ci_high: num,
    t: num,
    df: Type.Number({ description: 'Welch–Satterthwaite degrees of freedom' }),
    p_value: Type.Number({ description: 'Welch’s t-test, two-sided' }),
    cohens_d: Type.Number({ description: 'Pooled standard deviation' }),
    effect: oneOf(['negligible', 'small', 'medium', 'large'] as const, { description: 'Cohen’s reading of |d|' }),
    verdict_zh: text,
    verdict_en: text,
  },
);
export const Compare = answer(CompareRow);

export const ProgressQuery = withFilters({
  warning_gpa: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10, description: 'A cumulative GPA below this is an academic warning (default XUEJI_WARNING_GPA)' })),
  warning_credits: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 500, description: 'Failed credits at or above this are a warning (default XUEJI_WARNING_FAILED_CREDITS)' })),
  serious_credits: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 500, description: 'Failed credits at or above this are a serious warning (default XUEJI_SERIOUS_FAILED_CREDITS)' })),
});
export const ProgressRow = suppressibleRow(
  {
    entry_year: int,
    term_index: int,
    kind: oneOf(['gpa', 'failed_credits'] as const, { description: 'Cumulative GPA bands or failed-credit bands' }),
    band: Type.Integer({ description: '0, 1, … in order; GPA band 0 is below the warning line; failed-credit bands: 0 none, 1 below the warning line, 2 warning, 3 serious' }),
    lower: num,
    upper: Type.Union([num, Type.Null()], { description: 'Null for the open top band' }),
    warning: Type.Boolean({ description: 'The band is at or past a warning line' }),
  },
  { students: int, share: Type.Number({ description: 'Share of the cohort’s students present in that term' }) },
);
export const Progress = answer(ProgressRow, {
  thresholds: Type.Object({ warning_gpa: num, warning_credits: num, serious_credits: num }),
});
