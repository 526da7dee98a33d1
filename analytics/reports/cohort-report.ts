// The cohort report's content (报表: 入学年级报告) for one entry cohort, optionally one college or one
// major: overview figures, grade trends by term, the courses with the highest DFW rates, status changes
// by type, and outcomes. Pure content — numbers and Chinese labels — that the renderers (pdf-report.ts,
// xlsx-report.ts, csv-report.ts) and the web page's preview (the JSON) draw.
//
// Every number comes from the SQL metrics the API answers with (sql/metrics/grades, sql/metrics/status)
// and the same statistics (analytics/metrics), so the report says what the dashboards say. Privacy is
// the API's too: the caller (api/routes/reports.ts) passes the routes' own suppression rules and the
// college scope; for the roles that see suppressed aggregates every table is suppressed by its route's
// rule, and a figure derived from a table with a hidden cell is hidden as well.
import type { Database } from '../db/database.ts';
import type { MetricQuery } from '../metrics/from-rollup.ts';
import { installStatusMacros } from '../metrics/status/macros.ts';
import { rateCourses, type CourseCounts } from '../metrics/grades/course-difficulty.ts';
import { suppressSmallCells, type SuppressionOptions, type SuppressionRule } from '../privacy/suppression.ts';

export interface ReportScope {
  cohort: number;
  college: string | null;
  major: string | null;
  /** Least first attempts for a course to be ranked (the courses route's min_n). */
  minN: number;
}

/** The routes' rules, applied for the roles that see suppressed aggregates; null: unsuppressed. */
export interface ReportPrivacy {
  rules: { trends: SuppressionRule; courses: SuppressionRule; compare: SuppressionRule; changes: SuppressionRule; outcomes: SuppressionRule };
  options: SuppressionOptions;
}

/** How a column's numbers are shown: counts, decimals, rates (0–1, shown as percentages), or text. */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'rate';

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type SectionId = 'overview' | 'trends' | 'courses' | 'changes' | 'outcomes';

export interface ReportSection {
  id: SectionId;
  title: string;
  columns: ReportColumn[];
  /** Cells: numbers, text, null (suppressed or not measurable) or a censoring mark such as '<5%'. */
  rows: Record<string, unknown>[];
  /** What a reader must know to read the table (definitions, hidden cells). */
  note: string;
}

export type MeasureState = 'measured' | 'not_yet' | 'undated';

export interface Overview {
  students: number | null;
  n_adjusted: number | null;
  retention_rate: number | null;
  grad_100_rate: number | null;
  grad_150_rate: number | null;
  grad_200_rate: number | null;
  retention_state: MeasureState | null;
  grad_100_state: MeasureState | null;
  grad_150_state: MeasureState | null;
  grad_200_state: MeasureState | null;
  /** Mean over the students of each one's credit-weighted GPA (first attempts). */
  mean_gpa: number | null;
  gpa_students: number | null;
  /** Failed results / results over the terms of the trends (first attempts). */
  fail_rate: number | null;
  results: number | null;
}

export interface CohortReport {
  version: string;
  as_of: string;
  generated_at: string;
  scope: ReportScope;
  overview: Overview;
  sections: ReportSection[];
  /** Cells hidden for the caller's role, over all tables; null when nothing is suppressed for it. */
  suppression: { threshold: number; cells: number } | null;
}

/** The report has nothing to say: no student entered in that cohort under the scope. */
export class EmptyCohortError extends Error {}

type Row = Record<string, unknown>;

const TOP_COURSES = 10;

const col = (key: string, label: string, kind: ColumnKind): ReportColumn => ({ key, label, kind });

export function scopeLabel(scope: Pick<ReportScope, 'cohort' | 'college' | 'major'>): string {
  return [`${scope.cohort}级`, scope.college ?? '全校', scope.major].filter(Boolean).join(' · ');
}

/** `query` runs the metrics: archive.queryMetric, so the report reads the routes' own rollup twins. */
export async function buildCohortReport(
  db: Database,
  version: string,
  scope: ReportScope,
  privacy: ReportPrivacy | null,
  query: MetricQuery,
): Promise<CohortReport> {
  await installStatusMacros(db);
  const [{ as_of: asOf } = { as_of: null }] = await db.query('metrics/status/data-as-of');
  if (!asOf) throw new EmptyCohortError('The archive holds no students yet.');
  const filters = { cohort_from: scope.cohort, cohort_to: scope.cohort, level: null, college: scope.college, major: scope.major };
  const cohort = String(scope.cohort);

  const [outcomeRows, trendRows, gpaRows, courseCounts, changeRows] = await Promise.all([
    query('metrics/status/cohort-outcomes', { ...filters, by: 'none', as_of: asOf as string }),
    query('metrics/grades/cohort-grade-trends', { ...filters, attempt: 'first', course_nature: null }),
    // The comparison metric with both sides the same cohort: its students' GPAs (students as units).
    query('metrics/grades/cohort-comparison', { ...filters, attempt: 'first', course_nature: null, by: 'cohort', a: cohort, b: cohort, measure: 'gpa', term_to: null }),
    query('metrics/grades/course-dfw', { ...filters, attempt: 'first', course_nature: null, teaching_dept: null }),
    query('metrics/status/change-rates', { ...filters, by: 'change_type', period: 'all', change_type: null, as_of: asOf as string }),
  ]);
  if (outcomeRows.length === 0) {
    throw new EmptyCohortError(`No student entered in ${scope.cohort} under this scope (${scopeLabel(scope)}).`);
  }

  const suppress = (rows: Row[], rule: keyof ReportPrivacy['rules']): Row[] =>
    privacy ? suppressSmallCells(rows, privacy.rules[rule], privacy.options).rows : rows;

  const outcome = suppress(outcomeRows, 'outcomes')[0];
  const trends = suppress(trendRows, 'trends');
  const gpaSide = gpaRows.find((row) => row.side === 'a');
  const [gpa] = suppress(gpaSide ? [{ by: 'cohort', a: cohort, b: cohort, students: gpaSide.students, a_students: gpaSide.students, a_mean: gpaSide.mean }] : [], 'compare');
  const rated = rateCourses(courseCounts as unknown as CourseCounts[], { minN: scope.minN, zLimit: 2 });
  const courses = suppress(rated as unknown as Row[], 'courses')
    .filter((row) => row.rank !== null && row.rank !== undefined && !row.suppressed && typeof row.dfw_rate === 'number')
    .sort((a, b) => (b.dfw_rate as number) - (a.dfw_rate as number) || String(a.course_id).localeCompare(String(b.course_id)))
    .slice(0, TOP_COURSES);
  const changes = suppress(changeRows, 'changes');
  // Cells hidden among those the report shows (a hidden course is not listed at all, so the many small
  // courses of a cohort do not count): the outcome cell, terms, change types, the GPA.
  const hidden = [outcome, gpa, ...trends, ...changes].filter((row) => row?.suppressed).length;

  // The fail rate over all terms is shown only when every term's cell is shown: a total beside partly
  // hidden terms would say more than the hidden cells may.
  const trendsWhole = trends.length > 0 && trends.every((row) => !row.suppressed && !row.censored);
  const results = trendsWhole ? trends.reduce((sum, row) => sum + (row.n as number), 0) : null;
  const failed = trendsWhole ? trends.reduce((sum, row) => sum + (row.fail_rate as number) * (row.n as number), 0) : null;

  const num = (value: unknown) => (typeof value === 'number' ? value : null);
  const overview: Overview = {
    students: num(outcome.n),
    n_adjusted: num(outcome.n_adjusted),
    retention_rate: num(outcome.retention_rate),
    grad_100_rate: num(outcome.grad_100_rate),
    grad_150_rate: num(outcome.grad_150_rate),
    grad_200_rate: num(outcome.grad_200_rate),
    retention_state: (outcome.retention_state as MeasureState) ?? null,
    grad_100_state: (outcome.grad_100_state as MeasureState) ?? null,
    grad_150_state: (outcome.grad_150_state as MeasureState) ?? null,
    grad_200_state: (outcome.grad_200_state as MeasureState) ?? null,
    mean_gpa: num(gpa?.a_mean),
    gpa_students: num(gpa?.a_students),
    fail_rate: results ? failed! / results : null,
    results: results || null,
  };

  return {
    version,
    as_of: asOf as string,
    generated_at: new Date().toISOString(),
    scope,
    overview,
    sections: [
      overviewSection(overview, outcome),
      trendsSection(trends),
      coursesSection(courses, scope.minN, privacy !== null),
      changesSection(changes),
      outcomesSection(outcome),
    ],
    suppression: privacy ? { threshold: privacy.options.threshold, cells: hidden } : null,
  };
}

/** A censored rate shows its mark ('<5%'), as the dashboards do; otherwise the cell as it is. */
function withCensoring(row: Row): Row {
  const censored = row.censored as Record<string, string> | undefined;
  return censored ? { ...row, ...censored } : row;
}

const STATE_NOTE: Record<MeasureState, string> = { measured: '', not_yet: '尚未到期', undated: '缺少日期' };

function overviewSection(o: Overview, outcome: Row): ReportSection {
  const rate = (value: number | null, state: MeasureState | null, censored?: string) => ({
    value: censored ?? value,
    note: state && state !== 'measured' ? STATE_NOTE[state] : '',
  });
  const marks = (outcome.censored ?? {}) as Record<string, string>;
  const rows = [
    { key: 'students', figure: '入学人数', kind: 'int', value: o.students, note: '' },
    { key: 'n_adjusted', figure: '统计基数（扣除排除人数）', kind: 'int', value: o.n_adjusted, note: '' },
    { key: 'retention_rate', figure: '第一学年保留率', kind: 'rate', ...rate(o.retention_rate, o.retention_state, marks.retention_rate) },
    { key: 'grad_100_rate', figure: '100% 学制内毕业率', kind: 'rate', ...rate(o.grad_100_rate, o.grad_100_state, marks.grad_100_rate) },
    { key: 'grad_150_rate', figure: '150% 学制内毕业率', kind: 'rate', ...rate(o.grad_150_rate, o.grad_150_state, marks.grad_150_rate) },
    { key: 'grad_200_rate', figure: '200% 学制内毕业率', kind: 'rate', ...rate(o.grad_200_rate, o.grad_200_state, marks.grad_200_rate) },
    { key: 'mean_gpa', figure: '平均绩点（学生 GPA 的平均）', kind: 'decimal', value: o.mean_gpa, note: o.gpa_students === null ? '' : `${o.gpa_students} 名学生` },
    { key: 'fail_rate', figure: '不及格率（首次修读）', kind: 'rate', value: o.fail_rate, note: o.results === null ? '' : `${o.results} 门次成绩` },
  ];
  return {
    id: 'overview',
    title: '概况',
    columns: [col('figure', '指标', 'text'), col('value', '数值', 'decimal'), col('note', '说明', 'text')],
    rows,
    note: '保留率与毕业率的分母为入学人数扣除死亡、应征入伍保留学籍者；休学不停表。绩点与不及格率按首次修读（正常考试）计。',
  };
}

function trendsSection(rows: Row[]): ReportSection {
  return {
    id: 'trends',
    title: '成绩趋势（按学期）',
    columns: [
      col('term_index', '学期序号', 'int'),
      col('n', '成绩门次', 'int'),
      col('students', '学生数', 'int'),
      col('mean', '平均分', 'decimal'),
      col('median', '中位数', 'decimal'),
      col('p10', 'P10', 'decimal'),
      col('p90', 'P90', 'decimal'),
      col('fail_rate', '不及格率', 'rate'),
      col('gpa', '学分加权绩点', 'decimal'),
    ],
    rows: rows.map(withCensoring),
    note: '学期序号 = (学年 − 入学年) × 2 + 学期，1 为入学后第一个秋季学期；首次修读（正常考试）的成绩；暑期学期不计。',
  };
}

function coursesSection(rows: Row[], minN: number, suppressed: boolean): ReportSection {
  return {
    id: 'courses',
    title: '不及格率最高的课程（DFW）',
    columns: [
      col('rank', '名次', 'int'),
      col('course_id', '课程号', 'text'),
      col('course_name', '课程名', 'text'),
      col('teaching_dept', '开课学院', 'text'),
      col('n', '首次修读', 'int'),
      col('dfw', 'DFW', 'int'),
      col('dfw_rate', 'DFW 率', 'rate'),
      col('ci_low', '区间下限', 'rate'),
      col('ci_high', '区间上限', 'rate'),
      col('z', 'z 值', 'decimal'),
    ],
    rows: rows.map(withCensoring),
    note:
      `DFW = 不及格、缺考或退课（首次修读）；Wilson 95% 置信区间；z 值与同一开课学院、同一课程性质的其他课程相比；首次修读少于 ${minN} 人次的课程不参与排名` +
      (suppressed ? '；按小单元格抑制隐藏的课程不列出。' : '。'),
  };
}

function changesSection(rows: Row[]): ReportSection {
  return {
    id: 'changes',
    title: '学籍异动（按类型）',
    columns: [col('group_name', '异动类型', 'text'), col('changes', '异动记录', 'int'), col('students', '涉及学生', 'int')],
    rows: [...rows].sort((a, b) => ((b.changes as number | null) ?? -1) - ((a.changes as number | null) ?? -1)),
    note: '该年级学生的全部异动记录，按记录中的异动类型；学院、专业按异动发生时所在。',
  };
}

function outcomesSection(o: Row): ReportSection {
  const marks = (o.censored ?? {}) as Record<string, string>;
  // `key` and `state` name the line and its window's state for the page's own words (English); the
  // columns are what the files show.
  const windowRow = (label: string, count: string, rate: string, state?: string) => {
    const s = (state ? o[state] : 'measured') as MeasureState;
    return { key: count, state: s, outcome: label, count: o[count] ?? null, rate: marks[rate] ?? o[rate] ?? null, note: STATE_NOTE[s] ?? '' };
  };
  const plain = (label: string, count: string) => ({ key: count, outcome: label, count: o[count] ?? null, rate: null, note: '' });
  return {
    id: 'outcomes',
    title: '学业结果',
    columns: [col('outcome', '项目', 'text'), col('count', '人数', 'int'), col('rate', '比率', 'rate'), col('note', '说明', 'text')],
    rows: [
      plain('入学', 'n'),
      plain('排除（死亡、应征入伍）', 'excluded'),
      windowRow('第一学年末保留', 'retained', 'retention_rate', 'retention_state'),
      windowRow('100% 学制内毕业', 'grad_100', 'grad_100_rate', 'grad_100_state'),
      windowRow('150% 学制内毕业', 'grad_150', 'grad_150_rate', 'grad_150_state'),
      windowRow('150% 学制内转学', 'transferred_150', 'transferred_150_rate', 'grad_150_state'),
      windowRow('200% 学制内毕业', 'grad_200', 'grad_200_rate', 'grad_200_state'),
      plain('现状：在读', 'enrolled'),
      plain('现状：休学、保留学籍', 'on_leave'),
      plain('现状：毕业', 'graduated'),
      plain('现状：结业', 'completed'),
      plain('现状：退学、肄业', 'withdrawn'),
      plain('现状：转学', 'transferred'),
      plain('现状：死亡', 'deceased'),
      windowRow('获学位（占毕业生）', 'degrees', 'degree_rate'),
    ],
    note: '比率的分母为统计基数（入学人数扣除排除人数），学位率的分母为毕业人数；尚未到期的窗口不计数。',
  };
}
