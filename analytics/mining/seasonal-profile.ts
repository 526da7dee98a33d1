// The seasonal profile of a monthly series: how busy each month of the year is against the year it
// belongs to, by the ratio-to-annual-mean method (the "method of simple averages" of classical time-series
// analysis, pooled over years):
//   indexp = Σc yc,p / Σc ȳc
// over the complete cycles c (years) of the series, with yc,p the value at position p of cycle c and ȳc
// the cycle's mean. The indices average exactly 1: an index of 1.5 for June means June runs 50 % above
// an average month of its year. Pooling (a ratio of sums, not a mean of ratios) weighs each year by its
// volume, so a thin first year does not add as much noise as a busy recent one.
//
// Where the cycles start matters. A university archive's volume follows its student body, which changes
// once a year, at the September intake: within an academic year (September–August) the level is flat, so
// the ratio to the academic year's own mean carries no trend. A centred 12-month moving average (the
// classical decomposition) would instead smear each intake step over the months around it and report
// part of the growth as autumn seasonality — so cycles start at the academic year, not in January.

export interface SeasonalProfile {
  /** Index per calendar position (0 = January … 11 = December for monthly data), averaging 1. */
  index: number[];
  /** Sum of the values at each calendar position over the cycles used. */
  totals: number[];
  /** Complete cycles used. */
  cycles: number;
  /** Index into the series of the first and last value used. */
  first: number;
  last: number;
}

/**
 * @param y the series, oldest first, without gaps
 * @param period season length m (12)
 * @param firstPosition the calendar position of y[0] (8 for a monthly series starting in September)
 * @param cycleStart the calendar position each cycle starts at (8 = September: academic years)
 * @returns null when the series holds no complete cycle, or its cycles hold nothing but zeros
 */
export function seasonalIndexByCycle(y: readonly number[], period: number, firstPosition: number, cycleStart: number): SeasonalProfile | null {
  if (!Number.isInteger(period) || period < 2) throw new RangeError(`season length must be a whole number ≥ 2, got ${period}`);
  const position = (t: number) => (((firstPosition + t) % period) + period) % period;
  let first = 0;
  while (first < y.length && position(first) !== ((cycleStart % period) + period) % period) first++;
  const cycles = Math.floor((y.length - first) / period);
  if (cycles === 0) return null;
  const last = first + cycles * period - 1;

  const totals = new Array<number>(period).fill(0);
  let all = 0;
  for (let t = first; t <= last; t++) {
    totals[position(t)] += y[t];
    all += y[t];
  }
  if (!(all > 0)) return null;
  // Σc ȳc = (Σ of every value used) / m
  const pooledMean = all / period;
  return { index: totals.map((total) => total / pooledMean), totals, cycles, first, last };
}
