// The monthly request series the seasonal profile and the forecast are computed on: one value per
// calendar month, without gaps (a month with no request is 0), and only complete months.
//
// A month is complete when the span of the request log covers all of its working days: the first
// month counts if the span starts on or before its first Monday–Friday day, the last if it ends on or
// after its last one. The counters are closed at weekends, so a log that ends on a Saturday still holds
// the whole month; a log exported on the 10th does not, and that month, if counted, would drag the
// forecast down. The span is the archive's first and last request day (without filters: a filter on a
// rare category must not make the last month look partial), narrowed by the reader's from/to.

export interface MonthCount {
  /** First day of the month, YYYY-MM-DD (as monthly-requests.sql answers). */
  month: string;
  requests: number;
}

export interface MonthlySeries {
  /** YYYY-MM, consecutive. */
  months: string[];
  values: number[];
  /** Months at either end of the span left out as incomplete (YYYY-MM), if any. */
  partial: string[];
}

const DAY = 86_400_000;

function parseDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a date of the form YYYY-MM-DD`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const isWeekday = (date: Date) => date.getUTCDay() >= 1 && date.getUTCDay() <= 5;

/** The month's first Monday–Friday day. */
export function firstWorkingDay(year: number, month: number): Date {
  let date = new Date(Date.UTC(year, month - 1, 1));
  while (!isWeekday(date)) date = new Date(date.getTime() + DAY);
  return date;
}

/** The month's last Monday–Friday day. */
export function lastWorkingDay(year: number, month: number): Date {
  let date = new Date(Date.UTC(year, month, 0));
  while (!isWeekday(date)) date = new Date(date.getTime() - DAY);
  return date;
}

export const monthLabel = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** The month `offset` months after YYYY-MM. */
export function addMonths(label: string, offset: number): string {
  const index = Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1 + offset;
  return monthLabel(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * @param counts requests per month (months without requests may be absent)
 * @param span first and last day the log covers (YYYY-MM-DD), already narrowed by the filters
 */
export function buildMonthlySeries(counts: readonly MonthCount[], span: { first: string; last: string } | null): MonthlySeries {
  if (!span) return { months: [], values: [], partial: [] };
  const first = parseDay(span.first);
  const last = parseDay(span.last);
  if (first > last) return { months: [], values: [], partial: [] };
  const partial: string[] = [];

  let start = monthLabel(first.getUTCFullYear(), first.getUTCMonth() + 1);
  if (first > firstWorkingDay(first.getUTCFullYear(), first.getUTCMonth() + 1)) {
    partial.push(start);
    start = addMonths(start, 1);
  }
  let end = monthLabel(last.getUTCFullYear(), last.getUTCMonth() + 1);
  if (last < lastWorkingDay(last.getUTCFullYear(), last.getUTCMonth() + 1)) {
    if (!partial.includes(end)) partial.push(end);
    end = addMonths(end, -1);
  }

  const byMonth = new Map(counts.map((c) => [c.month.slice(0, 7), c.requests]));
  const months: string[] = [];
  const values: number[] = [];
  for (let month = start; month <= end; month = addMonths(month, 1)) {
    months.push(month);
    values.push(byMonth.get(month) ?? 0);
  }
  return { months, values, partial };
}
