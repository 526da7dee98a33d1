// Status area (学籍异动): status changes, their sequences and flows, outcomes (retention, graduation at
// 100/150/200 % of normal time), time to withdrawal and its first-year risk factors. Definitions:
// sql/metrics/status/README.md; statistics: analytics/metrics/status/.
//
// Readers: AGGREGATE_READERS with college scope (a college account sees its own college: students now
// in it, or changes that happened in it). Every answer carries the as-of date its figures are measured
// at. Suppression: each table declares its rule; `along` names the cell fields whose line totals a
// reader can know or derive:
//   - changes: groups add up to the period's total (by = none) and periods to the whole span;
//   - sequences: the rows (with the pooled rest) add up to every student with a change;
//   - flows: a node's out-links add up to its in-links, so lines run along source and target nodes;
//   - outcomes: colleges (majors, levels) add up to the cohort, cohorts to all cohorts;
//   - survival: a curve is one unit shown or hidden whole (its count is the group's n); the groups'
//     events at a term add up to the all-students curve's, so lines run along the group;
//   - log-rank: two rows, one statistic — one small group hides both.
// Differencing between answers with different filters is not prevented (DOMAIN.md).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AGGREGATE_READERS } from '../../analytics/accounts/roles.ts';
import type { Database, Params } from '../../analytics/db/database.ts';
import type { SuppressionRule } from '../../analytics/privacy/suppression.ts';
import { installStatusMacros } from '../../analytics/metrics/status/macros.ts';
import { riskTable, type BandCount } from '../../analytics/metrics/status/risk-factors.ts';
import { compareGroups, survivalCurves, type SurvivalInput } from '../../analytics/metrics/status/survival-curves.ts';
import { badRequest } from '../errors.ts';
import { errorResponses } from '../schemas/common.ts';
import {
  ChangeRow,
  ChangesQuery,
  FlowRow,
  FlowsQuery,
  LogRankQuery,
  LogRankRow,
  OutcomeRow,
  OutcomesQuery,
  RiskQuery,
  RiskRow,
  SequenceRow,
  SequencesQuery,
  statusAnswer,
  SurvivalQuery,
  SurvivalRow,
} from '../schemas/status.ts';
import { checkCohortRange } from './grades.ts';

const TAGS = ['status'];

interface Filters {
  cohort_from?: number;
  cohort_to?: number;
  level?: string;
  college?: string;
  major?: string;
}

/** The filters as SQL parameters: every one present, null when absent. */
function filterParams(q: Filters) {
  checkCohortRange(q);
  return {
    cohort_from: q.cohort_from ?? null,
    cohort_to: q.cohort_to ?? null,
    level: q.level ?? null,
    college: q.college ?? null,
    major: q.major ?? null,
  };
}

// Rules other modules reuse (the cohort report: api/routes/reports.ts); the header says why.
export const CHANGES_RULE: SuppressionRule = {
  count: 'students',
  cell: ['academic_year', 'term', 'month', 'group_name'],
  along: ['group_name', 'academic_year', 'term', 'month'],
  values: ['changes', 'enrolled', 'rate_per_1000'],
};
const outcomeCounts = [
  'excluded', 'n_adjusted', 'retained', 'on_leave_y1', 'grad_100', 'grad_150', 'transferred_150', 'grad_200',
  'enrolled', 'on_leave', 'graduated', 'completed', 'withdrawn', 'transferred', 'deceased', 'degrees',
];
const outcomeRates = ['retention_rate', 'grad_100_rate', 'grad_150_rate', 'transferred_150_rate', 'grad_200_rate', 'degree_rate'];
export const OUTCOMES_RULE: SuppressionRule = { count: 'n', cell: ['entry_year', 'group_name'], along: ['group_name', 'entry_year'], values: outcomeCounts, rates: outcomeRates };

const status: FastifyPluginAsyncTypebox = async (app) => {
  const db: Database = app.archive.db;
  await installStatusMacros(db);
  /** Runs status metric `name`: its rollup twin where that gives the answer (archive.queryMetric). */
  const metric = (name: string, params: Record<string, unknown>) => app.archive.queryMetric(`metrics/status/${name}`, params as Params);

  // The as-of date depends only on the data version: found once per version.
  const asOfByVersion = new Map<string, Promise<string>>();
  async function asOf(version: string): Promise<string> {
    let found = asOfByVersion.get(version);
    if (!found) {
      found = db.query('metrics/status/data-as-of').then(([row]) => {
        if (!row?.as_of) throw badRequest('The archive holds no students yet: the status metrics need a register.');
        return row.as_of as string;
      });
      found.catch(() => asOfByVersion.delete(version));
      asOfByVersion.clear();
      asOfByVersion.set(version, found);
    }
    return found;
  }

  async function measure(): Promise<{ version: string; as_of: string }> {
    const version = await app.requireVersion();
    return { version, as_of: await asOf(version) };
  }

  app.get(
    '/api/status/changes',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: CHANGES_RULE,
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Status changes per period and group, with rates per 1,000 enrolled',
        description:
          'Counts of change records and of students, by change type, reason, college / major where the change happened, or level; per academic year, term, calendar month (seasonality) or the whole span. The denominator: students on the register at the start of the period.',
        querystring: ChangesQuery,
        response: { 200: statusAnswer({ rows: Type.Array(ChangeRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const params = { ...filterParams(q), by: q.by, period: q.period, change_type: q.change_type ?? null };
      const measured = await measure();
      const rows = await metric('change-rates', { ...params, as_of: measured.as_of });
      return { ...measured, rows: rows as never };
    },
  );

  app.get(
    '/api/status/sequences',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: { count: 'students', cell: ['sequence'], along: ['sequence'], values: [] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'The most common sequences of status changes',
        description:
          'Each student’s change types in date order, then the completion or the status now (休学→复学→毕业, 休学→退学 …); students with at least one change. Past `limit` the sequences are pooled into one row.',
        querystring: SequencesQuery,
        response: { 200: statusAnswer({ rows: Type.Array(SequenceRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const measured = await measure();
      const rows = await metric('change-sequences', { ...filterParams(request.query), limit: request.query.limit, as_of: measured.as_of });
      return { ...measured, rows: rows as never };
    },
  );

  app.get(
    '/api/status/flows',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: { count: 'students', cell: ['source', 'target'], along: ['target', 'source'], values: [] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Flows from entry to outcome (for a Sankey)',
        description:
          'Links between each student’s consecutive stages — entry, the end of each study year, now — with the status category at each, counted. A path stops at the first terminal stage.',
        querystring: FlowsQuery,
        response: { 200: statusAnswer({ rows: Type.Array(FlowRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const measured = await measure();
      const rows = await metric('status-flows', { ...filterParams(request.query), as_of: measured.as_of });
      const links = rows.map((row) => ({
        source: `${row.source_stage}:${row.source_category}`,
        target: `${row.target_stage}:${row.target_category}`,
        ...row,
      }));
      return { ...measured, rows: links as never };
    },
  );

  app.get(
    '/api/status/outcomes',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: OUTCOMES_RULE,
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Outcomes per entry cohort: retention, graduation at 100/150/200 % of normal time, status now',
        description:
          'IPEDS-style: exclusions (death, military service) counted apart and out of every denominator; the clock is not stopped by 休学 or 保留学籍; transfer-outs reported separately; a window not yet ended for the whole cell is not_yet, with its count and rate null.',
        querystring: OutcomesQuery,
        response: { 200: statusAnswer({ rows: Type.Array(OutcomeRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const measured = await measure();
      const rows = await metric('cohort-outcomes', { ...filterParams(request.query), by: request.query.by, as_of: measured.as_of });
      return { ...measured, rows: rows as never };
    },
  );

  async function lifeTables(q: Filters, by: string, asOfDate: string): Promise<SurvivalInput[]> {
    return (await metric('withdrawal-survival', { ...filterParams(q), by, as_of: asOfDate })) as unknown as SurvivalInput[];
  }

  app.get(
    '/api/status/survival',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: {
            count: 'group_n',
            cell: ['group_name', 'term'],
            along: ['group_name'],
            whole: ['group_name'],
            values: ['undated', 'at_risk', 'events', 'censored_count', 'survival', 'lower', 'upper'],
          },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Time to withdrawal: Kaplan–Meier curves with 95 % bands',
        description:
          'Per group, per term since entry: at risk, withdrawals, censorings, the Kaplan–Meier survival and its log-log 95 % band (Greenwood). Graduation, transfer and the as-of date censor. A group under the suppression threshold is hidden whole.',
        querystring: SurvivalQuery,
        response: { 200: statusAnswer({ rows: Type.Array(SurvivalRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const measured = await measure();
      const tables = await lifeTables(request.query, request.query.by, measured.as_of);
      return { ...measured, rows: survivalCurves(tables, request.query.groups) as never };
    },
  );

  app.get(
    '/api/status/logrank',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: { count: 'n', cell: ['side'], along: ['side'], values: ['events', 'expected', 'chi_square', 'df', 'p_value'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Log-rank test of time to withdrawal: group a against group b (or everyone else)',
        description: 'Observed and expected withdrawals per group, the chi-square statistic (1 degree of freedom) and its p-value.',
        querystring: LogRankQuery,
        response: { 200: statusAnswer({ rows: Type.Array(LogRankRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.a === undefined) throw badRequest('query parameter "a" is required: the group to compare (with b, or with everyone else)');
      if (q.b !== undefined && q.b === q.a) throw badRequest(`a and b name the same group (${q.a}): compare two different groups, or leave b out to compare a with everyone else`);
      const measured = await measure();
      const tables = await lifeTables(q, q.by, measured.as_of);
      return { ...measured, rows: compareGroups(tables, q.a, q.b ?? null) as never };
    },
  );

  app.get(
    '/api/status/risk',
    {
      config: {
        cache: true,
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: { count: 'students', cell: ['factor', 'band'], along: ['band'], values: ['withdrawn', 'rr', 'rr_lower', 'rr_upper'], rates: ['rate'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Withdrawal by first-year GPA and failed credits, with relative risks',
        description:
          'Students on the register at the start of their second year, by band of first-year GPA and of first-year credits failed; withdrawal rate, relative risk against the largest band with its Katz 95 % interval.',
        querystring: RiskQuery,
        response: { 200: statusAnswer({ rows: Type.Array(RiskRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const measured = await measure();
      const bands = (await metric('withdrawal-risk-factors', { ...filterParams(request.query), as_of: measured.as_of })) as unknown as BandCount[];
      return { ...measured, rows: riskTable(bands) as never };
    },
  );
};

export default status;
