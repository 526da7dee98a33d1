// The seasonal profile of requests by calendar month, over the complete academic years (September to
// August) of the monthly series: the months' totals, their mean per year and the seasonal index
// (analytics/mining/seasonal-profile.ts says why the cycles start at the September intake).
import { seasonalIndexByCycle } from '../../mining/seasonal-profile.ts';
import { addMonths, type MonthlySeries } from './monthly-series.ts';

/** The academic year starts in September (the intake), month 9. */
export const ACADEMIC_YEAR_START_MONTH = 9;

export interface SeasonalMonth {
  /** 1 = January … 12 = December. */
  month: number;
  /** Requests in this calendar month, summed over the academic years used. */
  requests: number;
  /** The same per academic year. */
  mean_requests: number;
  /** Ratio to the academic year's mean month, pooled over the years; the twelve average 1. */
  index: number;
}

export interface SeasonalMonths {
  rows: SeasonalMonth[];
  /** Complete academic years used, and their first and last month (YYYY-MM); 0 and null when none. */
  years: number;
  from: string | null;
  to: string | null;
}

export function seasonalMonths(series: MonthlySeries): SeasonalMonths {
  if (series.months.length === 0) return { rows: [], years: 0, from: null, to: null };
  const firstPosition = Number(series.months[0].slice(5, 7)) - 1;
  const profile = seasonalIndexByCycle(series.values, 12, firstPosition, ACADEMIC_YEAR_START_MONTH - 1);
  if (!profile) return { rows: [], years: 0, from: null, to: null };
  return {
    rows: profile.index.map((index, position) => ({
      month: position + 1,
      requests: profile.totals[position],
      mean_requests: profile.totals[position] / profile.cycles,
      index,
    })),
    years: profile.cycles,
    from: series.months[profile.first],
    to: addMonths(series.months[profile.first], profile.last - profile.first),
  };
}
