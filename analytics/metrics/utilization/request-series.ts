// The complete months of requests matching the utilization filters, read from the archive
// (monthly-series.ts decides what is complete). Shared by the forecast and seasons routes and by the
// insights engine's surge detector.
import type { MetricQuery } from '../from-rollup.ts';
import { buildMonthlySeries, type MonthCount, type MonthlySeries } from './monthly-series.ts';

export interface RequestFilters {
  from?: string;
  to?: string;
  category?: string;
  channel?: string;
  purpose?: string;
  requester_type?: string;
}

/** The filters as SQL parameters: every one present, null when absent. */
export function requestFilterParams(q: RequestFilters) {
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    category: q.category ?? null,
    channel: q.channel ?? null,
    purpose: q.purpose ?? null,
    requester_type: q.requester_type ?? null,
  };
}

/** `query` runs the metric files: archive.queryMetric (the request rollups where built) or the detail. */
export async function monthlyRequestSeries(query: MetricQuery, q: RequestFilters): Promise<MonthlySeries> {
  const [extent] = await query('metrics/utilization/request-extent');
  if (!extent?.first_day || !extent.last_day) return buildMonthlySeries([], null);
  const first = q.from && q.from > (extent.first_day as string) ? q.from : (extent.first_day as string);
  const last = q.to && q.to < (extent.last_day as string) ? q.to : (extent.last_day as string);
  const counts = (await query('metrics/utilization/monthly-requests', requestFilterParams(q))) as unknown as MonthCount[];
  return buildMonthlySeries(counts, { first, last });
}
