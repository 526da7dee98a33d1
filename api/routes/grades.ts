// Grades area: cohort grade trends (more metrics join here in the grades issue).
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CohortFilters, errorResponses, suppressibleRow, SuppressionNote } from '../schemas/common.ts';
import { badRequest } from '../errors.ts';
import { AGGREGATE_READERS } from '../../analytics/accounts/roles.ts';

const TrendRow = suppressibleRow(
  {
    entry_year: Type.Integer(),
    term_index: Type.Integer({ description: '1 = the cohort’s first autumn term' }),
  },
  {
    n: Type.Integer({ description: 'First-attempt results with a score' }),
    mean: Type.Number(),
    median: Type.Number(),
    p10: Type.Number(),
    p90: Type.Number(),
    fail_rate: Type.Number({ description: 'Share of results below 60 (缺考 counts as 0)' }),
  },
);

const Trends = Type.Object({ version: Type.String(), rows: Type.Array(TrendRow), suppression: SuppressionNote });

export function checkCohortRange(filters: { cohort_from?: number; cohort_to?: number }): void {
  if (filters.cohort_from !== undefined && filters.cohort_to !== undefined && filters.cohort_from > filters.cohort_to) {
    throw badRequest(`cohort_from (${filters.cohort_from}) must not be later than cohort_to (${filters.cohort_to})`);
  }
}

const grades: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/grades/trends',
    {
      config: {
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          // Cells are results of a cohort in a term. A cohort's results over all terms can be had from
          // other views, so a lone hidden term in a cohort's line gets a complementary one.
          suppress: { count: 'n', cell: ['entry_year', 'term_index'], along: ['term_index'], values: ['mean', 'median', 'p10', 'p90'], rates: ['fail_rate'] },
        },
      },
      schema: {
        tags: ['grades'],
        summary: 'Cohort grade trends per term since entry',
        description: 'First attempts (正常) only; mean, median, P10, P90 and fail rate per entry cohort × term index.',
        querystring: CohortFilters,
        response: { 200: Trends, ...errorResponses },
      },
    },
    async (request) => {
      checkCohortRange(request.query);
      const version = await app.requireVersion();
      const rows = await app.archive.db.query('metrics/grades/cohort-grade-trends', request.query);
      return { version, rows: rows as never };
    },
  );
};

export default grades;
