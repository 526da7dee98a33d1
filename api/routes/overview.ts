// Overview area (总览), for school leaders: the key figures with their trends, and the insights engine's
// findings (analytics/insights/engine.ts).
//
// Readers: AGGREGATE_READERS with college scope; the insights also to archivists (their areas:
// utilization and data quality). What each role sees of the overview follows what it may read
// elsewhere: the utilization figures and findings only for UTILIZATION_READERS, data-quality findings
// for ARCHIVE_KEEPERS and leaders. A college account gets its own college's figures, and the findings
// about its own college from the school-wide scan (the false-discovery control is the school's).
// Suppression:
//   - key figures: one cell per measure and year, counting its people; years of a measure do not add up
//     to anything published, so no complementary line;
//   - findings: one cell per finding, counting the students of the smallest group it describes; a
//     hidden finding loses its subject, numbers and sentences, and keeps only its area and severity.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AGGREGATE_READERS, ARCHIVE_KEEPERS, UTILIZATION_READERS, type Role } from '../../analytics/accounts/roles.ts';
import { ALPHA, scanArchive, type Scan } from '../../analytics/insights/engine.ts';
import { SEVERITIES, type Area } from '../../analytics/insights/finding.ts';
import { keyFigureSeries, measureInfo, type KeyFigureScope } from '../../analytics/overview/key-figures.ts';
import { errorResponses } from '../schemas/common.ts';
import { Insights, InsightsQuery, Overview, OverviewQuery } from '../schemas/overview.ts';

const TAGS = ['overview'];

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Computes the current version's school-wide key figures and its insights scan now, so the first
     * leader to open the overview does not wait for them (at 300,000 students: seconds and half a minute).
     */
    warmOverview(): Promise<void>;
  }
}

const AREA_READERS: Record<Area, readonly Role[]> = {
  grades: AGGREGATE_READERS,
  status: AGGREGATE_READERS,
  utilization: UTILIZATION_READERS,
  quality: [...ARCHIVE_KEEPERS, 'leader'],
};

const roleOf = (request: FastifyRequest): Role => request.user!.role;
const readsUtilization = (role: Role) => UTILIZATION_READERS.includes(role);

const overview: FastifyPluginAsyncTypebox = async (app) => {
  // The key figures of one version, per scope (college, whether utilization is shown): computed once and
  // kept until the version changes, so that warmOverview can compute them before anyone asks. Answers
  // are also in the response cache, whose key has the caller's role in it; this keeps the computation.
  let figures: { version: string; byScope: Map<string, ReturnType<typeof keyFigureSeries>> } = { version: '', byScope: new Map() };
  function figuresOf(version: string, scope: KeyFigureScope): ReturnType<typeof keyFigureSeries> {
    if (figures.version !== version) figures = { version, byScope: new Map() };
    const key = JSON.stringify(scope);
    let found = figures.byScope.get(key);
    if (!found) {
      found = keyFigureSeries(app.archive.db, scope, (file, params) => app.archive.queryMetric(file, params));
      const mine = found;
      found.catch(() => figures.byScope.get(key) === mine && figures.byScope.delete(key));
      figures.byScope.set(key, found);
    }
    return found;
  }

  app.get(
    '/api/overview',
    {
      config: {
        // The answer depends on whether the caller reads utilization.
        cache: { vary: (request) => readsUtilization(roleOf(request)) },
        access: {
          roles: AGGREGATE_READERS,
          collegeScope: true,
          suppress: { count: 'n', cell: ['measure', 'year'], along: [], values: ['value'] },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Key figures by year: enrolled, graduation at 100 %, first-year retention, status changes, mean GPA, archive requests, student-record share',
        description:
          'Each measure as a series of points (year, value, n) through the same SQL as its area page: flows for complete academic years only, cohort outcomes where measured for the whole cohort. The change against last year is the last point against the one before.',
        querystring: OverviewQuery,
        response: { 200: Overview, ...errorResponses },
      },
    },
    async (request) => {
      const version = await app.requireVersion();
      const scope = { college: request.query.college ?? null, utilization: readsUtilization(roleOf(request)) };
      const { as_of, rows } = await figuresOf(version, scope);
      return { version, as_of, measures: measureInfo(scope), rows: rows as never };
    },
  );

  // One scan per data version, shared by every caller and filter: a scan runs thousands of tests.
  let scanned: { version: string; scan: Promise<Scan> } | null = null;
  function scanOf(version: string): Promise<Scan> {
    if (scanned?.version !== version) {
      const scan = scanArchive(app.archive.db, app.archive.dataDir, (file, params) => app.archive.queryMetric(file, params));
      scan.catch(() => {
        if (scanned?.scan === scan) scanned = null;
      });
      scanned = { version, scan };
    }
    return scanned.scan;
  }

  app.decorate('warmOverview', async () => {
    const version = await app.archive.ensureCurrent();
    if (!version) return;
    // One after the other: each already uses both cores.
    await figuresOf(version, { college: null, utilization: true });
    await figuresOf(version, { college: null, utilization: false });
    await scanOf(version);
  });

  app.get(
    '/api/insights',
    {
      config: {
        cache: { vary: (request) => roleOf(request) },
        access: {
          roles: [...AGGREGATE_READERS, 'archivist'],
          collegeScope: true,
          suppress: {
            count: 'n',
            cell: ['rank'],
            along: [],
            values: ['id', 'college', 'effect', 'p_value', 'q_value', 'numbers', 'sentence_zh', 'sentence_en', 'link'],
          },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'What needs attention: findings of the insights engine, ranked',
        description:
          'Course DFW outliers and jumps, changes in a college’s grades, grade inflation, rising withdrawals, utilization surges against the forecast, data-quality problems. Every test of the scan is held to a false-discovery rate of 5 % (Benjamini–Hochberg); a finding must also be material. Each finding has one sentence in Chinese and in English, the numbers in it, and a link to the chart that shows it.',
        querystring: InsightsQuery,
        response: { 200: Insights, ...errorResponses },
      },
    },
    async (request) => {
      const version = await app.requireVersion();
      const scan = await scanOf(version);
      const role = roleOf(request);
      const q = request.query;
      const lowest = q.severity ? (SEVERITIES as readonly string[]).indexOf(q.severity) : SEVERITIES.length - 1;
      const rows = scan.findings.filter(
        (f) =>
          AREA_READERS[f.area].includes(role) &&
          (q.area === undefined || f.area === q.area) &&
          SEVERITIES.indexOf(f.severity) <= lowest &&
          (q.college === undefined || f.college === q.college),
      );
      return { version, as_of: scan.as_of, alpha: ALPHA, tests: scan.tests, significant: scan.significant, rows: rows as never };
    },
  );
};

// Not encapsulated (fastify-plugin), so that warmOverview is decorated on the app npm start holds.
export default fp(overview, { name: 'overview-routes' });
