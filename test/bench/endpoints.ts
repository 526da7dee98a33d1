// What the bench asks: representative dashboard URLs per area (as the pages call them, signed in as a
// leader), and for each the same question asked of the detail data directly in DuckDB (the "raw"
// time): the route's detail SQL with the route's defaults (from the OpenAPI document) and the URL's
// parameters, over the curated Parquet, no HTTP, no cache, no rollup.
import type { Database } from '../../analytics/db/database.ts';
import { keyFigureSeries } from '../../analytics/overview/key-figures.ts';

export interface Endpoint {
  area: string;
  url: string;
  /** Detail SQL files (sql/<file>.sql) the raw question runs, in order; or a function. */
  raw?: string[] | ((db: Database) => Promise<unknown>);
  /** Status metrics count at the archive's as-of date. */
  asOf?: boolean;
}

/** The largest college's name fills {college}: the college a college account would see. */
export function endpoints(college: string): Endpoint[] {
  const c = encodeURIComponent(college);
  return [
    { area: 'meta', url: '/api/meta', raw: ['meta/filter-options', 'meta/course-natures'] },
    { area: 'overview', url: '/api/overview', raw: (db) => keyFigureSeries(db, { college: null, utilization: true }) },
    { area: 'overview', url: '/api/insights' },
    { area: 'grades', url: '/api/grades/trends', raw: ['metrics/grades/cohort-grade-trends'] },
    { area: 'grades', url: `/api/grades/trends?college=${c}`, raw: ['metrics/grades/cohort-grade-trends'] },
    { area: 'grades', url: '/api/grades/trends?attempt=best', raw: ['metrics/grades/cohort-grade-trends'] },
    { area: 'grades', url: '/api/grades/trends/years', raw: ['metrics/grades/grade-trends-by-year'] },
    { area: 'grades', url: '/api/grades/distribution/scores', raw: ['metrics/grades/score-histogram'] },
    { area: 'grades', url: '/api/grades/distribution/boxplot', raw: ['metrics/grades/score-boxplot'] },
    { area: 'grades', url: '/api/grades/courses?sort=rank&limit=50', raw: ['metrics/grades/course-dfw'] },
    { area: 'grades', url: '/api/grades/courses/years?jumps_only=true', raw: ['metrics/grades/course-dfw-by-year', 'metrics/grades/course-year-names'] },
    { area: 'grades', url: '/api/grades/inflation/trends', raw: ['metrics/grades/grade-inflation'] },
    { area: 'grades', url: '/api/grades/progress', raw: ['metrics/grades/student-progress'] },
    { area: 'grades', url: '/api/grades/compare?a=2020&b=2021', raw: ['metrics/grades/cohort-comparison'] },
    { area: 'status', url: '/api/status/changes', raw: ['metrics/status/change-rates'], asOf: true },
    { area: 'status', url: '/api/status/outcomes', raw: ['metrics/status/cohort-outcomes'], asOf: true },
    { area: 'status', url: '/api/status/survival', raw: ['metrics/status/withdrawal-survival'], asOf: true },
    { area: 'status', url: '/api/status/flows', raw: ['metrics/status/status-flows'], asOf: true },
    { area: 'utilization', url: '/api/utilization/summary', raw: ['metrics/utilization/utilization-summary'] },
    { area: 'utilization', url: '/api/utilization/timeseries', raw: ['metrics/utilization/requests-by-period'] },
    { area: 'utilization', url: '/api/utilization/breakdown', raw: ['metrics/utilization/requests-by-dimension'] },
    { area: 'utilization', url: '/api/utilization/service', raw: ['metrics/utilization/turnaround-by-dimension'] },
    { area: 'utilization', url: '/api/utilization/forecast', raw: ['metrics/utilization/request-extent', 'metrics/utilization/monthly-requests'] },
  ];
}

/** The URLs the overview page calls: the concurrent-load target. */
export const OVERVIEW_URLS = ['/api/overview', '/api/insights', '/api/meta'];

/** Each GET route's query defaults, from the OpenAPI document the server publishes. */
export async function routeDefaults(baseUrl: string): Promise<Map<string, Record<string, unknown>>> {
  const doc = (await (await fetch(`${baseUrl}/api/docs/json`)).json()) as {
    paths: Record<string, { get?: { parameters?: { in: string; name: string; schema?: { default?: unknown } }[] } }>;
  };
  const defaults = new Map<string, Record<string, unknown>>();
  for (const [route, item] of Object.entries(doc.paths)) {
    const values: Record<string, unknown> = {};
    for (const parameter of item.get?.parameters ?? []) {
      if (parameter.in === 'query' && parameter.schema?.default !== undefined) values[parameter.name] = parameter.schema.default;
    }
    defaults.set(route, values);
  }
  return defaults;
}
