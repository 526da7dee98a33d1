// TypeBox schemas of the status routes (api/routes/status.ts): their query parameters and the rows
// they answer. Definitions of every figure: sql/metrics/status/README.md and the SQL files' comments.
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { CohortFilters, oneOf, SuppressionNote, suppressibleRow } from './common.ts';

const Name = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Rate = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const NullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const NullableInt = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description });

/** The cohort filters every status route takes (college and major: the student's current ones). */
const filters = CohortFilters.properties;

export const CHANGE_GROUPS = ['change_type', 'reason', 'college', 'major', 'level', 'none'] as const;
export const CHANGE_PERIODS = ['year', 'term', 'month', 'all'] as const;

export const ChangesQuery = Type.Object(
  {
    ...filters,
    by: oneOf(CHANGE_GROUPS, { default: 'change_type', description: 'Group the changes by type, reason, college / major where they happened, level, or not at all' }),
    period: oneOf(CHANGE_PERIODS, { default: 'year', description: 'year: academic year; term: academic year and term; month: calendar month pooled over years (seasonality); all: the whole span' }),
    change_type: Type.Optional(Name('Only changes of this type: 休学, 复学, 退学, 转专业 …')),
  },
  { additionalProperties: false },
);
export type ChangesQuery = Static<typeof ChangesQuery>;

export const ChangeRow = suppressibleRow(
  {
    academic_year: NullableInt('Academic year of the effective date (2021 = 2021-2022); null for month and all'),
    term: NullableInt('1 (Sep–Jan) or 2 (Feb–Aug) when period = term'),
    month: NullableInt('Calendar month 1–12 when period = month'),
    group_name: NullableText('The group (a change type, reason, college, major or level); null when by = none'),
  },
  {
    changes: Count('Change records'),
    students: Count('Distinct students with such a change'),
    enrolled: Count('Students on the register (在读, 休学, 保留学籍) at the start of the period; student-years for all; null for month'),
    rate_per_1000: Type.Number({ minimum: 0, description: 'changes / enrolled × 1000' }),
  },
);

export const SequencesQuery = Type.Object(
  {
    ...filters,
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 15, description: 'Sequences listed; the rest are pooled into one row' }),
  },
  { additionalProperties: false },
);

export const SequenceRow = suppressibleRow(
  {
    sequence: NullableText('Change types in date order, then the completion or the status now, joined by →; null for the pooled rest'),
    outcome: NullableText('Category of the status now: enrolled, on_leave, withdrawn, transferred, graduated, completed, deceased'),
    other: Type.Boolean({ description: 'The pooled row of every sequence past the limit' }),
    sequences: Type.Integer({ description: 'Distinct sequences in the row (1, or more for the pooled rest)' }),
  },
  { students: Count('Students whose records follow the sequence') },
);

export const FlowsQuery = Type.Object({ ...filters }, { additionalProperties: false });

export const FlowRow = suppressibleRow(
  {
    source: Type.String({ description: 'Node id "stage:category", e.g. "1:enrolled"' }),
    target: Type.String({ description: 'Node id "stage:category", e.g. "99:graduated"' }),
    source_stage: Type.Integer({ description: '0 entry, y the end of study year y, 99 now' }),
    source_category: Type.String(),
    target_stage: Type.Integer(),
    target_category: Type.String(),
  },
  { students: Count('Students on the link') },
);

export const OUTCOME_GROUPS = ['none', 'college', 'major', 'level'] as const;

export const OutcomesQuery = Type.Object(
  { ...filters, by: oneOf(OUTCOME_GROUPS, { default: 'none', description: 'Cut each cohort by college or major now, or by level' }) },
  { additionalProperties: false },
);

const MeasureState = Type.Union([Type.Literal('measured'), Type.Literal('not_yet'), Type.Literal('undated')], {
  description: 'measured; not_yet (the window has not ended for every student by the as-of date); undated (an outcome without a date)',
});

export const OutcomeRow = suppressibleRow(
  {
    entry_year: Type.Integer(),
    group_name: NullableText('College, major or level; null when by = none'),
    retention_state: MeasureState,
    grad_100_state: MeasureState,
    grad_150_state: MeasureState,
    grad_200_state: MeasureState,
  },
  {
    n: Count('Students who entered'),
    excluded: Count('Exclusions: deceased, or on 保留学籍 for military service at the as-of date'),
    n_adjusted: Count('n − excluded: the denominator of every rate'),
    retained: Count('In school (or completed) at the start of the second year'),
    retention_rate: Rate('retained / n_adjusted'),
    on_leave_y1: Count('On 休学 or 保留学籍 at the start of the second year'),
    grad_100: Count('Graduated (毕业) within 100 % of normal time'),
    grad_100_rate: Rate('grad_100 / n_adjusted'),
    grad_150: Count('Graduated within 150 %'),
    grad_150_rate: Rate('grad_150 / n_adjusted'),
    transferred_150: Count('Transferred out (转学) within 150 %'),
    transferred_150_rate: Rate('transferred_150 / n_adjusted'),
    grad_200: Count('Graduated within 200 %'),
    grad_200_rate: Rate('grad_200 / n_adjusted'),
    enrolled: Count('Now 在读'),
    on_leave: Count('Now 休学 or 保留学籍'),
    graduated: Count('毕业, at any time'),
    completed: Count('结业 (completed without graduating)'),
    withdrawn: Count('退学 or 肄业'),
    transferred: Count('转学 (transferred out)'),
    deceased: Count('Deceased'),
    degrees: Count('Graduates awarded a degree'),
    degree_rate: Rate('degrees / graduated'),
  },
);

export const SURVIVAL_GROUPS = ['none', 'cohort', 'college', 'major', 'level'] as const;

export const SurvivalQuery = Type.Object(
  {
    ...filters,
    by: oneOf(SURVIVAL_GROUPS, { default: 'cohort', description: 'One curve per entry cohort, college or major now, level, or one for everyone' }),
    groups: Type.Optional(
      Type.Array(Name('A group to draw (repeat the parameter for several)'), { maxItems: 20, description: 'Only these groups (default: all)' }),
    ),
  },
  { additionalProperties: false },
);

export const SurvivalRow = suppressibleRow(
  {
    group_name: NullableText('The group; null when by = none'),
    term: Type.Integer({ description: 'Term index since entry (1 = the first autumn term)' }),
  },
  {
    group_n: Count('Students in the curve'),
    undated: Count('Students of the group left out: terminal status with no date'),
    at_risk: Count('Students still followed at the start of the term'),
    events: Count('Withdrawals (退学, 肄业) in the term'),
    censored_count: Count('Follow-up ending in the term without a withdrawal (graduated, transferred, still enrolled at the as-of date …)'),
    survival: Rate('Kaplan–Meier probability of not having withdrawn by the end of the term; null past the follow-up'),
    lower: Rate('95 % band, log-log (Kalbfleisch–Prentice), Greenwood variance'),
    upper: Rate('95 % band, upper bound'),
  },
);

export const COMPARE_GROUPS = ['cohort', 'college', 'major', 'level'] as const;

export const LogRankQuery = Type.Object(
  {
    ...filters,
    by: oneOf(COMPARE_GROUPS, { default: 'cohort', description: 'What the two groups are: entry cohorts, colleges or majors now, levels' }),
    // Required, but checked by the route after the access rules (a missing value is a 400 for those who may ask).
    a: Type.Optional(Name('The first group, required (e.g. 2020, or 机械工程学院)')),
    b: Type.Optional(Name('The second group; without it, everyone else matching the filters')),
  },
  { additionalProperties: false },
);
export type LogRankQuery = Static<typeof LogRankQuery>;

export const LogRankRow = suppressibleRow(
  {
    side: Type.Union([Type.Literal('a'), Type.Literal('b')]),
    group_name: NullableText('The group; null for "everyone else"'),
  },
  {
    n: Count('Students in the group'),
    events: Count('Withdrawals observed'),
    expected: Type.Number({ description: 'Withdrawals expected if both groups had the same hazard' }),
    chi_square: Type.Number({ description: 'Log-rank statistic (the same on both rows)' }),
    df: Type.Integer(),
    p_value: Rate('P(χ² ≥ chi_square)'),
  },
);

export const RiskQuery = Type.Object({ ...filters }, { additionalProperties: false });

export const RiskRow = suppressibleRow(
  {
    factor: Type.String({ description: 'gpa (first-year GPA) or failed_credits (first-year credits failed at the first attempt)' }),
    band_order: Type.Integer(),
    band: Type.String({ description: 'The band, as an interval: [2, 3), (5, 10] …' }),
    reference: Type.Boolean({ description: 'The reference band: the largest' }),
    corrected: Type.Boolean({ description: 'A zero count needed the 0.5 (Haldane–Anscombe) correction' }),
  },
  {
    students: Count('Students on the register at the start of the second year with first-year results'),
    withdrawn: Count('Of them, withdrew (退学, 肄业) by the as-of date'),
    rate: Rate('withdrawn / students'),
    rr: Type.Number({ description: 'Relative risk against the reference band' }),
    rr_lower: Type.Number({ description: '95 % interval, Katz log method' }),
    rr_upper: Type.Number(),
  },
);

/** An answer: the data version, the as-of date the figures are measured at, the rows, the suppression note. */
export function statusAnswer<T extends TProperties>(rows: T) {
  return Type.Object({
    version: Type.String(),
    as_of: Type.String({ description: 'The data’s as-of date (YYYY-MM-DD): the latest day the records speak for' }),
    ...rows,
    suppression: SuppressionNote,
  });
}
