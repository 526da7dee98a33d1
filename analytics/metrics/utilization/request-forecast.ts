// The forecast of monthly requests (人次) the archive plans its staff with, and the evidence for it.
//
// Method: Holt–Winters (additive trend; additive or multiplicative seasonality, parameters and form by
// grid search on one-step SSE — analytics/mining/holt-winters.ts). The archive's volume grows with every
// cohort that enters and keeps the academic calendar's rhythm (graduation in June–July, study-abroad
// applications in autumn), which is the level + trend + season structure Holt–Winters models; it is
// small enough to implement and test here, and its parameters can be read.
//
// Backtest: the last 12 complete months are held out; the method (grid search included) is fitted on the
// months before them only and forecasts the 12 months; its MAPE is set beside the MAPE of the seasonal
// naive forecast (same month last year) over the same months. The forecast shown is then refitted on all
// complete months.
//
// Interval: from the backtest's relative errors, ŷ·(1 ± z·RMS(e)), at 80 % and 95 %
// (analytics/mining/forecast-accuracy.ts). Twelve errors, one per horizon 1–12, make it a rough band: it
// says how far off the method was over the last year, not a probability model of the future.
import { forecastHoltWinters, gridSearchHoltWinters, minimumLength, type Seasonality } from '../../mining/holt-winters.ts';
import { meanAbsolutePercentageError, relativeErrorInterval, relativeErrors, seasonalNaiveForecast, Z_80, Z_95 } from '../../mining/forecast-accuracy.ts';
import { addMonths, type MonthlySeries } from './monthly-series.ts';

export const SEASON_LENGTH = 12;
export const BACKTEST_MONTHS = 12;
/** Two seasons to initialise the model on the training part, plus the held-out year. */
export const MINIMUM_MONTHS = minimumLength(SEASON_LENGTH) + BACKTEST_MONTHS;
export const HORIZON = { min: 6, max: 12, default: 12 } as const;

export interface HistoryMonth {
  month: string;
  requests: number;
  /** The final model's one-step-ahead value (null in the first season, which only initialises). */
  fitted: number | null;
  /** The backtest forecast (trained before the held-out year), in the held-out months only. */
  backtest: number | null;
  /** The seasonal naive forecast (same month a year before), in the held-out months only. */
  naive: number | null;
}

export interface ForecastMonth {
  month: string;
  forecast: number;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

export interface Backtest {
  /** First and last held-out month. */
  from: string;
  to: string;
  /** Percent; null when no held-out month had a request. */
  mape: number | null;
  naive_mape: number | null;
  /** Held-out months the MAPEs were computed on (months with 0 requests are left out). */
  months: number;
}

export interface ForecastModel {
  method: 'holt-winters';
  seasonality: Seasonality;
  period: number;
  alpha: number;
  beta: number;
  gamma: number;
  trained_from: string;
  trained_to: string;
}

export interface RequestForecast {
  history: HistoryMonth[];
  forecast: ForecastMonth[];
  backtest: Backtest | null;
  model: ForecastModel | null;
  /** Why there is no forecast: the complete months available and the number needed. */
  shortfall: { months: number; needed: number } | null;
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

export function forecastRequests(series: MonthlySeries, horizon: number = HORIZON.default): RequestForecast {
  if (!Number.isInteger(horizon) || horizon < HORIZON.min || horizon > HORIZON.max) {
    throw new RangeError(`horizon must be a whole number of months from ${HORIZON.min} to ${HORIZON.max}, got ${horizon}`);
  }
  const { months, values } = series;
  const history: HistoryMonth[] = months.map((month, t) => ({ month, requests: values[t], fitted: null, backtest: null, naive: null }));
  if (values.length < MINIMUM_MONTHS) {
    return { history, forecast: [], backtest: null, model: null, shortfall: { months: values.length, needed: MINIMUM_MONTHS } };
  }

  // Backtest: fit on everything before the held-out year, forecast it, compare with the naive baseline.
  const cut = values.length - BACKTEST_MONTHS;
  const training = values.slice(0, cut);
  const held = values.slice(cut);
  const trained = gridSearchHoltWinters(training, SEASON_LENGTH);
  const backtestForecast = forecastHoltWinters(trained, BACKTEST_MONTHS).map((v) => Math.max(0, v));
  const naive = seasonalNaiveForecast(training, BACKTEST_MONTHS, SEASON_LENGTH);
  const model = meanAbsolutePercentageError(held, backtestForecast);
  const baseline = meanAbsolutePercentageError(held, naive);
  held.forEach((_, i) => {
    history[cut + i].backtest = round(backtestForecast[i]);
    history[cut + i].naive = naive[i];
  });
  const errors = relativeErrors(held, backtestForecast);

  // The forecast itself: the same method refitted on every complete month.
  const final = gridSearchHoltWinters(values, SEASON_LENGTH);
  final.fitted.forEach((value, t) => {
    if (t >= SEASON_LENGTH) history[t].fitted = round(Math.max(0, value));
  });
  const last = months[months.length - 1];
  const forecast = forecastHoltWinters(final, horizon).map((raw, i): ForecastMonth => {
    const point = Math.max(0, raw);
    const band80 = errors.length > 0 ? relativeErrorInterval(point, errors, Z_80) : null;
    const band95 = errors.length > 0 ? relativeErrorInterval(point, errors, Z_95) : null;
    return {
      month: addMonths(last, i + 1),
      forecast: round(point),
      lower80: band80 && round(band80.lower),
      upper80: band80 && round(band80.upper),
      lower95: band95 && round(band95.lower),
      upper95: band95 && round(band95.upper),
    };
  });

  return {
    history,
    forecast,
    backtest: {
      from: months[cut],
      to: last,
      mape: model.mape === null ? null : round(model.mape),
      naive_mape: baseline.mape === null ? null : round(baseline.mape),
      months: model.n,
    },
    model: {
      method: 'holt-winters',
      seasonality: final.seasonality,
      period: SEASON_LENGTH,
      alpha: final.alpha,
      beta: final.beta,
      gamma: final.gamma,
      trained_from: months[0],
      trained_to: last,
    },
    shortfall: null,
  };
}
