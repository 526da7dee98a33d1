// Utilization area (档案利用): how the archive's records are used, by whom, for what, how fast it serves
// and what is coming. Definitions: sql/metrics/utilization/README.md. Every question goes through
// archive.queryMetric: from the request rollups when the version has them, else from the log (that
// README, "How the files are built").
//
// Readers: UTILIZATION_READERS (leader, archivist, admin). No college role, so no college scope.
// Suppression: requests are people's visits, so every table that counts them declares a rule and the
// access plugin hides small cells for the leader. `along` names the cell fields whose line totals a
// reader can know or derive:
//   - the summary is one cell (no line);
//   - a breakdown's values add up to the summary's total → along its value;
//   - a cross-tab's rows and columns add up to the two breakdowns → along both;
//   - months and quarters add up to their year (answered by the yearly view), so they form one line per
//     calendar year; the years add up to the summary's total, so the yearly view is one line (year null);
//   - service times count the same requests as the breakdown, with the same count field and order, so
//     both answers hide the same cells;
//   - the seasonal months add up to the academic years' total → along month; the forecast's history
//     months like the monthly view.
// Differencing between answers with different filters is not prevented (DOMAIN.md: "beware
// differencing between releases"): suppression protects each answer and the usual totals, no more.
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TProperties } from '@sinclair/typebox';
import { UTILIZATION_READERS } from '../../analytics/accounts/roles.ts';
import type { MetricQuery } from '../../analytics/metrics/from-rollup.ts';
import { monthlyRequestSeries, requestFilterParams } from '../../analytics/metrics/utilization/request-series.ts';
import { BACKTEST_MONTHS, forecastRequests, HORIZON, MINIMUM_MONTHS } from '../../analytics/metrics/utilization/request-forecast.ts';
import { seasonalMonths } from '../../analytics/metrics/utilization/seasonal-months.ts';
import { badRequest } from '../errors.ts';
import { errorResponses, oneOf, SuppressionNote } from '../schemas/common.ts';
import {
  BreakdownRow,
  CrosstabRow,
  dimension,
  ForecastRow,
  HistoryRow,
  PeriodRow,
  PERIODS,
  QualityRow,
  SeasonalRow,
  ServiceRow,
  SummaryRow,
  UtilizationFilterFields,
  UtilizationFilters,
} from '../schemas/utilization.ts';

const TAGS = ['utilization'];

function checkRange(filters: UtilizationFilters): void {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw badRequest(`from (${filters.from}) must not be later than to (${filters.to})`);
  }
}

const answer = <T extends TProperties>(rows: T) => Type.Object({ version: Type.String(), ...rows, suppression: SuppressionNote });

const utilization: FastifyPluginAsyncTypebox = async (app) => {
  const metric: MetricQuery = (file, params) => app.archive.queryMetric(file, params);
  app.get(
    '/api/utilization/options',
    {
      // Values only (no counts): nothing to suppress.
      config: { cache: true, access: { roles: UTILIZATION_READERS } },
      schema: {
        tags: TAGS,
        summary: 'What the utilization filters offer',
        description: 'Every archive category, channel, purpose and requester type recorded, and the days of the first and last request.',
        response: {
          200: Type.Object({
            version: Type.String(),
            categories: Type.Array(Type.String()),
            channels: Type.Array(Type.String()),
            purposes: Type.Array(Type.String()),
            requester_types: Type.Array(Type.String()),
            first_day: Type.Union([Type.String(), Type.Null()]),
            last_day: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const version = await app.requireVersion();
      const options = await app.archive.queryMetric('metrics/utilization/filter-options');
      const [extent] = await app.archive.queryMetric('metrics/utilization/request-extent');
      const values = (dimension: string) => options.filter((o) => o.dimension === dimension).map((o) => o.value as string);
      return {
        version,
        categories: values('category'),
        channels: values('channel'),
        purposes: values('purpose'),
        requester_types: values('requester_type'),
        first_day: (extent?.first_day as string | null) ?? null,
        last_day: (extent?.last_day as string | null) ?? null,
      };
    },
  );

  app.get(
    '/api/utilization/summary',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          suppress: {
            count: 'requests',
            cell: [],
            along: [],
            values: ['items', 'pages', 'student_record_requests', 'completed', 'median_hours', 'p90_hours'],
            rates: ['student_record_share', 'onsite_share', 'online_share', 'within_1wd', 'within_3wd'],
          },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Utilization key figures',
        description:
          'Requests (人次), files used (卷次), pages, the student-record (学籍) share, on-site and online shares, and the turnaround (median, P90, within 1 and 3 working days), as one row.',
        querystring: UtilizationFilters,
        response: { 200: answer({ rows: Type.Array(SummaryRow) }), ...errorResponses },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const rows = await app.archive.queryMetric('metrics/utilization/utilization-summary', requestFilterParams(request.query));
      return { version, rows: rows as never };
    },
  );

  app.get(
    '/api/utilization/timeseries',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          suppress: {
            count: 'requests',
            cell: ['year', 'period'],
            along: ['period'],
            values: ['items', 'pages'],
            rates: ['student_record_share', 'onsite_share', 'online_share'],
          },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Requests, files used and pages per month, quarter or year',
        description:
          'Per period: requests (人次), files used (卷次), pages, and the student-record, on-site and online shares (their trend). Periods without a request are absent.',
        querystring: Type.Object({ ...UtilizationFilterFields, period: oneOf(PERIODS, { default: 'month', description: 'month, quarter or year' }) }, { additionalProperties: false }),
        response: { 200: answer({ rows: Type.Array(PeriodRow) }), ...errorResponses },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const period = request.query.period ?? 'month';
      const rows = await app.archive.queryMetric('metrics/utilization/requests-by-period', { ...requestFilterParams(request.query), period });
      return {
        version,
        rows: rows.map((row) => ({ ...row, year: period === 'year' ? null : Number(String(row.period).slice(0, 4)) })) as never,
      };
    },
  );

  app.get(
    '/api/utilization/breakdown',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          suppress: { count: 'requests', cell: ['value'], along: ['value'], values: ['items', 'pages'], rates: ['share', 'items_share'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Requests, files used and pages by one dimension',
        description: 'By archive category (with the 学籍 share), purpose, requester type, channel, channel group, delivery or year.',
        querystring: Type.Object({ ...UtilizationFilterFields, by: dimension('category', 'The dimension to break down by') }, { additionalProperties: false }),
        response: { 200: answer({ by: Type.String(), rows: Type.Array(BreakdownRow) }), ...errorResponses },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const by = request.query.by ?? 'category';
      const rows = await app.archive.queryMetric('metrics/utilization/requests-by-dimension', { ...requestFilterParams(request.query), by });
      return { version, by, rows: rows as never };
    },
  );

  app.get(
    '/api/utilization/crosstab',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          suppress: { count: 'requests', cell: ['row_value', 'col_value'], along: ['row_value', 'col_value'], values: ['items'], rates: ['row_share'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Requests cross-tabulated by two dimensions',
        description: 'E.g. purpose × requester type (the default). Only combinations that occur are listed.',
        querystring: Type.Object(
          {
            ...UtilizationFilterFields,
            rows: dimension('purpose', 'The dimension along the rows'),
            cols: dimension('requester_type', 'The dimension along the columns'),
          },
          { additionalProperties: false },
        ),
        response: { 200: answer({ rows_by: Type.String(), cols_by: Type.String(), rows: Type.Array(CrosstabRow) }), ...errorResponses },
      },
    },
    async (request) => {
      checkRange(request.query);
      const rowsBy = request.query.rows ?? 'purpose';
      const colsBy = request.query.cols ?? 'requester_type';
      if (rowsBy === colsBy) throw badRequest(`rows and cols must be two different dimensions (both are ${rowsBy})`);
      const version = await app.requireVersion();
      const rows = await app.archive.queryMetric('metrics/utilization/requests-crosstab', { ...requestFilterParams(request.query), rows: rowsBy, cols: colsBy });
      return { version, rows_by: rowsBy, cols_by: colsBy, rows: rows as never };
    },
  );

  app.get(
    '/api/utilization/service',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          suppress: {
            count: 'requests',
            cell: ['value'],
            along: ['value'],
            values: ['completed', 'median_hours', 'p90_hours'],
            rates: ['within_1wd', 'within_3wd'],
          },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Service times by one dimension',
        description:
          'Turnaround (completed − requested) median and P90 in hours, and the shares completed within 1 and 3 working days (Mon–Fri, holidays ignored, the request day not counted), by channel (default), purpose or another dimension.',
        querystring: Type.Object({ ...UtilizationFilterFields, by: dimension('channel', 'The dimension to break down by') }, { additionalProperties: false }),
        response: { 200: answer({ by: Type.String(), rows: Type.Array(ServiceRow) }), ...errorResponses },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const by = request.query.by ?? 'channel';
      const rows = await app.archive.queryMetric('metrics/utilization/turnaround-by-dimension', { ...requestFilterParams(request.query), by });
      return { version, by, rows: rows as never };
    },
  );

  app.get(
    '/api/utilization/seasonality',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          suppress: { count: 'requests', cell: ['month'], along: ['month'], values: ['mean_requests', 'index'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'The monthly seasonal profile of requests',
        description:
          'Per calendar month, over the complete academic years (September–August) of complete months: requests, their mean per year, and the seasonal index (ratio to the academic year’s mean month, pooled; the twelve average 1).',
        querystring: UtilizationFilters,
        response: {
          200: answer({
            years: Type.Integer({ description: 'Complete academic years used' }),
            from: Type.Union([Type.String(), Type.Null()]),
            to: Type.Union([Type.String(), Type.Null()]),
            rows: Type.Array(SeasonalRow),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const profile = seasonalMonths(await monthlyRequestSeries(metric, request.query));
      return { version, years: profile.years, from: profile.from, to: profile.to, rows: profile.rows as never };
    },
  );

  app.get(
    '/api/utilization/forecast',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          // The history months; the forecast months are model output, not counts of people.
          suppress: { count: 'requests', cell: ['year', 'month'], along: ['month'], values: ['fitted', 'backtest', 'naive'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Forecast of monthly requests, with its backtest',
        description: `Holt–Winters (additive trend; additive or multiplicative season, chosen with α, β, γ by grid search on one-step SSE) on the complete months; backtested on the last ${BACKTEST_MONTHS} months against the seasonal naive forecast (same month last year), MAPE of both; 80 % and 95 % intervals from the backtest's relative errors. Needs ${MINIMUM_MONTHS} complete months.`,
        querystring: Type.Object(
          {
            ...UtilizationFilterFields,
            horizon: Type.Integer({ minimum: HORIZON.min, maximum: HORIZON.max, default: HORIZON.default, description: 'Months to forecast' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: answer({
            rows: Type.Array(HistoryRow),
            forecast: Type.Array(ForecastRow),
            backtest: Type.Union([
              Type.Object({
                from: Type.String(),
                to: Type.String(),
                mape: Type.Union([Type.Number(), Type.Null()], { description: 'Percent' }),
                naive_mape: Type.Union([Type.Number(), Type.Null()], { description: 'Percent, seasonal naive' }),
                months: Type.Integer({ description: 'Held-out months with requests (MAPE is undefined on a 0)' }),
              }),
              Type.Null(),
            ]),
            model: Type.Union([
              Type.Object({
                method: Type.Literal('holt-winters'),
                seasonality: Type.String(),
                period: Type.Integer(),
                alpha: Type.Number(),
                beta: Type.Number(),
                gamma: Type.Number(),
                trained_from: Type.String(),
                trained_to: Type.String(),
              }),
              Type.Null(),
            ]),
            partial: Type.Array(Type.String(), { description: 'Incomplete months at either end, left out' }),
            shortfall: Type.Union([Type.Object({ months: Type.Integer(), needed: Type.Integer() }), Type.Null()], {
              description: 'Set when there are too few complete months to forecast',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const horizon = request.query.horizon ?? HORIZON.default;
      // The schema's bounds do not stop a coerced "1e309" (Infinity): check the value itself.
      if (!Number.isInteger(horizon) || horizon < HORIZON.min || horizon > HORIZON.max) {
        throw badRequest(`horizon must be a whole number of months from ${HORIZON.min} to ${HORIZON.max}`);
      }
      const series = await monthlyRequestSeries(metric, request.query);
      const result = forecastRequests(series, horizon);
      return {
        version,
        rows: result.history.map((h) => ({ ...h, year: Number(h.month.slice(0, 4)) })) as never,
        forecast: result.forecast,
        backtest: result.backtest,
        model: result.model,
        partial: series.partial,
        shortfall: result.shortfall,
      };
    },
  );

  app.get(
    '/api/utilization/quality',
    {
      config: {
        cache: true,
        access: {
          roles: UTILIZATION_READERS,
          // The issues all count within the same requests: hidden when that base is small.
          suppress: { count: 'base', cell: ['issue'], along: [], values: ['affected'], rates: ['share'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Data-quality findings in the request log',
        description:
          'Vague purposes (查找, 其他, none), requests without a category, requester, channel or status, and requests marked 已完成 without a completion time: affected, base and share.',
        querystring: UtilizationFilters,
        response: { 200: answer({ rows: Type.Array(QualityRow) }), ...errorResponses },
      },
    },
    async (request) => {
      checkRange(request.query);
      const version = await app.requireVersion();
      const rows = await app.archive.queryMetric('metrics/utilization/data-quality', requestFilterParams(request.query));
      return { version, rows: rows as never };
    },
  );
};

export default utilization;
