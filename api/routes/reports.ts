// Reports area (报表): the cohort report — one entry cohort, optionally one college or one major — as a
// PDF to file and print, an XLSX workbook, one CSV file, or JSON (the preview the reports page shows).
// Content: analytics/reports/cohort-report.ts, from the same SQL metrics as the grades and status
// routes, suppressed with those routes' own rules for the roles that see suppressed aggregates.
//
// Readers: AGGREGATE_READERS with college scope (a college account gets its own college's report; asking
// for another's is a 403 before anything is computed). Every call is audited (rows: the report's table
// rows). The generation time (query + rendering) is measured and returned: the `x-generation-ms` and
// `server-timing` headers, and `generation_ms` in the JSON.
import { performance } from 'node:perf_hooks';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AGGREGATE_READERS, SUPPRESSED_ROLES } from '../../analytics/accounts/roles.ts';
import type { SuppressionOptions } from '../../analytics/privacy/suppression.ts';
import { buildCohortReport, EmptyCohortError, scopeLabel, type ReportPrivacy } from '../../analytics/reports/cohort-report.ts';
import { MissingCjkFontError } from '../../analytics/reports/cjk-font.ts';
import { renderCohortPdf } from '../../analytics/reports/pdf-report.ts';
import { renderCohortXlsx } from '../../analytics/reports/xlsx-report.ts';
import { renderCohortCsv } from '../../analytics/reports/csv-report.ts';
import { badRequest, errorBody, HttpError } from '../errors.ts';
import { errorResponses } from '../schemas/common.ts';
import { minN } from '../schemas/grades.ts';
import { COMPARE_RULE, COURSES_RULE, TRENDS_RULE } from './grades.ts';
import { CHANGES_RULE, OUTCOMES_RULE } from './status.ts';

export const REPORT_FORMATS = ['json', 'pdf', 'xlsx', 'csv'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

const Name = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

const CohortReportQuery = Type.Object(
  {
    // Required, but checked by the handler: the access rules answer first (401/403), as for every route.
    cohort: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100, description: 'The entry cohort (year); required' })),
    college: Type.Optional(Name('Only this college (学院), as listed by /api/meta; a college account gets its own')),
    major: Type.Optional(Name('Only this major (专业), as listed by /api/meta')),
    min_n: minN,
    format: Type.Unsafe<ReportFormat>({
      type: 'string',
      enum: [...REPORT_FORMATS],
      default: 'json',
      description: 'json: the preview (figures and tables); pdf (A4, Chinese, charts); xlsx (one sheet per section); csv (one UTF-8 file with BOM, the sections one after another)',
    }),
  },
  { additionalProperties: false },
);

const Cell = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]);
const CohortReportAnswer = Type.Object({
  version: Type.String(),
  as_of: Type.String({ description: 'The data’s as-of date (YYYY-MM-DD)' }),
  generated_at: Type.String(),
  generation_ms: Type.Number({ description: 'Milliseconds spent computing (and, for files, rendering) the report' }),
  scope: Type.Object({ cohort: Type.Integer(), college: Type.Union([Type.String(), Type.Null()]), major: Type.Union([Type.String(), Type.Null()]), minN: Type.Integer() }),
  overview: Type.Record(Type.String(), Cell, { description: 'Key figures: students, retention, graduation at 100/150/200 %, mean GPA, fail rate (null: hidden or not yet measurable)' }),
  sections: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      note: Type.String(),
      columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), kind: Type.String() })),
      rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
  suppression: Type.Union([Type.Object({ threshold: Type.Integer(), cells: Type.Integer() }), Type.Null()]),
});

const FILES = {
  pdf: { type: 'application/pdf', render: renderCohortPdf },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderCohortXlsx },
  csv: { type: 'text/csv; charset=utf-8', render: async (report: Parameters<typeof renderCohortCsv>[0]) => renderCohortCsv(report) },
} as const;

export interface ReportsOptions {
  /** The access plugin's suppression settings: the report applies them with the routes' rules. */
  suppression: SuppressionOptions;
}

/** The download's name: ASCII for every client, and the Chinese one (RFC 6266 / 5987) for those that can. */
function disposition(scope: { cohort: number; college: string | null; major: string | null }, version: string, extension: string): string {
  const ascii = `cohort-report-${scope.cohort}_${version.replace(/[^A-Za-z0-9_-]+/g, '-')}.${extension}`;
  const chinese = `入学年级报告-${scopeLabel(scope).replace(/ · /g, '-')}.${extension}`.replace(/[\\/:*?"<>|\r\n]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

const reports: FastifyPluginAsyncTypebox<ReportsOptions> = async (app, options) => {
  app.get(
    '/api/reports/cohort',
    {
      config: { access: { roles: AGGREGATE_READERS, collegeScope: true } },
      schema: {
        tags: ['reports'],
        summary: 'Cohort report: overview, grade trends, DFW courses, status changes, outcomes — as PDF, XLSX, CSV or JSON',
        description:
          'One entry cohort, optionally one college or major. Figures from the same metrics as /api/grades and /api/status, small cells suppressed by those routes’ rules for leader and college accounts. Files carry the data version; the generation time is in x-generation-ms.',
        querystring: CohortReportQuery,
        response: { 200: CohortReportAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = performance.now();
      const q = request.query;
      if (q.cohort === undefined) throw badRequest('query parameter "cohort" is required: the entry cohort (year) the report is about');
      const version = await app.requireVersion();
      const suppressed = Boolean(request.user && SUPPRESSED_ROLES.includes(request.user.role));
      const privacy: ReportPrivacy | null = suppressed
        ? { rules: { trends: TRENDS_RULE, courses: COURSES_RULE, compare: COMPARE_RULE, changes: CHANGES_RULE, outcomes: OUTCOMES_RULE }, options: options.suppression }
        : null;
      // As the courses route: a ranked course is never smaller than the threshold for suppressed roles.
      const scope = { cohort: q.cohort as number, college: q.college ?? null, major: q.major ?? null, minN: suppressed ? Math.max(q.min_n, options.suppression.threshold) : q.min_n };
      let report;
      try {
        report = await buildCohortReport(app.archive.db, version, scope, privacy, (file, params) => app.archive.queryMetric(file, params));
      } catch (error) {
        if (error instanceof EmptyCohortError) throw new HttpError(404, error.message);
        throw error;
      }
      request.rowsReturned = report.sections.reduce((sum, section) => sum + section.rows.length, 0);
      const format = q.format;
      if (format === 'json') {
        const ms = Math.round(performance.now() - started);
        reply.header('x-generation-ms', String(ms)).header('server-timing', `report;dur=${ms}`);
        return { ...report, overview: { ...report.overview }, generation_ms: ms } as never;
      }
      let file: Buffer;
      try {
        file = await FILES[format].render(report);
      } catch (error) {
        // Sent here, not thrown: the error handler words every 5xx generically, and this one says what
        // an administrator must install.
        if (error instanceof MissingCjkFontError) return reply.code(503).send(errorBody(503, error.message) as never);
        throw error;
      }
      const ms = Math.round(performance.now() - started);
      // A Buffer bypasses the route's JSON serializer (Fastify sends Buffers as they are).
      return reply
        .header('content-type', FILES[format].type)
        .header('content-disposition', disposition(scope, version, format))
        .header('x-generation-ms', String(ms))
        .header('server-timing', `report;dur=${ms}`)
        .send(file as never);
    },
  );
};

export default reports;
