// Forecast accuracy and the baseline a forecast must beat.
//   MAPE = (100 / n) · Σ |yt − ŷt| / yt over the n periods with yt > 0 (Hyndman & Koehler 2006, "Another
//   look at measures of forecast accuracy": undefined where yt = 0, so such periods are left out and n says
//   how many were used).
//   Seasonal naive: ŷT+h = yT+h−m(k+1), k = ⌊(h−1)/m⌋ — each month forecast as the same month a year before
//   (FPP §3.1), the benchmark a seasonal method has to beat to be worth its complexity.
//   Interval from relative errors: with et = (yt − ŷt)/ŷt from a backtest, y ≈ ŷ·(1 + e); the band is
//   ŷ·(1 ± z·RMS(e)), z the standard normal quantile for the level. RMS rather than the standard deviation
//   so that a bias seen in the backtest widens the band instead of being ignored.
import { rootMeanSquare } from 'simple-statistics';

/** Standard normal quantiles Φ⁻¹(0.9) and Φ⁻¹(0.975): central 80 % and 95 % bands (simple-statistics'
 * probit is an approximation good to about 4·10⁻⁴, too coarse to test against the tables). */
export const Z_80 = 1.2815515655446004;
export const Z_95 = 1.959963984540054;

export interface Mape {
  /** Percent; null when no period had a positive actual value. */
  mape: number | null;
  /** Periods used. */
  n: number;
}

export function meanAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): Mape {
  if (actual.length !== forecast.length) throw new RangeError(`${actual.length} actual values against ${forecast.length} forecasts`);
  let sum = 0;
  let n = 0;
  actual.forEach((y, t) => {
    if (!(y > 0)) return;
    sum += Math.abs(y - forecast[t]) / y;
    n++;
  });
  return { mape: n === 0 ? null : (100 * sum) / n, n };
}

export function seasonalNaiveForecast(history: readonly number[], horizon: number, period: number): number[] {
  if (history.length < period) throw new RangeError(`the seasonal naive forecast needs a full season (${period}) of history, got ${history.length}`);
  const last = history.length;
  return Array.from({ length: horizon }, (_, i) => history[last - period + (i % period)]);
}

/** (yt − ŷt) / ŷt for the periods with a positive forecast. */
export function relativeErrors(actual: readonly number[], forecast: readonly number[]): number[] {
  const errors: number[] = [];
  actual.forEach((y, t) => {
    if (forecast[t] > 0) errors.push((y - forecast[t]) / forecast[t]);
  });
  return errors;
}

export interface Interval {
  lower: number;
  upper: number;
}

/** The band ŷ·(1 ± z·RMS(e)) around `point` (z = Z_80 or Z_95); the lower end kept ≥ 0. */
export function relativeErrorInterval(point: number, errors: readonly number[], z: number): Interval {
  if (errors.length === 0) throw new RangeError('an interval needs at least one error');
  if (!(z > 0)) throw new RangeError(`z must be positive, got ${z}`);
  const spread = z * rootMeanSquare([...errors]);
  return { lower: Math.max(0, point * (1 - spread)), upper: point * (1 + spread) };
}
