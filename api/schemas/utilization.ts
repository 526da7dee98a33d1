// TypeBox schemas of the utilization routes (api/routes/utilization.ts): the filters every one of them
// takes, the dimensions a table may be cut by, and the rows they answer.
import { Type, type Static } from '@sinclair/typebox';
import { oneOf, suppressibleRow } from './common.ts';

const Day = (description: string) => Type.String({ format: 'date', description });
const Value = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

/** The filters of every utilization route; names match the web's URL parameters. */
export const UtilizationFilterFields = {
  from: Type.Optional(Day('First day requested, YYYY-MM-DD, inclusive')),
  to: Type.Optional(Day('Last day requested, YYYY-MM-DD, inclusive')),
  category: Type.Optional(Value('Archive category (档案门类): 学籍, 文书, 教学 …, as listed by /api/utilization/options')),
  channel: Type.Optional(Value('Channel: 现场, 委托代办, 邮寄, PC端, 移动端, 自助终端')),
  purpose: Type.Optional(Value('Purpose as recorded: 出国留学, 学历学位认证, 就业入职 …')),
  requester_type: Type.Optional(Value('Requester type: 在校生, 校友, 教职工, 校内部门, 用人单位, 政府机关')),
};
export const UtilizationFilters = Type.Object(UtilizationFilterFields, { additionalProperties: false });
export type UtilizationFilters = Static<typeof UtilizationFilters>;

/** What a table of requests may be cut by. */
export const DIMENSIONS = ['category', 'purpose', 'requester_type', 'channel', 'channel_group', 'delivery', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const dimension = (fallback: Dimension, description: string) =>
  oneOf(DIMENSIONS, { default: fallback, description: `${description}; channel_group is onsite (现场), online (PC端, 移动端, 自助终端) or other (委托代办, 邮寄)` });

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Hours = (description: string) => Type.Number({ description });

export const SummaryRow = suppressibleRow(
  {
    first_day: Type.Union([Type.String(), Type.Null()], { description: 'Day of the first request matching the filters' }),
    last_day: Type.Union([Type.String(), Type.Null()], { description: 'Day of the last request matching the filters' }),
  },
  {
    requests: Type.Integer({ description: 'Requests (利用人次), every status' }),
    items: Type.Integer({ description: 'Files used (卷次), refused requests left out' }),
    pages: Type.Integer({ description: 'Pages, refused requests left out' }),
    student_record_requests: Type.Integer({ description: 'Requests for student records (学籍)' }),
    student_record_share: Share('学籍 requests over requests with a category'),
    onsite_share: Share('现场 over requests with a channel'),
    online_share: Share('PC端, 移动端 and 自助终端 over requests with a channel'),
    completed: Type.Integer({ description: 'Requests with a usable completion time (not refused, completed not before requested)' }),
    median_hours: Hours('Median turnaround, hours'),
    p90_hours: Hours('90th percentile of the turnaround, hours'),
    within_1wd: Share('Completed within 1 working day (Mon–Fri, holidays ignored; the request day not counted)'),
    within_3wd: Share('Completed within 3 working days'),
  },
);

export const PeriodRow = suppressibleRow(
  {
    period: Type.String({ description: '2024-03, 2024-Q1 or 2024' }),
    period_start: Type.String({ description: 'First day of the period' }),
    year: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Calendar year of a month or quarter (the line within which cells are protected); null in the yearly view',
    }),
  },
  {
    requests: Type.Integer(),
    items: Type.Integer(),
    pages: Type.Integer(),
    student_record_share: Share('学籍 over requests with a category'),
    onsite_share: Share('现场 over requests with a channel'),
    online_share: Share('PC端, 移动端, 自助终端 over requests with a channel'),
  },
);

export const BreakdownRow = suppressibleRow(
  { value: Type.Union([Type.String(), Type.Null()], { description: 'The dimension’s value; null = not recorded' }) },
  {
    requests: Type.Integer(),
    items: Type.Integer(),
    pages: Type.Integer(),
    share: Share('Of all requests matching the filters'),
    items_share: Share('Of all files used (卷次)'),
  },
);

export const CrosstabRow = suppressibleRow(
  {
    row_value: Type.Union([Type.String(), Type.Null()]),
    col_value: Type.Union([Type.String(), Type.Null()]),
  },
  {
    requests: Type.Integer(),
    items: Type.Integer(),
    row_share: Share('Of the row’s requests'),
  },
);

export const ServiceRow = suppressibleRow(
  { value: Type.Union([Type.String(), Type.Null()], { description: 'The dimension’s value; null = not recorded' }) },
  {
    requests: Type.Integer(),
    completed: Type.Integer({ description: 'Requests with a usable completion time' }),
    median_hours: Hours('Median turnaround, hours'),
    p90_hours: Hours('P90 turnaround, hours'),
    within_1wd: Share('Completed within 1 working day'),
    within_3wd: Share('Completed within 3 working days'),
  },
);

export const SeasonalRow = suppressibleRow(
  { month: Type.Integer({ minimum: 1, maximum: 12 }) },
  {
    requests: Type.Integer({ description: 'Requests in this calendar month over the academic years used' }),
    mean_requests: Type.Number({ description: 'Per academic year' }),
    index: Type.Number({ description: 'Ratio to the academic year’s mean month; the twelve average 1' }),
  },
);

export const HistoryRow = suppressibleRow(
  {
    month: Type.String({ description: 'YYYY-MM, complete months only' }),
    year: Type.Integer(),
  },
  {
    requests: Type.Integer(),
    fitted: Type.Number({ description: 'The model’s one-step-ahead value (null in the first season)' }),
    backtest: Type.Number({ description: 'Backtest forecast, held-out months only' }),
    naive: Type.Number({ description: 'Seasonal naive forecast (same month last year), held-out months only' }),
  },
);

export const ForecastRow = Type.Object({
  month: Type.String(),
  forecast: Type.Number(),
  lower80: Type.Union([Type.Number(), Type.Null()]),
  upper80: Type.Union([Type.Number(), Type.Null()]),
  lower95: Type.Union([Type.Number(), Type.Null()]),
  upper95: Type.Union([Type.Number(), Type.Null()]),
});

export const QualityRow = suppressibleRow(
  {
    issue: Type.String({
      description:
        'purpose_vague (查找, 其他 or none), purpose_missing, purpose_search, purpose_other, category_missing, completion_missing (已完成 without a time), requester_missing, channel_missing, status_missing',
    }),
  },
  {
    affected: Type.Integer(),
    base: Type.Integer({ description: 'Requests the share is counted in (for completion_missing: those marked 已完成)' }),
    share: Share('affected / base'),
  },
);
