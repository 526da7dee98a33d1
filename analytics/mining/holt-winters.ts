// Holt–Winters exponential smoothing with an additive trend and additive or multiplicative seasonality,
// in the component form of Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (2nd ed.,
// §7.3), with m the season length:
//   additive:        ℓt = α(yt − st−m) + (1−α)(ℓt−1 + bt−1)
//                    bt = β(ℓt − ℓt−1) + (1−β)bt−1
//                    st = γ(yt − ℓt−1 − bt−1) + (1−γ)st−m
//                    ŷt+h|t = ℓt + h·bt + st+h−m(k+1),  k = ⌊(h−1)/m⌋
//   multiplicative:  ℓt = α(yt / st−m) + (1−α)(ℓt−1 + bt−1)
//                    bt as above
//                    st = γ·yt / (ℓt−1 + bt−1) + (1−γ)st−m
//                    ŷt+h|t = (ℓt + h·bt)·st+h−m(k+1)
// Parameters are chosen by grid search, minimising the sum of squared one-step-ahead errors — the
// classical criterion (FPP §7.3; R's HoltWinters) — with no look at data outside the series given, so a
// backtest that fits on a training part alone never sees its test months.
//
// Initial state (before the first observation), from the first two seasons: the trend is the change
// between the two seasons' means divided by m; the level is the first season's mean carried back from
// its middle ((m−1)/2) to just before the first month; the seasonal terms are the first season's values
// against that trend line (differences or ratios). The first season only initialises: its one-step
// errors are left out of the criterion.

export type Seasonality = 'additive' | 'multiplicative';

export interface HoltWintersParameters {
  seasonality: Seasonality;
  /** Season length m (12 for monthly data). */
  period: number;
  alpha: number;
  beta: number;
  gamma: number;
}

export interface HoltWintersFit extends HoltWintersParameters {
  /** One-step-ahead forecasts: fitted[t] = ŷt|t−1 for every observation t. */
  fitted: number[];
  /** Sum of squared one-step errors over t ≥ m (Infinity when the level left the positive range a multiplicative model needs). */
  sse: number;
  /** State after the last observation. */
  level: number;
  trend: number;
  /** Seasonal terms by position in the season: seasonals[t mod m] is the latest st for that position. */
  seasonals: number[];
  /** Number of observations fitted. */
  n: number;
}

/** Observations needed to initialise a model of season length `period`. */
export const minimumLength = (period: number): number => 2 * period;

interface InitialState {
  level: number;
  trend: number;
  seasonals: number[];
}

function initialState(y: readonly number[], m: number, seasonality: Seasonality): InitialState {
  const mean = (from: number) => y.slice(from, from + m).reduce((a, b) => a + b, 0) / m;
  const first = mean(0);
  const trend = (mean(m) - first) / m;
  // The first season's mean sits at its middle, t = (m − 1)/2; the state is "just before t = 0".
  const level = first - ((m + 1) / 2) * trend;
  const seasonals = Array.from({ length: m }, (_, i) => {
    const line = level + (i + 1) * trend;
    return seasonality === 'additive' ? y[i] - line : y[i] / line;
  });
  return { level, trend, seasonals };
}

function checkParameters(y: readonly number[], parameters: HoltWintersParameters): void {
  const { period: m, alpha, beta, gamma } = parameters;
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`season length must be a whole number ≥ 2, got ${m}`);
  if (y.length < minimumLength(m)) throw new RangeError(`Holt–Winters needs at least ${minimumLength(m)} observations, got ${y.length}`);
  for (const [name, value] of [['alpha', alpha], ['beta', beta], ['gamma', gamma]] as const) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  }
}

/**
 * The smoothing recursion: fills `seasonals` (a copy of the initial terms, updated in place) and, when
 * given, `fitted`; returns the final level and trend and the one-step SSE over t ≥ m.
 */
function smooth(
  y: readonly number[],
  parameters: HoltWintersParameters,
  init: InitialState,
  seasonals: number[] | Float64Array,
  fitted: number[] | null,
): { level: number; trend: number; sse: number } {
  const { period: m, alpha, beta, gamma } = parameters;
  const multiplicative = parameters.seasonality === 'multiplicative';
  let level = init.level;
  let trend = init.trend;
  for (let i = 0; i < m; i++) seasonals[i] = init.seasonals[i];
  let sse = 0;
  let valid = true;

  for (let t = 0; t < y.length; t++) {
    const slot = t % m;
    const base = level + trend;
    const season = seasonals[slot];
    // A multiplicative model divides by the level and the seasonal term: both must stay positive.
    if (multiplicative && !(base > 0 && season > 0)) valid = false;
    const prediction = multiplicative ? base * season : base + season;
    if (fitted) fitted.push(prediction);
    if (t >= m) sse += (y[t] - prediction) ** 2;

    const previousLevel = level;
    level = multiplicative ? alpha * (y[t] / season) + (1 - alpha) * base : alpha * (y[t] - season) + (1 - alpha) * base;
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
    seasonals[slot] = multiplicative ? gamma * (y[t] / base) + (1 - gamma) * season : gamma * (y[t] - base) + (1 - gamma) * season;
  }
  return { level, trend, sse: valid && Number.isFinite(sse) ? sse : Infinity };
}

/** Runs the smoothing equations over `y` with fixed parameters. */
export function fitHoltWinters(y: readonly number[], parameters: HoltWintersParameters): HoltWintersFit {
  checkParameters(y, parameters);
  const seasonals = new Array<number>(parameters.period);
  const fitted: number[] = [];
  const { level, trend, sse } = smooth(y, parameters, initialState(y, parameters.period, parameters.seasonality), seasonals, fitted);
  return { ...parameters, fitted, sse, level, trend, seasonals, n: y.length };
}

/** Forecasts h = 1 … horizon steps after the last observation fitted. */
export function forecastHoltWinters(fit: HoltWintersFit, horizon: number): number[] {
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const season = fit.seasonals[(fit.n - 1 + h) % fit.period];
    const line = fit.level + h * fit.trend;
    out.push(fit.seasonality === 'multiplicative' ? line * season : line + season);
  }
  return out;
}

const steps = (from: number, to: number, step: number): number[] => {
  const values: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) values.push(Math.round((from + i * step) * 100) / 100);
  return values;
};

/** The grid searched: α and γ from 0.05 to 0.95, β from 0 to 0.5, in steps of 0.05. */
export const GRID = {
  alpha: steps(0.05, 0.95, 0.05),
  beta: steps(0, 0.5, 0.05),
  gamma: steps(0.05, 0.95, 0.05),
} as const;

export interface GridSearchOptions {
  /** Seasonalities tried; multiplicative is skipped for a series with a value ≤ 0 (it divides by them). */
  seasonalities?: readonly Seasonality[];
  grid?: { alpha: readonly number[]; beta: readonly number[]; gamma: readonly number[] };
}

/**
 * The model with the smallest one-step SSE over the grid (ties: the first in grid order, additive before
 * multiplicative), refitted so its state and fitted values are returned.
 */
export function gridSearchHoltWinters(y: readonly number[], period: number, options: GridSearchOptions = {}): HoltWintersFit {
  const grid = options.grid ?? GRID;
  checkParameters(y, { seasonality: 'additive', period, alpha: 0, beta: 0, gamma: 0 });
  const positive = y.every((v) => v > 0);
  const seasonalities = (options.seasonalities ?? ['additive', 'multiplicative']).filter((s) => s === 'additive' || positive);
  if (seasonalities.length === 0) throw new RangeError('no seasonality left to try: a multiplicative model needs positive values');
  let best: HoltWintersParameters | null = null;
  let bestSse = Infinity;
  const buffer = new Float64Array(period);
  for (const seasonality of seasonalities) {
    const init = initialState(y, period, seasonality);
    for (const alpha of grid.alpha) {
      for (const beta of grid.beta) {
        for (const gamma of grid.gamma) {
          const parameters = { seasonality, period, alpha, beta, gamma };
          const { sse } = smooth(y, parameters, init, buffer, null);
          if (sse < bestSse) {
            bestSse = sse;
            best = parameters;
          }
        }
      }
    }
  }
  if (!best) throw new RangeError('no parameters on the grid give a finite fit');
  return fitHoltWinters(y, best);
}
